package org.unlearnstability.experiment.fig1;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;

/**
 * A Figure 1 variant with distinct retain and forget sets: the retain set is the section 3.1 set (Q samples on
 * e_1, one on each of e_2..e_{n-Q+1}); of the forget set's cluster of Q samples only k = round(overlap Q) share
 * e_1, the other Q - k each land on a retain singleton direction (e_2, e_3, ...), and the n - Q forget singletons
 * sit on e_2..e_{n-Q+1} as in section 3.1. Every Hessian is m e_c e_c^T, m = 2n/Q. overlap = 1 is section 3.1;
 * smaller overlaps make the forget set less coherent with the retain set (and with itself), while every forget
 * direction keeps retain support. It needs n - Q &gt;= Q - k.
 *
 * @param overlap the share of the forget cluster on the retain cluster's direction e_1, in [0, 1]
 */
record ClusterConstruction(double overlap) implements Fig1Construction {
    /** The value of a Figure 1 spec's "construction" field for this construction. */
    static final String NAME = "clusters";

    /** Rejects an overlap outside [0, 1]. */
    ClusterConstruction {
        if (!(overlap >= 0.0 && overlap <= 1.0)) {
            throw new IllegalArgumentException("overlap must lie in [0, 1], got " + overlap);
        }
    }

    /**
     * @param q Q
     * @return k, the forget cluster's samples on e_1
     */
    int shared(int q) {
        return (int) Math.round(overlap * q);
    }

    @Override
    public HessianFamily family(int n, int q) {
        if (q < 1 || q > maxQ(n)) {
            throw new IllegalArgumentException("the cluster construction with overlap " + overlap + " needs 1 <= Q <= "
                    + maxQ(n) + " at n = " + n + ", got Q = " + q);
        }
        HessianFamily section31 = PaperConstruction.section31(n, q);
        int d = n - q + 1;
        double m = 2.0 * n / q;
        int k = shared(q);
        List<Hessian> forget = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] diagonal = new double[d];
            diagonal[forgetCoordinate(i, q, k)] = m;
            forget.add(DiagonalHessian.of(diagonal));
        }
        return new HessianFamily(section31.retain(), forget);
    }

    /** Forget sample i (0-based): cluster on e_1, then cluster on singleton directions, then singletons. */
    static int forgetCoordinate(int i, int q, int k) {
        if (i < k) {
            return 0;
        }
        return i < q ? 1 + (i - k) : 1 + (i - q);
    }

    @Override
    public CoordinateLaw law(int n, int q, int batch, double alpha, BatchSampler sampler) {
        return new ClusterLaw(n, q, shared(q), batch, alpha, sampler);
    }

    @Override
    public int maxQ(int n) {
        int q = n;
        while (q > 1 && n - q < q - shared(q)) {
            q--;
        }
        return q;
    }

    @Override
    public String describe(int n, double alpha) {
        return String.format(Locale.ROOT, """
                - Cluster construction (a variant, not in the paper): n_r = n_f = %d, the retain set as in section \
                3.1 (Q samples on e_1, one on each of e_2..e_{n-Q+1}); of the forget set's Q cluster samples only \
                round(%s Q) share e_1, the others each land on a retain singleton direction, and the forget \
                singletons sit on e_2..e_{n-Q+1}; every Hessian is m e_c e_c^T, m = 2n/Q, d = n - Q + 1; alpha = %s.
                """, n, overlap, alpha);
    }

    @Override
    public String title() {
        return "Figure 1 variant, forget overlap " + overlap;
    }
}
