package org.unlearnstability.coherence;

import java.util.stream.IntStream;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Entrywise bounds on the mix-coherence matrix S of Definition 3 that are cheap to apply.
 * Write i = (r, f), t_ij = Tr(D_i D_j) = a^2 G_rr' + ab G_rf' + ab G_r'f + b^2 G_ff' (non-negative: traces
 * of products of PSD matrices), n_i = sqrt(t_ii) = ||D_i||_F, e_i = sqrt(n_i) and cos_ij = t_ij / (n_i n_j),
 * which lies in [0, 1] by Cauchy-Schwarz. Then S_ij = sqrt(t_ij) = e_i e_j sqrt(cos_ij), and concavity of the
 * square root on [0, 1] gives
 * <ul>
 *   <li>below, the chord through 0 and 1: sqrt(c) &gt;= c, so L = E^{-1} T E^{-1} (L_ij = e_i e_j cos_ij)
 *       lies entrywise below S;</li>
 *   <li>above, a tangent line at any c_k &gt; 0: sqrt(c) &lt;= sqrt(c_k) / 2 + c / (2 sqrt(c_k)), chosen
 *       separately for each class k of off-diagonal pairs (same retain sample, same forget sample, neither),
 *       so M = diag(n) + sum_k [sqrt(c_k) / 2 (e e^T)_k + L_k / (2 sqrt(c_k))] lies entrywise above S (the
 *       diagonal S_ii = n_i is exact in both).</li>
 * </ul>
 * S, L and M are non-negative, so lambda_max(L) &lt;= lambda_max(S) &lt;= lambda_max(M) (Perron-Frobenius
 * monotonicity). T has Kronecker-sum structure, so a product with L costs O(n_r^2 + n_r n_f + n_f^2) and one with
 * M (the classes need the partial sums of T) O(n_r^2 n_f + n_r n_f^2), against (n_r n_f)^2 / 2 square roots for
 * S itself. The tangent point of a class is the mean cosine of the class weighted by the current Perron
 * vector x, c_k = x^T L_k x / x^T (e e^T)_k x, which minimises the Rayleigh quotient of M at x. The bounds
 * are tight when the D_rf of each class point in nearly one direction, loose when their cosines scatter.
 */
final class MixCoherenceBounds {
    /** Cosines below this count as this for the tangent point (the tangent at 0 is vertical). */
    static final double COSINE_FLOOR = 1e-8;
    /** Relative rounding allowance per summand of a computed sum of non-negative terms (a few ulps). */
    private static final double ROUNDING_PER_TERM = 4 * Math.ulp(1.0);
    /** Relative width of the first pass over the Perron roots of the bounds. */
    private static final double COARSE_TOLERANCE = 1e-4;
    /** The finest relative width to which the Perron roots of the bounds are computed. */
    private static final double BOUND_TOLERANCE = 1e-13;
    /** Power steps allowed on a cheap bound. */
    private static final int BOUND_ITERATIONS = 2_000;
    /** Smallest coordinate of a start vector relative to its largest (Collatz-Wielandt ratios need x &gt; 0). */
    static final double POSITIVE_FLOOR = 1e-12;
    /** Rounds of re-choosing the tangent points from the Perron vector of the last majorant. */
    private static final int TANGENT_ROUNDS = 3;

    private final int nRetain;
    private final int nForget;
    private final double[] retainTerm;
    private final double[] crossTerm;
    private final double[] forgetTerm;
    /** n_i = ||D_i||_F. */
    private final double[] norm;
    /** e_i = sqrt(n_i). */
    private final double[] root;
    /** Relative rounding of the class products: each is a few sums of at most n_r + n_f non-negative terms. */
    private final double rounding;

