package org.unlearnstability.coherence;

import java.util.Arrays;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.unlearnstability.linalg.Vectors;

/**
 * A warm start for the power steps of {@link PerronRoot}: the top Ritz vector of Lanczos (full
 * reorthogonalisation) from a given positive vector, made positive. Lanczos needs far fewer products
 * than power iteration when lambda_2 / lambda_1 is close to 1 (about 0.7 for the low-coherence CNN
 * families of the memorisation regime). When the Ritz vector is not positive (a reducible operator)
 * the given vector is returned and the power steps go on from it.
 *
 * @param vector a positive unit vector
 * @param products operator applications spent
 */
record LanczosStart(double[] vector, int products) {
    private static final int MAX_STEPS = 60;
    /** The Ritz pair is examined from this many steps on, every CHECK_EVERY steps: eigensolves cost. */
    private static final int FIRST_CHECK = 8;
    private static final int CHECK_EVERY = 2;
    /**
     * Lanczos stops when the Ritz residual is below this fraction of tolerance * theta: the
     * Collatz-Wielandt width of a near-uniform positive vector is about 2 sqrt(n) times the relative
     * residual, and any shortfall is closed by the power steps.
     */
    private static final double RESIDUAL_FACTOR = 1e-2;

    /**
     * @param operator the symmetric nonnegative operator
     * @param tolerance the relative bracket width the power steps will aim for
     * @param from a positive unit vector, the first Lanczos vector (not modified)
     * @return the start
     */
    static LanczosStart of(NonnegativeOperator operator, double tolerance, double[] from) {
        int n = operator.size();
        int steps = Math.min(n, MAX_STEPS);
        double[][] q = new double[steps][];
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        double[] v = from.clone();
        int k = 0;
        double[] ritz = {1.0, 0.0};
        while (k < steps) {
            q[k] = v;
            double[] w = new double[n];
            operator.apply(v, w);
            alpha[k] = Vectors.dotFourLanes(v, w);
            // Twice is enough: one Gram-Schmidt pass leaves errors of the order of the first's cancellation.
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j <= k; j++) {
                    double c = Vectors.dotFourLanes(q[j], w);
                    for (int i = 0; i < n; i++) {
                        w[i] -= c * q[j][i];
                    }
                }
            }
            beta[k] = Math.sqrt(Vectors.dotFourLanes(w, w));
            k++;
            boolean last = k == steps || beta[k - 1] <= 1e-14 * Math.abs(alpha[0]);
            if (!last && (k < FIRST_CHECK || k % CHECK_EVERY != 0)) {
                v = Vectors.scaled(w, 1.0 / beta[k - 1]);
                continue;
            }
            ritz = topEigenvector(alpha, beta, k);
            double theta = Math.abs(ritz[k]);
            double residual = beta[k - 1] * Math.abs(ritz[k - 1]);
            if (last || residual <= RESIDUAL_FACTOR * tolerance * theta) {
                break;
            }
            v = Vectors.scaled(w, 1.0 / beta[k - 1]);
        }
        double[] x = new double[n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                x[i] += ritz[j] * q[j][i];
            }
        }
        double sign = Math.signum(Arrays.stream(x).sum());
        for (int i = 0; i < n; i++) {
            x[i] *= sign;
            if (!(x[i] > 0.0)) {
                return new LanczosStart(from.clone(), k);
            }
        }
        return new LanczosStart(x, k);
    }

    /**
     * @return the eigenvector of the top eigenvalue of the k x k Lanczos tridiagonal (length k),
     *     followed by that eigenvalue (length k + 1 in all)
     */
    private static double[] topEigenvector(double[] alpha, double[] beta, int k) {
        RealMatrix t = MatrixUtils.createRealMatrix(k, k);
        for (int i = 0; i < k; i++) {
            t.setEntry(i, i, alpha[i]);
            if (i + 1 < k) {
                t.setEntry(i, i + 1, beta[i]);
                t.setEntry(i + 1, i, beta[i]);
            }
        }
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(t);
        double[] values = eigen.getEigenvalues();
        int top = 0;
        for (int i = 1; i < k; i++) {
            if (values[i] > values[top]) {
                top = i;
            }
        }
        double[] result = Arrays.copyOf(eigen.getEigenvector(top).toArray(), k + 1);
        result[k] = values[top];
        return result;
    }
}
