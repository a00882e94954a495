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

    /** The product x -> out of a matrix-free operator, the one thing each such operator writes itself. */
    @FunctionalInterface
    interface Product {
        /**
         * @param x a vector of length n
         * @param out a vector of length n, distinct from x, overwritten with the image of x
         */
        void apply(double[] x, double[] out);
    }

    /**
     * @param size n
     * @param product the product
     * @return the operator of that size and product
     */
    static SymmetricOperator of(int size, Product product) {
        return new SymmetricOperator() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public void apply(double[] x, double[] out) {
                product.apply(x, out);
            }
        };
    }
}