    /**
     * @param s the mix-coherence matrix whose Gram terms are bounded
     */
    MixCoherenceBounds(MixCoherenceMatrix s) {
        this.nRetain = s.nRetain();
        this.nForget = s.nForget();
        this.retainTerm = s.retainTerm();
        this.crossTerm = s.crossTerm();
        this.forgetTerm = s.forgetTerm();
        int n = nRetain * nForget;
        this.norm = new double[n];
        this.root = new double[n];
        for (int r = 0; r < nRetain; r++) {
            for (int f = 0; f < nForget; f++) {
                int i = r * nForget + f;
                norm[i] = Math.sqrt(Math.max(0.0, retainTerm[r * nRetain + r] + 2 * crossTerm[i]
                        + forgetTerm[f * nForget + f]));
                root[i] = Math.sqrt(norm[i]);
            }
        }
        this.rounding = 4 * (nRetain + nForget) * ROUNDING_PER_TERM;
    }

    /**
     * The bracket [lambda_max(L), lambda_max(M)] of lambda_max(S): the certified lower end of L's Perron root
     * and the certified upper end of M's, widened for rounding. The Perron roots of L and M are first found to
     * {@link #COARSE_TOLERANCE}; when the bounds' own gap is wider than requested and exact products will
     * follow, that suffices, otherwise they are refined as far as the gap and the requested width warrant.
     *
     * @param width the requested relative width
     * @param exactFollows whether exact products of S will narrow a bracket that is too wide
     * @return the bracket and an approximate Perron vector of S (that of the best majorant)
     */
    PerronRoot.Iterate bracket(double width, boolean exactFollows) {
        PerronRoot.Iterate coarse = bracketAt(COARSE_TOLERANCE, null);
        double gap = coarse.value().relativeWidth();
        if (gap <= width || exactFollows) {
            return coarse;
        }
        double tolerance = Math.max(BOUND_TOLERANCE, Math.min(COARSE_TOLERANCE, Math.max(width, gap) / 100));
        return bracketAt(tolerance, coarse.vector());
    }

    private PerronRoot.Iterate bracketAt(double tolerance, double @Nullable [] from) {
        NonnegativeOperator minorant = NonnegativeOperator.of(norm.length, this::minorant);
        double[] start = from == null ? root.clone() : from;
        PerronRoot.Iterate below = PerronRoot.of(minorant, tolerance, BOUND_ITERATIONS, positive(start));
        double lower = below.value().lower() * (1 - rounding);
        double[] x = below.vector();
        double upper = Double.POSITIVE_INFINITY;
        int products = below.value().iterations();
        for (int round = 0; round < TANGENT_ROUNDS; round++) {
            double[] tangent = tangentPoints(positive(x));
            PerronRoot.Iterate above = PerronRoot.of(majorant(tangent), tolerance, BOUND_ITERATIONS, positive(x));
            products += above.value().iterations();
            if (above.value().upper() < upper) {
                upper = above.value().upper();
                x = above.vector();
            }
        }
        upper *= 1 + rounding;
        double estimate = Math.min(Math.max(below.value().estimate(), lower), upper);
        return new PerronRoot.Iterate(new CertifiedEigenvalue(estimate, lower, upper, products), x);
    }

