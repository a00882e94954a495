package org.unlearnstability.linalg;

import java.util.Arrays;
import org.checkerframework.checker.index.qual.NonNegative;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/** A diagonal Hessian diag(h_1, ..., h_d) (the {"diagonal": [...]} form of specs/family.md). */
public final class DiagonalHessian implements Hessian {
    private final double[] diagonal;
    /** The coordinates of the nonzero entries, so that products cost O(nonzeros), not O(d). */
    private final int[] support;

    private DiagonalHessian(double[] diagonal) {
        this.diagonal = diagonal;
        int count = 0;
        for (double v : diagonal) {
            if (v != 0.0) {
                count++;
            }
        }
        int[] nonzero = new int[count];
        int next = 0;
        for (int p = 0; p < diagonal.length && next < nonzero.length; p++) {
            if (diagonal[p] != 0.0) {
                nonzero[next] = p;
                next++;
            }
        }
        this.support = nonzero;
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
        Vectors.hadamard(diagonal, x, out);
    }

    @Override
    public void multiplyAdd(double factor, double[] x, double[] out) {
        if (x.length != diagonal.length || out.length != diagonal.length) {
            throw Vectors.lengthMismatch(diagonal, x.length != diagonal.length ? x : out);
        }
        for (int p : support) {
            if (p >= 0 && p < diagonal.length && p < x.length && p < out.length) {
                out[p] += factor * diagonal[p] * x[p];
            }
        }
    }

    /** @return the number of nonzero diagonal entries */
    public int nonzeros() {
        return support.length;
    }

    @Override
    public void congruence(double[][] x, double[][] out) {
        DenseKernels.diagonalCongruence(diagonal, x, out);
    }

    @Override
    public double trace() {
        return Vectors.sum(diagonal);
    }

    @Override
    public double lambdaMax() {
        return Arrays.stream(diagonal).max().orElse(0.0);
    }

    @Override
    public int representationRank() {
        return support.length;
    }

    @Override
    public RealMatrix toMatrix() {
        return MatrixUtils.createRealDiagonalMatrix(diagonal);
    }

    @Override
    public Hessian scale(double factor) {
        return new DiagonalHessian(Vectors.scaled(diagonal, factor));
    }

    @Override
    public String toString() {
        return "DiagonalHessian[d=" + diagonal.length + "]";
    }
}
