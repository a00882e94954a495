package org.unlearnstability.cnn;

/**
 * An isometric embedding of n vectors given only by their Gram matrix K (K_ij = h_i . h_j):
 * rows v_i of V with V V^T = K, from a Cholesky factorisation with diagonal pivoting that stops
 * when the remaining diagonal is below a rounding-level tolerance (K may be singular).
 *
 * <p>Used for the per-sample Hessians H_i = h_i h_i^T of the CNN: every quantity of Definitions
 * 1-4 (Frobenius products Tr(H_i H_j) = (h_i . h_j)^2, lambda_max of nonnegative combinations) is
 * invariant under an isometry of span{h_i}, so the rank-one factors v_i in R^n give exactly the
 * coherence of the 2 m d-dimensional factors h_i.
 */
public final class GradientEmbedding {
    /**
     * The pivoting stops once every remaining diagonal entry is below n times this times the largest diagonal
     * entry: a few units in the last place of K per row, the rounding level of a Gram matrix, so what remains
     * is rounding noise rather than a direction of span{h_i}.
     */
    private static final double ROUNDING_LEVEL = 1e-15;

    private GradientEmbedding() {
    }

    /**
     * @param gram a symmetric positive semidefinite n x n matrix
     * @return V, n rows of length n, with V V^T = K up to rounding
     */
    public static double[][] of(double[][] gram) {
        int n = gram.length;
        double[][] v = new double[n][n];
        double[] residual = new double[n];
        boolean[] done = new boolean[n];
        double scale = 0.0;
        for (int i = 0; i < n; i++) {
            residual[i] = gram[i][i];
            scale = Math.max(scale, residual[i]);
        }
        double tolerance = n * ROUNDING_LEVEL * scale;
        for (int j = 0; j < n; j++) {
            int pivot = -1;
            for (int i = 0; i < n; i++) {
                if (!done[i] && (pivot < 0 || residual[i] > residual[pivot])) {
                    pivot = i;
                }
            }
            if (pivot < 0 || residual[pivot] <= tolerance) {
                break;
            }
            done[pivot] = true;
            double root = Math.sqrt(residual[pivot]);
            v[pivot][j] = root;
            for (int i = 0; i < n; i++) {
                if (done[i]) {
                    continue;
                }
                double sum = gram[i][pivot];
                for (int c = 0; c < j; c++) {
                    sum -= v[i][c] * v[pivot][c];
                }
                v[i][j] = sum / root;
                residual[i] -= v[i][j] * v[i][j];
            }
        }
        return v;
    }
}
