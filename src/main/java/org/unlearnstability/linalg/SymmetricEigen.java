package org.unlearnstability.linalg;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The eigendecomposition of a symmetric matrix, computed once and read through accessors: eigenvalues in
 * decreasing order and the matching orthonormal eigenvectors as rows (V^T).
 *
 * <p>Why not Hipparchus' {@link EigenDecompositionSymmetric} alone: its implicit QL iteration deflates an
 * off-diagonal entry only against the two neighbouring eigenvalues, so a large cluster at zero (a Gram matrix of
 * factors in which some factors are combinations of others, as when forget samples repeat retain samples) can
 * exhaust its iteration cap and throw. Then the matrix is decomposed again shifted by s = its largest absolute row
 * sum (at least its spectral radius): A + s I has the same eigenvectors, the cluster sits at s, where rounding
 * deflates it, and the eigenvalues are returned shifted back. The shift costs absolute accuracy of order eps * s,
 * which is the backward error of any symmetric eigensolver anyway. When the first attempt converges (almost always)
 * the result is Hipparchus' to the bit.
 */
public final class SymmetricEigen {
    private final double[] values;
    private final double[][] vectorRows;

    private SymmetricEigen(double[] values, double[][] vectorRows) {
        this.values = values;
        this.vectorRows = vectorRows;
    }

    /**
     * @param symmetric a symmetric matrix as rows (not modified)
     * @return its eigendecomposition
     * @throws MathIllegalStateException when even the shifted matrix does not converge
     */
    public static SymmetricEigen of(double[][] symmetric) {
        try {
            return of(new EigenDecompositionSymmetric(new Array2DRowRealMatrix(symmetric, true)), 0.0);
        } catch (MathIllegalStateException notConverged) {
            double shift = largestRowSum(symmetric);
            double[][] shifted = new double[symmetric.length][];
            for (int i = 0; i < symmetric.length; i++) {
                double[] row = symmetric[i].clone();
                // Square: the first attempt refused anything else before it could fail to converge.
                if (i < row.length) {
                    row[i] += shift;
                }
                shifted[i] = row;
            }
            return of(new EigenDecompositionSymmetric(new Array2DRowRealMatrix(shifted, false)), shift);
        }
    }

    private static SymmetricEigen of(EigenDecompositionSymmetric eigen, double shift) {
        double[] values = eigen.getEigenvalues();
        for (int i = 0; i < values.length; i++) {
            values[i] -= shift;
        }
        return new SymmetricEigen(values, eigen.getVT().getData());
    }

    private static double largestRowSum(double[][] a) {
        double largest = 0.0;
        for (double[] row : a) {
            double sum = 0.0;
            for (double v : row) {
                sum += Math.abs(v);
            }
            largest = Math.max(largest, sum);
        }
        return largest;
    }

    /** @return the eigenvalues, decreasing (a copy) */
    public double[] eigenvalues() {
        return values.clone();
    }

    /** @return the eigenvectors as rows, row p for eigenvalue p (a copy) */
    public double[][] vectorRows() {
        double[][] copy = new double[vectorRows.length][];
        for (int p = 0; p < vectorRows.length; p++) {
            copy[p] = vectorRows[p].clone();
        }
        return copy;
    }
}
