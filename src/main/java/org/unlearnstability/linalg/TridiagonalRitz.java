package org.unlearnstability.linalg;

import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.util.FastMath;
import org.hipparchus.util.Precision;

/**
 * The eigenvalues of a symmetric tridiagonal matrix (a Lanczos matrix T_k) in decreasing order, with the last
 * component of each eigenvector: all that a convergence check of Lanczos needs (theta and the residual
 * beta_k |u_k|). The implicit QL iteration of Hipparchus's {@code EigenDecompositionSymmetric} (Dubrulle et al.,
 * 1971), step for step, so values and components equal its to the bit; but it carries only the last row of the
 * eigenvector matrix (the rotations update each row on its own), O(k^2) instead of O(k^3) per check.
 *
 * @param values the eigenvalues, decreasing, the tiny ones set to zero as Hipparchus does
 * @param lastComponents entry i is the last component of the eigenvector of values[i]
 */
@SuppressWarnings("index") // the index arithmetic of the ported QL sweeps (i + 1 <= m < n throughout)
record TridiagonalRitz(double[] values, double[] lastComponents) {
    /** Hipparchus's cap on QL sweeps per eigenvalue. */
    private static final int MAX_ITER = 30;

    /**
     * @param main the diagonal (k entries)
     * @param secondary the off-diagonal (k - 1 entries)
     * @return the decreasing eigenvalues and the last components of their eigenvectors
     */
    static TridiagonalRitz of(double[] main, double[] secondary) {
        int n = main.length;
        double[] values = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n - 1; i++) {
            values[i] = main[i];
            e[i] = secondary[i];
        }
        values[n - 1] = main[n - 1];
        // The last row of the eigenvector matrix, starting from the identity's.
        double[] z = new double[n];
        z[n - 1] = 1.0;
        zeroTiny(values, e);
        for (int j = 0; j < n; j++) {
            int its = 0;
            int m;
            do {
                for (m = j; m < n - 1; m++) {
                    double delta = FastMath.abs(values[m]) + FastMath.abs(values[m + 1]);
                    if (FastMath.abs(e[m]) + delta == delta) {
                        break;
                    }
                }
                if (m != j) {
                    if (its == MAX_ITER) {
                        throw new MathIllegalStateException(LocalizedCoreFormats.CONVERGENCE_FAILED, MAX_ITER);
                    }
                    its++;
                    sweep(values, e, z, j, m);
                }
            } while (m != j);
        }
        sortDecreasing(values, z);
        double largest = 0;
        for (double v : values) {
            if (FastMath.abs(v) > largest) {
                largest = FastMath.abs(v);
            }
        }
        if (largest != 0.0) {
            for (int i = 0; i < n; i++) {
                if (FastMath.abs(values[i]) < Precision.EPSILON * largest) {
                    values[i] = 0;
                }
            }
        }
        return new TridiagonalRitz(values, z);
    }

    /** Entries below EPSILON times the largest entry become zero (before the sweeps, as Hipparchus does). */
    private static void zeroTiny(double[] values, double[] e) {
        double largest = 0;
        for (int i = 0; i < values.length; i++) {
            if (FastMath.abs(values[i]) > largest) {
                largest = FastMath.abs(values[i]);
            }
            if (FastMath.abs(e[i]) > largest) {
                largest = FastMath.abs(e[i]);
            }
        }
        if (largest != 0) {
            for (int i = 0; i < values.length; i++) {
                if (FastMath.abs(values[i]) <= Precision.EPSILON * largest) {
                    values[i] = 0;
                }
                if (FastMath.abs(e[i]) <= Precision.EPSILON * largest) {
                    e[i] = 0;
                }
            }
        }
    }

    /** One implicit QL sweep over rows j..m with Wilkinson's shift, rotating the tracked row z along. */
    private static void sweep(double[] values, double[] e, double[] z, int j, int m) {
        double q = (values[j + 1] - values[j]) / (2 * e[j]);
        double t = FastMath.sqrt(1 + q * q);
        if (q < 0.0) {
            q = values[m] - values[j] + e[j] / (q - t);
        } else {
            q = values[m] - values[j] + e[j] / (q + t);
        }
        double u = 0.0;
        double s = 1.0;
        double c = 1.0;
        int i;
        for (i = m - 1; i >= j; i--) {
            double p = s * e[i];
            double h = c * e[i];
            if (FastMath.abs(p) >= FastMath.abs(q)) {
                c = q / p;
                t = FastMath.sqrt(c * c + 1.0);
                e[i + 1] = p * t;
                s = 1.0 / t;
                c *= s;
            } else {
                s = p / q;
                t = FastMath.sqrt(s * s + 1.0);
                e[i + 1] = q * t;
                c = 1.0 / t;
                s *= c;
            }
            if (e[i + 1] == 0.0) {
                values[i + 1] -= u;
                e[m] = 0.0;
                break;
            }
            q = values[i + 1] - u;
            t = (values[i] - q) * s + 2.0 * c * h;
            u = s * t;
            values[i + 1] = q + u;
            q = c * t - h;
            p = z[i + 1];
            z[i + 1] = s * z[i] + c * p;
            z[i] = c * z[i] - s * p;
        }
        if (t == 0.0 && i >= j) {
            return;
        }
        values[j] -= u;
        e[j] = q;
        e[m] = 0.0;
    }

    /** Hipparchus's selection sort, swapping the tracked components along. */
    private static void sortDecreasing(double[] values, double[] z) {
        for (int i = 0; i < values.length; i++) {
            int k = i;
            double p = values[i];
            for (int j = i + 1; j < values.length; j++) {
                if (values[j] > p) {
                    k = j;
                    p = values[j];
                }
            }
            if (k != i) {
                values[k] = values[i];
                values[i] = p;
                double swap = z[i];
                z[i] = z[k];
                z[k] = swap;
            }
        }
    }
}
