package org.unlearnstability.dynamics;

/**
 * A linear operator on R^n that is self-adjoint for the Euclidean inner product; here always a map
 * on Sym(m) written in {@link SymmetricCoordinates}.
 */
interface SymmetricOperator {
    /** @return n */
    int size();

    /**
     * @param x a vector of length n
     * @param out a vector of length n, distinct from x, overwritten with the image of x
     */
    void apply(double[] x, double[] out);
}
