package org.unlearnstability.coherence;

import org.unlearnstability.linalg.SymmetricOperator;

/**
 * A symmetric, entrywise nonnegative linear operator given matrix-free: the coherence matrices
 * of Definitions 1 and 3 (whose n_r n_f x n_r n_f size rules out a dense form for large sets).
 */
public interface NonnegativeOperator extends SymmetricOperator {

    /**
     * A dense symmetric nonnegative matrix as an operator. Products run as column sweeps (axpy, using
     * symmetry), which vectorise, unlike dot-product reductions.
     *
     * @param s the matrix as rows, not copied: it must not change while the operator is in use
     * @return the operator
     */
    static NonnegativeOperator ofRows(double[][] s) {
        return new NonnegativeOperator() {
            @Override
            public int size() {
                return s.length;
            }

            @Override
            public void apply(double[] x, double[] out) {
                java.util.Arrays.fill(out, 0.0);
                for (int j = 0; j < s.length; j++) {
                    double xj = x[j];
                    if (xj != 0.0) {
                        double[] column = s[j];
                        for (int i = 0; i < out.length; i++) {
                            out[i] += xj * column[i];
                        }
                    }
                }
            }
        };
    }
}
