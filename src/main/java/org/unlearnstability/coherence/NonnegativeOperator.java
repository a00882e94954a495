package org.unlearnstability.coherence;

/**
 * A symmetric, entrywise nonnegative linear operator given matrix-free: the coherence matrices
 * of Definitions 1 and 3 (whose n_r n_f x n_r n_f size rules out a dense form for large sets).
 */
public interface NonnegativeOperator {

    /** @return the number of rows (and columns) */
    int size();

    /**
     * Writes S x into {@code out}.
     *
     * @param x a vector of length size()
     * @param out a vector of length size(), overwritten
     */
    void apply(double[] x, double[] out);
}