    /**
     * @param x a vector
     * @return |x| with every coordinate at least {@link #POSITIVE_FLOOR} of the largest (a Collatz-Wielandt start)
     */
    static double[] positive(double[] x) {
        double[] p = new double[x.length];
        double max = 0.0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.max(Math.abs(x[i]), POSITIVE_FLOOR * max + Double.MIN_NORMAL);
        }
        return p;
    }

    /** out = L x = E^{-1} T E^{-1} x, from the full Kronecker-sum product of T. */
    void minorant(double[] x, double[] out) {
        double[] y = scaled(x);
        ClassProducts t = classProducts(y, false);
        for (int i = 0; i < out.length; i++) {
            out[i] = root[i] == 0.0 ? 0.0 : t.full[i] / root[i];
        }
    }

    /**
     * @param tangent the tangent point c_k of each class (same retain, same forget, neither)
     * @return M as an operator
     */
    NonnegativeOperator majorant(double[] tangent) {
        return NonnegativeOperator.of(norm.length, (x, out) -> {
            double[] y = scaled(x);
            ClassProducts t = classProducts(y, true);
            ClassProducts ones = onesProducts(x);
            double[] slope = new double[3];
            double[] offset = new double[3];
            for (int k = 0; k < 3; k++) {
                double c = Math.sqrt(tangent[k]);
                // The rounding of the class products is covered by a multiple of the full product of T.
                slope[k] = 1 / (2 * c);
                offset[k] = c / 2;
            }
            double allowance = rounding * (slope[0] + slope[1] + slope[2]);
            double onesAllowance = rounding * (offset[0] + offset[1] + offset[2]);
            for (int i = 0; i < out.length; i++) {
                double cosineTerm = slope[0] * t.sameRetain[i] + slope[1] * t.sameForget[i]
                        + slope[2] * t.disjoint[i] + allowance * t.full[i];
                out[i] = norm[i] * x[i] + offset[0] * ones.sameRetain[i] + offset[1] * ones.sameForget[i]
                        + offset[2] * ones.disjoint[i] + onesAllowance * ones.full[i]
                        + (root[i] == 0.0 ? 0.0 : cosineTerm / root[i]);
            }
        });
    }

    /** The mean cosine of each class weighted by x: x^T L_k x / x^T (e e^T)_k x, at least the floor. */
    double[] tangentPoints(double[] x) {
        ClassProducts t = classProducts(scaled(x), true);
        ClassProducts ones = onesProducts(x);
        double[] y = scaled(x);
        double[] tangent = new double[3];
        double[][] cosine = {t.sameRetain, t.sameForget, t.disjoint};
        double[][] weight = {ones.sameRetain, ones.sameForget, ones.disjoint};
        for (int k = 0; k < 3; k++) {
            double num = 0.0;
            double den = 0.0;
            for (int i = 0; i < x.length; i++) {
                num += y[i] * cosine[k][i];
                den += x[i] * weight[k][i];
            }
            tangent[k] = den > 0.0 ? Math.min(1.0, Math.max(COSINE_FLOOR, num / den)) : 1.0;
        }
        return tangent;
    }

    private double[] scaled(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = root[i] == 0.0 ? 0.0 : x[i] / root[i];
        }
        return y;
    }

    /**
     * T y split by classes of pairs (i, j), i = (r, f), j = (r', f'), off the diagonal: same retain sample
     * (r = r', f != f'), same forget sample (r != r', f = f'), neither. Each class sum is formed from sums of
     * non-negative terms and clamped at zero.
     *
     * @param y the vector
     * @param classes whether the class products are wanted (else only the full product)
     */
    private ClassProducts classProducts(double[] y, boolean classes) {
        int n = y.length;
        double[] rowSum = new double[nRetain];
        double[] columnSum = new double[nForget];
        for (int r = 0; r < nRetain; r++) {
            for (int f = 0; f < nForget; f++) {
                rowSum[r] += y[r * nForget + f];
                columnSum[f] += y[r * nForget + f];
            }
        }
        double[] retainRows = new double[nRetain];
        double[] crossRows = new double[nRetain];
        double[] crossColumns = new double[nForget];
        double[] forgetColumns = new double[nForget];
        for (int r = 0; r < nRetain; r++) {
            double s = 0.0;
            for (int rp = 0; rp < nRetain; rp++) {
                s += retainTerm[r * nRetain + rp] * rowSum[rp];
            }
            retainRows[r] = s;
            double c = 0.0;
            for (int fp = 0; fp < nForget; fp++) {
                c += crossTerm[r * nForget + fp] * columnSum[fp];
                crossColumns[fp] += crossTerm[r * nForget + fp] * rowSum[r];
            }
            crossRows[r] = c;
        }
        for (int f = 0; f < nForget; f++) {
            double s = 0.0;
            for (int fp = 0; fp < nForget; fp++) {
                s += forgetTerm[f * nForget + fp] * columnSum[fp];
            }
            forgetColumns[f] = s;
        }
        double[] full = new double[n];
        for (int r = 0; r < nRetain; r++) {
            for (int f = 0; f < nForget; f++) {
                full[r * nForget + f] = retainRows[r] + crossRows[r] + crossColumns[f] + forgetColumns[f];
            }
        }
        if (!classes) {
            return new ClassProducts(full, full, full, full);
        }
        return splitByClass(y, rowSum, columnSum, full);
    }

    private ClassProducts splitByClass(double[] y, double[] rowSum, double[] columnSum, double[] full) {
        int n = y.length;
        double[] sameRetain = new double[n];
        double[] sameForget = new double[n];
        double[] disjoint = new double[n];
        // Same forget sample: sum_r' (a^2 G_rr' + ab G_rf + ab G_r'f + b^2 G_ff) y_r'f; the G_rr' part is R Y.
        double[] retainTimesY = new double[n];
        double[] yTimesForget = new double[n];
        IntStream.range(0, nRetain).parallel().forEach(r -> {
            for (int rp = 0; rp < nRetain; rp++) {
                double g = retainTerm[r * nRetain + rp];
                for (int f = 0; f < nForget; f++) {
                    retainTimesY[r * nForget + f] += g * y[rp * nForget + f];
                }
            }
            for (int fp = 0; fp < nForget; fp++) {
                double v = y[r * nForget + fp];
                for (int f = 0; f < nForget; f++) {
                    yTimesForget[r * nForget + f] += v * forgetTerm[fp * nForget + f];
                }
            }
        });
        double[] crossDotRow = new double[nRetain];
        double[] crossDotColumn = new double[nForget];
        for (int r = 0; r < nRetain; r++) {
            for (int f = 0; f < nForget; f++) {
                double v = crossTerm[r * nForget + f] * y[r * nForget + f];
                crossDotRow[r] += v;
                crossDotColumn[f] += v;
            }
        }
        for (int r = 0; r < nRetain; r++) {
            for (int f = 0; f < nForget; f++) {
                int i = r * nForget + f;
                double diagonal = (retainTerm[r * nRetain + r] + 2 * crossTerm[i] + forgetTerm[f * nForget + f])
                        * y[i];
                double retainAll = (retainTerm[r * nRetain + r] + crossTerm[i]) * rowSum[r] + crossDotRow[r]
                        + yTimesForget[i];
                double forgetAll = retainTimesY[i] + (crossTerm[i] + forgetTerm[f * nForget + f]) * columnSum[f]
                        + crossDotColumn[f];
                sameRetain[i] = Math.max(0.0, retainAll - diagonal);
                sameForget[i] = Math.max(0.0, forgetAll - diagonal);
                disjoint[i] = Math.max(0.0, full[i] - retainAll - forgetAll + diagonal);
            }
        }
        return new ClassProducts(full, sameRetain, sameForget, disjoint);
    }

    /** (e e^T) x split by the same classes. */
    private ClassProducts onesProducts(double[] x) {
        int n = x.length;
        double total = 0.0;
        double[] rowDot = new double[nRetain];
        double[] columnDot = new double[nForget];
        for (int r = 0; r < nRetain; r++) {
            for (int f = 0; f < nForget; f++) {
                double v = root[r * nForget + f] * x[r * nForget + f];
                total += v;
                rowDot[r] += v;
                columnDot[f] += v;
            }
        }
        double[] full = new double[n];
        double[] sameRetain = new double[n];
        double[] sameForget = new double[n];
        double[] disjoint = new double[n];
        for (int r = 0; r < nRetain; r++) {
            for (int f = 0; f < nForget; f++) {
                int i = r * nForget + f;
                double e = root[i];
                double diagonal = e * e * x[i];
                full[i] = e * total;
                sameRetain[i] = Math.max(0.0, e * rowDot[r] - diagonal);
                sameForget[i] = Math.max(0.0, e * columnDot[f] - diagonal);
                disjoint[i] = Math.max(0.0, e * (total - rowDot[r] - columnDot[f]) + diagonal);
            }
        }
        return new ClassProducts(full, sameRetain, sameForget, disjoint);
    }

    /** A product split by classes of pairs; full includes the diagonal, the classes do not. */
    private record ClassProducts(double[] full, double[] sameRetain, double[] sameForget, double[] disjoint) {
    }
}
