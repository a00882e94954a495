package org.unlearnstability.linalg;

import java.io.Serializable;
import org.checkerframework.checker.index.qual.NonNegative;
import org.hipparchus.linear.RealMatrix;

/**
 * A per-sample Hessian H_i = grad^2 l_i(w*) (paper, section 2.1, eq. (1)): a symmetric positive
 * semidefinite d x d matrix kept in the cheapest exact representation it has.
 *
 * <p>Implementations are immutable. Diagonal and low-rank factor forms are never expanded to a
 * dense d x d matrix by the operations here, except by {@link #toMatrix()}, which exists for
 * oracles and small problems.
 */
public sealed interface Hessian extends Serializable permits DenseHessian, DiagonalHessian, FactorHessian {

    /** @return the dimension d of the parameter space */
    @NonNegative int dimension();

    /**
     * Writes H x into {@code out}.
     *
     * @param x a vector of length d
     * @param out a vector of length d, distinct from x, overwritten
     */
    void multiply(double[] x, double[] out);

    /**
     * Adds factor * H x to {@code out}, at the cost of one product in this representation: O(nonzeros)
     * for a diagonal, O(d k) for a rank-k factor, O(d^2) for a dense matrix. This is the inner step of
     * update (2), where a mini-batch gradient is a weighted sum of a few such products.
     *
     * @param factor the weight
     * @param x a vector of length d
     * @param out a vector of length d, distinct from x, accumulated into
     */
    void multiplyAdd(double factor, double[] x, double[] out);

    /**
     * Writes H X H into {@code out}: the congruence that drives the second moment of update (2)
     * (Lemma 2.1, eq. (6)).
     *
     * @param x a symmetric d x d matrix as rows
     * @param out a d x d matrix as rows, overwritten
     */
    void congruence(double[][] x, double[][] out);

    /**
     * Adds weight * H X H to {@code out}: to the bit what {@link #congruence} into a scratch matrix followed by
     * out += weight * scratch (entry by entry) gives, which is how the noise map of Lemma 2.1, eq. (6),
     * N(X) = C_f sum_f H_f X H_f + C_r sum_r H_r X H_r, is summed. Factor Hessians fuse the two sweeps.
     *
     * @param weight the weight
     * @param x a symmetric d x d matrix as rows
     * @param out a d x d matrix as rows, accumulated into
     */
    default void congruenceAdd(double weight, double[][] x, double[][] out) {
        double[][] term = new double[out.length][dimension()];
        congruence(x, term);
        DenseKernels.addScaled(weight, term, out);
    }

    /** @return Tr(H) */
    double trace();

    /**
     * The Frobenius inner product Tr(H K) = ||H^{1/2} K^{1/2}||_F^2, the squared entry of the
     * coherence matrices of Definitions 1 and 3.
     *
     * @param other a Hessian of the same dimension
     * @return Tr(H other), at the cost of the cheaper of the two forms ({@link FrobeniusProduct})
     */
    default double frobeniusInner(Hessian other) {
        return FrobeniusProduct.of(this, other);
    }

    /** @return lambda_max(H), computed once */
    double lambdaMax();

    /** @return the rank bound of the representation (d for dense, nonzeros for diagonal, k for factors) */
    int representationRank();

    /** @return H as a dense Hipparchus matrix (for oracles and small dense work) */
    RealMatrix toMatrix();

    /**
     * @param factor a finite nonnegative scale
     * @return factor * H in the same representation
     */
    Hessian scale(double factor);
}
