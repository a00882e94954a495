package org.unlearnstability.linalg;

import org.checkerframework.checker.index.qual.NonNegative;
import org.checkerframework.checker.nullness.qual.MonotonicNonNull;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

/** A Hessian stored as a dense symmetric d x d matrix (section 2.1; the plain JSON form of specs/family.md). */
public final class DenseHessian implements Hessian {
    private final double[][] rows;
    private volatile @MonotonicNonNull Double lambdaMax;

    private DenseHessian(double[][] rows) {
        this.rows = rows;
    }

    /**
     * Copies a square matrix. Symmetry and semidefiniteness are checked by the family validator,
     * which knows the file and sample to blame; this factory only demands a square shape.
     *
     * @param rows the matrix as rows
     * @return the Hessian
     */
    public static DenseHessian of(double[][] rows) {
        int d = rows.length;
        double[][] copy = new double[d][];
        for (int i = 0; i < d; i++) {
            double[] row = rows[i];
            if (row.length != d) {
                throw new IllegalArgumentException("row " + i + " has length " + row.length + ", expected " + d);
            }
            copy[i] = row.clone();
        }
        return new DenseHessian(copy);
    }

    /** @return a copy of the rows */
    public double[][] rows() {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /**
     * @param i row
     * @param j column
     * @return H[i][j]
     */
    public double entry(int i, int j) {
        if (i < 0 || i >= rows.length) {
            throw new IndexOutOfBoundsException("row " + i + " outside 0.." + (rows.length - 1));
        }
        double[] row = rows[i];
        if (j < 0 || j >= row.length) {
            throw new IndexOutOfBoundsException("column " + j + " outside 0.." + (row.length - 1));
        }
        return row[j];
    }

    @Override
    public @NonNegative int dimension() {
        return rows.length;
    }

    @Override
    public void multiply(double[] x, double[] out) {
        DenseKernels.multiply(rows, x, out);
    }

    @Override
    public void multiplyAdd(double factor, double[] x, double[] out) {
        if (out.length != rows.length) {
            throw new IllegalArgumentException("output length " + out.length + " != " + rows.length);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] += factor * Vectors.dot(rows[i], x);
        }
    }

    @Override
    public void congruence(double[][] x, double[][] out) {
        DenseKernels.congruence(rows, x, out);
    }

    @Override
    public void congruenceAdd(double weight, double[][] x, double[][] out) {
        DenseKernels.congruenceAdd(rows, weight, x, out);
    }

    @Override
    public double trace() {
        return DenseKernels.trace(rows);
    }

    double[][] rowsView() {
        return rows;
    }

    @Override
    public double lambdaMax() {
        Double cached = lambdaMax;
        if (cached == null) {
            cached = LargestEigenvalue.of(rows);
            lambdaMax = cached;
        }
        return cached;
    }

    @Override
    public int representationRank() {
        return rows.length;
    }

    @Override
    public RealMatrix toMatrix() {
        return new Array2DRowRealMatrix(rows, true);
    }

    @Override
    public Hessian scale(double factor) {
        double[][] scaled = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            scaled[i] = Vectors.scaled(rows[i], factor);
        }
        return new DenseHessian(scaled);
    }

    @Override
    public String toString() {
        return "DenseHessian[d=" + rows.length + "]";
    }
}
