package org.unlearnstability.family;

import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;

/**
 * The Hessian family of the paper's section 3.1 experiment: for each set of size n,
 * H_i = m e_1 e_1^T for i in [Q] and H_i = m e_{i-Q+1} e_{i-Q+1}^T otherwise, with m = 2n/Q,
 * in dimension d = n - Q + 1. Then lambda_1(H_R) = lambda_1(H_F) = lambda_1(D) = 2 for every Q,
 * and Q controls the coherence: Q samples share the direction e_1.
 */
public final class PaperConstruction {
    private PaperConstruction() {
    }

    /**
     * @param n n_r = n_f, the size of each set
     * @param q the number of samples sharing e_1, 1 <= Q <= n
     * @return the family, as diagonal Hessians
     */
    public static HessianFamily section31(int n, int q) {
        if (n < 1 || q < 1 || q > n) {
            throw new IllegalArgumentException("section 3.1 needs 1 <= Q <= n, got n = " + n + ", Q = " + q);
        }
        List<Hessian> set = set(n, q);
        return new HessianFamily(set, set);
    }

    private static List<Hessian> set(int n, int q) {
        int d = n - q + 1;
        double m = 2.0 * n / q;
        List<Hessian> set = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            double[] diagonal = new double[d];
            // Paper indices are 1-based: e_1 for i <= Q, else e_{i-Q+1}; here coordinate (index - 1).
            int coordinate = i <= q ? 0 : i - q;
            diagonal[coordinate] = m;
            set.add(DiagonalHessian.of(diagonal));
        }
        return set;
    }
}
