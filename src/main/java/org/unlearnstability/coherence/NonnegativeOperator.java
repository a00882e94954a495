package org.unlearnstability.coherence;

import org.unlearnstability.linalg.SymmetricOperator;

/**
 * A symmetric, entrywise nonnegative linear operator given matrix-free: the coherence matrices
 * of Definitions 1 and 3 (whose n_r n_f x n_r n_f size rules out a dense form for large sets).
 */
public interface NonnegativeOperator extends SymmetricOperator {
    /**
     * @param size n
     * @param product the product of a symmetric nonnegative matrix
     * @return the operator of that size and product
     */
    static NonnegativeOperator of(int size, Product product) {
        /** The operator: its size is a component, its product the given one. */
        record Of(int size, Product product) implements NonnegativeOperator {
            @Override
            public void apply(double[] x, double[] out) {
                product.apply(x, out);
            }
        }
        return new Of(size, product);
    }

    /**
     * A dense symmetric nonnegative matrix as an operator. Products run as column sweeps (axpy, using
     * symmetry), which vectorise, unlike dot-product reductions.
     *
     * @param s the matrix as rows, not copied: it must not change while the operator is in use
     * @return the operator
     */
    static NonnegativeOperator ofRows(double[][] s) {
        return NonnegativeOperator.of(s.length, (x, out) -> {
            java.util.Arrays.fill(out, 0.0);
            int[] nonzero = new int[s.length];
            int count = 0;
            for (int j = 0; j < s.length; j++) {
                nonzero[count] = j;
                count += x[j] != 0.0 ? 1 : 0;
            }
            // Four columns per sweep: out_i still receives x_j s_ji in the order of j (the same roundings
            // as one sweep per column), with a quarter of the loads and stores of out.
            int k = 0;
            for (; k + 3 < count; k += 4) {
                double x0 = x[nonzero[k]];
                double x1 = x[nonzero[k + 1]];
                double x2 = x[nonzero[k + 2]];
                double x3 = x[nonzero[k + 3]];
                double[] c0 = s[nonzero[k]];
                double[] c1 = s[nonzero[k + 1]];
                double[] c2 = s[nonzero[k + 2]];
                double[] c3 = s[nonzero[k + 3]];
                for (int i = 0; i < out.length; i++) {
                    out[i] = out[i] + x0 * c0[i] + x1 * c1[i] + x2 * c2[i] + x3 * c3[i];
                }
            }
            for (; k < count; k++) {
                double xj = x[nonzero[k]];
                double[] column = s[nonzero[k]];
                for (int i = 0; i < out.length; i++) {
                    out[i] += xj * column[i];
                }
            }
        });
    }
}
