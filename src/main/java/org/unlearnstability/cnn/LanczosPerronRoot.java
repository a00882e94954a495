package org.unlearnstability.cnn;

import java.util.Arrays;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.unlearnstability.coherence.CertifiedEigenvalue;

/**
 * The Perron root of a dense symmetric entrywise-nonnegative matrix (the coherence matrices of
 * Definitions 1 and 3 for the CNN's rank-one Hessians) with the certified bracket of
 * {@link CertifiedEigenvalue}: Lanczos with full reorthogonalisation finds the Perron vector in
 * far fewer products than power iteration (whose rate lambda_2 / lambda_1 is about 0.7 for the
 * low-coherence families of the memorisation regime), then power steps from that warm start
 * tighten the Collatz-Wielandt bounds min_i (Sx)_i / x_i &lt;= lambda_max &lt;= max_i (Sx)_i / x_i
 * (with the Rayleigh quotient as a second lower bound) to the requested relative width. Products
 * run as column sweeps (axpy), which vectorise, unlike dot-product reductions.
 */
final class LanczosPerronRoot {
    private static final int MAX_LANCZOS = 60;
    private static final int MAX_POWER = 10_000;
    /** The Ritz pair is examined from this many steps on, every CHECK_EVERY steps (eigensolves cost). */
    private static final int FIRST_CHECK = 10;
    private static final int CHECK_EVERY = 2;
    /**
     * Lanczos stops when the Ritz residual is below this fraction of tolerance * theta: the
     * Collatz-Wielandt width of a near-uniform positive vector is about 2 sqrt(n) times the
     * relative residual, and any shortfall is closed by the power steps.
     */
    private static final double RESIDUAL_FACTOR = 1e-2;

    private LanczosPerronRoot() {
    }

    /**
     * @param s a symmetric nonnegative matrix as rows (not modified)
     * @param tolerance the relative bracket width at which to stop
     * @return lambda_max with its bracket; iterations counts matrix products
     */
    static CertifiedEigenvalue of(double[][] s, double tolerance) {
        int n = s.length;
        Start start = lanczosStart(s, tolerance);
        double[] x = start.vector();
        int products = start.products();
        double[] sx = new double[n];
        double lower = 0.0;
        double upper = Double.POSITIVE_INFINITY;
        double estimate = 0.0;
        for (int it = 0; it < MAX_POWER; it++) {
            multiply(s, x, sx);
            products++;
            double xx = 0.0;
            double xsx = 0.0;
            double norm = 0.0;
            double min = Double.POSITIVE_INFINITY;
            double max = 0.0;
            for (int i = 0; i < n; i++) {
                xx += x[i] * x[i];
                xsx += x[i] * sx[i];
                norm += sx[i] * sx[i];
                if (x[i] > 0.0) {
                    min = Math.min(min, sx[i] / x[i]);
                    max = Math.max(max, sx[i] / x[i]);
                } else if (sx[i] > 0.0) {
                    max = Double.POSITIVE_INFINITY;
                }
            }
            if (norm == 0.0) {
                return new CertifiedEigenvalue(0.0, 0.0, 0.0, products);
            }
            estimate = xsx / xx;
            lower = Math.max(lower, Math.max(min == Double.POSITIVE_INFINITY ? 0.0 : min, estimate));
            upper = Math.min(upper, max);
            if (upper - lower <= tolerance * upper) {
                break;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                x[i] = sx[i] / norm;
            }
        }
        return new CertifiedEigenvalue(Math.min(Math.max(estimate, lower), upper), lower, upper, products);
    }

    /** out = S x for symmetric S, by columns. */
    static void multiply(double[][] s, double[] x, double[] out) {
        Arrays.fill(out, 0.0);
        for (int j = 0; j < s.length; j++) {
            double xj = x[j];
            if (xj != 0.0) {
                double[] column = s[j];
                for (int i = 0; i < out.length; i++) {
                    out[i] += xj * column[i];
                }
            }
        }
    }

    /**
     * The top Ritz vector after Lanczos from the uniform vector, made positive; the uniform vector
     * itself when Lanczos does not give a positive vector (power steps then start cold).
     */
    private static Start lanczosStart(double[][] s, double tolerance) {
        int n = s.length;
        int steps = Math.min(n, MAX_LANCZOS);
        double[][] q = new double[steps][];
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        double[] v = new double[n];
        Arrays.fill(v, 1.0 / Math.sqrt(n));
        int k = 0;
        double[] ritz = new double[] {1.0};
        while (k < steps) {
            q[k] = v;
            double[] w = new double[n];
            multiply(s, v, w);
            alpha[k] = dot(v, w);
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
                v = next(w, beta[k - 1]);
                continue;
            }
            ritz = topEigenvector(alpha, beta, k);
            double theta = Math.abs(ritz[k]);
            double residual = beta[k - 1] * Math.abs(ritz[k - 1]);
            if (last || residual <= RESIDUAL_FACTOR * tolerance * theta) {
                break;
            }
            v = next(w, beta[k - 1]);
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
                double[] uniform = new double[n];
                Arrays.fill(uniform, 1.0 / Math.sqrt(n));
                return new Start(uniform, k);
            }
        }
        return new Start(x, k);
    }

    private static double[] next(double[] w, double beta) {
        double[] v = new double[w.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = w[i] / beta;
        }
        return v;
    }

    /** A start vector for the power steps and the products spent finding it. */
    private record Start(double[] vector, int products) {
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
