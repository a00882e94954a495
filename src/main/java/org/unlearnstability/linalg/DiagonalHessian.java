package org.unlearnstability.linalg;

import java.util.Arrays;
import org.hipparchus.linear.MatrixUtils;
import org.checkerframework.checker.index.qual.NonNegative;
import org.hipparchus.linear.RealMatrix;

/** A diagonal Hessian diag(h_1, ..., h_d) (the {"diagonal": [...]} form of specs/family.md). */
public final class DiagonalHessian implements Hessian {
    private final double[] diagonal;

    private DiagonalHessian(double[] diagonal) {
        this.diagonal = diagonal;
    }

    /**
     * @param diagonal the diagonal entries, copied
     * @return the Hessian
     */
    public static DiagonalHessian of(double[] diagonal) {
        return new DiagonalHessian(diagonal.clone());
    }

    /** @return a copy of the diagonal */
    public double[] diagonal() {
        return diagonal.clone();
    }

    double[] diagonalView() {
        return diagonal;
    }

    @Override
    public @NonNegative int dimension() {
        return diagonal.length;
    }

    @Override
    public void multiply(double[] x, double[] out) {
        DenseKernels.hadamard(diagonal, x, out);
    }

    @Override
    public void congruence(double[][] x, double[][] out) {
        DenseKernels.diagonalCongruence(diagonal, x, out);
    }

    @Override
    public double trace() {
        return DenseKernels.sum(diagonal);
    }

    @Override
    public double frobeniusInner(Hessian other) {
        return FrobeniusProduct.of(this, other);
    }

    @Override
    public double lambdaMax() {
        return Arrays.stream(diagonal).max().orElse(0.0);
    }

    @Override
    public int representationRank() {
        return (int) Arrays.stream(diagonal).filter(v -> v != 0.0).count();
    }

    @Override
    public RealMatrix toMatrix() {
        return MatrixUtils.createRealDiagonalMatrix(diagonal);
    }

    @Override
    public Hessian scale(double factor) {
        return new DiagonalHessian(DenseKernels.scaled(diagonal, factor));
    }

    @Override
    public String toString() {
        return "DiagonalHessian[d=" + diagonal.length + "]";
    }
}
