package org.unlearnstability.linalg;

/**
 * lambda_max of a dense symmetric matrix without eigenvectors: Householder reduction to
 * tridiagonal form, then Sturm-sequence bisection for the top eigenvalue down to adjacent
 * doubles. About four times cheaper than a full eigen-decomposition, which matters when
 * max_{(r,f)} lambda_max(D_rf) of Definition 4 needs thousands of d x d eigenvalues.
 */
public final class LargestEigenvalue {
    private LargestEigenvalue() {
    }

    /**
     * @param symmetric a symmetric matrix as rows (not modified)
     * @return its largest eigenvalue
     * @throws IllegalArgumentException when the matrix is not square or has a NaN or infinite entry
     */
    public static double of(double[][] symmetric) {
        int n = symmetric.length;
        if (n == 0) {
            return 0.0;
        }
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = symmetric[i];
            if (row.length != n) {
                throw new IllegalArgumentException("row " + i + " has length " + row.length + ", expected " + n);
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    // Bisection never narrows an interval with a NaN or infinite end: refuse, do not hang.
                    throw new IllegalArgumentException("row " + i + " has a non-finite entry " + v);
                }
            }
            a[i] = row.clone();
        }
        double[] diagonal = new double[n];
        double[] offDiagonal = new double[n];
        Tridiagonal.reduce(a, diagonal, offDiagonal);
        return Tridiagonal.largestEigenvalue(diagonal, offDiagonal);
    }
}
