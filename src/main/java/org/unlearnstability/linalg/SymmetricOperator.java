package org.unlearnstability.linalg;

/**
 * A linear operator on R^n, given matrix-free, that is self-adjoint for the Euclidean inner product:
 * the second-moment maps on Sym(m) of package dynamics, the coherence matrices of package coherence.
 * {@link Lanczos} runs on it.
 */
public interface SymmetricOperator {
    /** @return n */
    int size();

    /**
     * @param x a vector of length n
     * @param out a vector of length n, distinct from x, overwritten with the image of x
     */
    void apply(double[] x, double[] out);
}
