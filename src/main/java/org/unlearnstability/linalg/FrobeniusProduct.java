package org.unlearnstability.linalg;

/**
 * Tr(A B) for two Hessians in whatever representation each has, at the cost of the cheaper form:
 * O(d) for two diagonals, O(d k) for a diagonal and a factor, O(d k k') for two factors,
 * O(d^2 k) for a dense matrix and a factor, O(d^2) for two dense matrices.
 *
 * <p>For symmetric PSD A and B, Tr(A B) = ||A^{1/2} B^{1/2}||_F^2, so coherence matrices
 * (Definitions 1 and 3) come from these products without any matrix square root.
 */
final class FrobeniusProduct {
    private FrobeniusProduct() {
    }

    static double of(Hessian a, Hessian b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("dimensions differ: " + a.dimension() + " vs " + b.dimension());
        }
        if (a instanceof DiagonalHessian da) {
            return withDiagonal(da.diagonalView(), b);
        }
        if (b instanceof DiagonalHessian db) {
            return withDiagonal(db.diagonalView(), a);
        }
        if (a instanceof FactorHessian fa) {
            return withFactor(fa.columnsView(), b);
        }
        if (b instanceof FactorHessian fb) {
            return withFactor(fb.columnsView(), a);
        }
        return denseDense(((DenseHessian) a).rowsView(), ((DenseHessian) b).rowsView());
    }

    private static double withDiagonal(double[] diagonal, Hessian other) {
        if (other instanceof DiagonalHessian d) {
            return Vectors.dot(diagonal, d.diagonalView());
        }
        if (other instanceof FactorHessian f) {
            double sum = 0.0;
            for (double[] g : f.columnsView()) {
                if (g.length != diagonal.length) {
                    throw Vectors.lengthMismatch(diagonal, g);
                }
                for (int i = 0; i < g.length; i++) {
                    sum += diagonal[i] * g[i] * g[i];
                }
            }
            return sum;
        }
        double[][] rows = ((DenseHessian) other).rowsView();
        double sum = 0.0;
        for (int i = 0; i < rows.length && i < diagonal.length; i++) {
            double[] row = rows[i];
            if (i < row.length) {
                sum += diagonal[i] * row[i];
            }
        }
        return sum;
    }

    private static double withFactor(double[][] columns, Hessian other) {
        if (other instanceof FactorHessian f) {
            double sum = 0.0;
            for (double[] g : columns) {
                for (double[] h : f.columnsView()) {
                    double inner = Vectors.dot(g, h);
                    sum += inner * inner;
                }
            }
            return sum;
        }
        double[][] rows = ((DenseHessian) other).rowsView();
        double[] ag = new double[rows.length];
        double sum = 0.0;
        for (double[] g : columns) {
            DenseKernels.multiply(rows, g, ag);
            sum += Vectors.dot(g, ag);
        }
        return sum;
    }

    private static double denseDense(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimensions differ: " + a.length + " vs " + b.length);
        }
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += Vectors.dot(a[i], b[i]);
        }
        return sum;
    }
}
