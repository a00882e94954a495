package org.unlearnstability.coherence;

import java.util.Arrays;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

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
            alpha[k] = dot(v, w);
            // Twice is enough: one Gram-Schmidt pass leaves errors of the order of the first's cancellation.
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j <= k; j++) {
                    double c = dot(q[j], w);
                    for (int i = 0; i < n; i++) {
                        w[i] -= c * q[j][i];
                    }
                }
            }
            beta[k] = Math.sqrt(dot(w, w));
            k++;
            boolean last = k == steps || beta[k - 1] <= 1e-14 * Math.abs(alpha[0]);
            if (!last && (k < FIRST_CHECK || k % CHECK_EVERY != 0)) {
                v = scaled(w, 1.0 / beta[k - 1]);
                continue;
            }
            ritz = topEigenvector(alpha, beta, k);
            double theta = Math.abs(ritz[k]);
            double residual = beta[k - 1] * Math.abs(ritz[k - 1]);
            if (last || residual <= RESIDUAL_FACTOR * tolerance * theta) {
                break;
            }
            v = scaled(w, 1.0 / beta[k - 1]);
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

    private static double[] scaled(double[] w, double factor) {
        double[] v = new double[w.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = w[i] * factor;
        }
        return v;
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

    /** A dot product with four independent partial sums (the JIT does not reorder a reduction itself). */
    private static double dot(double[] a, double[] b) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
