package org.unlearnstability.linalg;

/**
 * A sufficient test that the spectral norm of a symmetric matrix J lies below a bound b, cheaper than an
 * eigendecomposition: Cholesky factorisations of (b - m) I - J and (b - m) I + J both succeed, with the margin
 * m = {@link #RELATIVE_MARGIN} (b + ||J||_F). A floating-point Cholesky that runs to the end on A factors
 * A + E exactly with ||E||_2 at most about (d + 1) u tr(A) (Higham, Accuracy and Stability of Numerical
 * Algorithms, Thm. 10.5), below m / 2 by many orders of magnitude for the matrices of the audit, so then
 * every eigenvalue of J lies in (-(b - m / 2), b - m / 2); and a backward-stable symmetric eigensolver
 * (Hipparchus's) computes each eigenvalue within about d u ||J||_2 of the exact one, so the computed norm is
 * below b too. The test never claims a bound that a computed norm would break; when it fails the caller
 * computes the norm.
 */
public final class SymmetricNormBound {
    /** The margin relative to b + ||J||_F (rounding errors of either computation are about 1e-14 of it). */
    public static final double RELATIVE_MARGIN = 1e-9;

    private SymmetricNormBound() {
    }

    /**
     * @param j a symmetric matrix (read only)
     * @param bound b, positive
     * @return true only when every eigenvalue of j, and every eigenvalue an eigensolver computes for it, has
     *     absolute value below b; false when undecided
     */
    public static boolean certifiesBelow(double[][] j, double bound) {
        double frobenius = 0.0;
        for (double[] row : j) {
            frobenius += Vectors.dot(row, row);
        }
        double shift = bound - RELATIVE_MARGIN * (bound + Math.sqrt(frobenius));
        return shift > 0.0 && choleskySucceeds(j, shift, -1.0) && choleskySucceeds(j, shift, 1.0);
    }

    /** Whether the Cholesky factorisation of shift I + sign J meets only positive pivots. */
    @SuppressWarnings("index") // every index is below n = j.length, and j is square (rows checked on entry)
    private static boolean choleskySucceeds(double[][] j, double shift, double sign) {
        int n = j.length;
        for (double[] row : j) {
            if (row.length != n) {
                throw new IllegalArgumentException("matrix must be square, got a row of length " + row.length);
            }
        }
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                double sum = sign * j[i][k] + (i == k ? shift : 0.0);
                for (int p = 0; p < k; p++) {
                    sum -= l[i][p] * l[k][p];
                }
                if (i == k) {
                    if (!(sum > 0.0)) {
                        return false;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][k] = sum / l[k][k];
                }
            }
        }
        return true;
    }
}
