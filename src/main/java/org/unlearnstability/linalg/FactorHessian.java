package org.unlearnstability.linalg;

import org.checkerframework.checker.index.qual.NonNegative;
import org.checkerframework.checker.nullness.qual.MonotonicNonNull;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

/**
 * A low-rank Hessian H = G G^T with G of size d x k, stored as its k columns g_1..g_k
 * (the {"factor": [...]} form of specs/family.md). The per-sample Gauss-Newton Hessian of a
 * ReLU network, l''(y f) grad f grad f^T, is the rank-one case.
 */
public final class FactorHessian implements Hessian {
    private final @NonNegative int dimension;
    private final double[][] columns;
    private volatile @MonotonicNonNull Double lambdaMax;

    private FactorHessian(@NonNegative int dimension, double[][] columns) {
        this.dimension = dimension;
        this.columns = columns;
    }

    /**
     * @param factorRows G as d rows of length k
     * @return H = G G^T
     */
    public static FactorHessian ofRows(double[][] factorRows) {
        int d = factorRows.length;
        int k = factorRows.length == 0 ? 0 : factorRows[0].length;
        double[][] columns = new double[k][d];
        for (int i = 0; i < d; i++) {
            double[] row = factorRows[i];
            if (row.length != k) {
                throw new IllegalArgumentException("factor row " + i + " has length " + row.length + ", expected " + k);
            }
            for (int c = 0; c < row.length && c < columns.length; c++) {
                double[] column = columns[c];
                if (i < column.length) {
                    column[i] = row[c];
                }
            }
        }
        return new FactorHessian(d, columns);
    }

    /**
     * @param dimension d
     * @param columns the columns g_c of G, each of length d (copied)
     * @return H = sum_c g_c g_c^T
     */
    public static FactorHessian ofColumns(@NonNegative int dimension, double[][] columns) {
        double[][] copy = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != dimension) {
                throw new IllegalArgumentException("factor column " + c + " has length " + columns[c].length
                        + ", expected " + dimension);
            }
            copy[c] = columns[c].clone();
        }
        return new FactorHessian(dimension, copy);
    }

    /**
     * @param g a vector of length d
     * @return the rank-one Hessian g g^T
     */
    public static FactorHessian rankOne(double[] g) {
        return new FactorHessian(g.length, new double[][] {g.clone()});
    }

    /** @return the number of factor columns k */
    public int rank() {
        return columns.length;
    }

    /** @return a copy of the factor columns */
    public double[][] columns() {
        double[][] copy = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            copy[c] = columns[c].clone();
        }
        return copy;
    }

    double[][] columnsView() {
        return columns;
    }

    @Override
    public @NonNegative int dimension() {
        return dimension;
    }

    @Override
    public void multiply(double[] x, double[] out) {
        DenseKernels.factorMultiply(columns, x, out);
    }

    @Override
    public void multiplyAdd(double factor, double[] x, double[] out) {
        for (double[] g : columns) {
            Vectors.addScaled(out, factor * Vectors.dot(g, x), g);
        }
    }

    @Override
    public void congruence(double[][] x, double[][] out) {
        DenseKernels.factorCongruence(columns, x, out);
    }

    @Override
    public void congruenceAdd(double weight, double[][] x, double[][] out) {
        DenseKernels.factorCongruenceAdd(columns, weight, x, out);
    }

    @Override
    public double trace() {
        double sum = 0.0;
        for (double[] g : columns) {
            sum += Vectors.dot(g, g);
        }
        return sum;
    }

    @Override
    public double lambdaMax() {
        Double cached = lambdaMax;
        if (cached == null) {
            // The nonzero spectrum of G G^T equals that of the k x k Gram G^T G.
            cached = columns.length <= dimension
                    ? LargestEigenvalue.of(DenseKernels.gram(columns))
                    : LargestEigenvalue.of(DenseKernels.outerSum(dimension, columns));
            lambdaMax = cached;
        }
        return cached;
    }

    @Override
    public int representationRank() {
        return columns.length;
    }

    @Override
    public RealMatrix toMatrix() {
        return new Array2DRowRealMatrix(DenseKernels.outerSum(dimension, columns), false);
    }

    @Override
    public Hessian scale(double factor) {
        double root = Math.sqrt(factor);
        double[][] scaled = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            scaled[c] = Vectors.scaled(columns[c], root);
        }
        return new FactorHessian(dimension, scaled);
    }

    @Override
    public String toString() {
        return "FactorHessian[d=" + dimension + ", k=" + columns.length + "]";
    }
}
