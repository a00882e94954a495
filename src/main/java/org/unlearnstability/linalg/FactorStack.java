package org.unlearnstability.linalg;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Many factor Hessians H_t = G_t G_t^T of one dimension m stacked as one m x K matrix V = [G_1 ... G_T]
 * (K the sum of their ranks), for the weighted sum of congruences that drives the batch noise of
 * Lemma 2.1 and the mean-square map: X -&gt; sum_t w_t H_t X H_t = V (W o blockdiag(V^T X V)) V^T,
 * W the block-diagonal matrix with w_t on block t.
 *
 * <p>Why stacked: term by term the sum streams X and an m x m image once per term (four m x m passes per
 * rank-one term); stacked it is three dense products, V^T X, the k x k blocks, and V U^T, each
 * streaming X or the output once per group of {@link #GROUP} columns. Every output row and every row of
 * V^T X is computed by one thread in a fixed order, so the result does not depend on the thread count.
 *
 * <p>Outside the Index Checker's proofs: every column has length m (a {@link FactorHessian} guarantees it and
 * {@link #of} checks the dimension of every term), x and out are checked to be m x m at entry, and the term
 * boundaries increase from 0 to K by construction; the checker cannot follow the group and term offsets.
 */
@SuppressWarnings("index")
public final class FactorStack {
    /** Columns that share one pass over a row of X or of the output (eight accumulating rows in cache). */
    static final int GROUP = 8;
    /** Below this many multiply-adds a product stays on the calling thread. */
    private static final double PARALLEL_FLOPS = 2e6;
    private final int dimension;
    /** Row c of V^T: the c-th stacked column. */
    private final double[][] columns;
    /** Term t owns columns [start[t], start[t + 1]). */
    private final int[] start;

    private FactorStack(int dimension, double[][] columns, int[] start) {
        this.dimension = dimension;
        this.columns = columns;
        this.start = start;
    }

    /**
     * @param terms factor Hessians of one dimension
     * @return their stack, in the order given
     */
    public static FactorStack of(List<FactorHessian> terms) {
        int dimension = terms.isEmpty() ? 0 : terms.get(0).dimension();
        int[] start = new int[terms.size() + 1];
        for (int t = 0; t < terms.size(); t++) {
            FactorHessian h = terms.get(t);
            if (h.dimension() != dimension) {
                throw new IllegalArgumentException("term " + t + " has dimension " + h.dimension() + ", expected "
                        + dimension);
            }
            start[t + 1] = start[t] + h.rank();
        }
        double[][] columns = new double[start[terms.size()]][];
        for (int t = 0; t < terms.size(); t++) {
            double[][] own = terms.get(t).columnsView();
            for (int c = 0; c < own.length; c++) {
                columns[start[t] + c] = own[c];
            }
        }
        return new FactorStack(dimension, columns, start);
    }

    /** @return m */
    public int dimension() {
        return dimension;
    }

    /** @return the number of stacked terms T */
    public int terms() {
        return start.length - 1;
    }

    /**
     * @param weights w_t, one per term
     * @param x a symmetric m x m matrix as rows
     * @param out overwritten with sum_t w_t H_t x H_t
     */
    public void weightedCongruenceSum(double[] weights, double[][] x, double[][] out) {
        if (weights.length != terms()) {
            throw new IllegalArgumentException(weights.length + " weights for " + terms() + " terms");
        }
        requireSquare(x, "x");
        requireSquare(out, "out");
        int k = columns.length;
        boolean parallel = 2.0 * k * dimension * dimension > PARALLEL_FLOPS;
        double[][] xv = new double[k][];
        rows(groups(k), parallel).forEach(g -> leftProduct(g, x, xv));
        // U^T = W (blockdiag(V^T X V)) V^T, block by block: u_c = w_t sum_b (g_c . x g_b) g_b.
        double[][] u = new double[k][dimension];
        rows(terms(), parallel).forEach(t -> weightedBlock(t, weights[t], xv, u));
        rows(groups(dimension), parallel).forEach(g -> outputRows(g, u, out));
    }

    private void requireSquare(double[][] matrix, String name) {
        if (matrix.length != dimension || java.util.Arrays.stream(matrix).anyMatch(row -> row.length != dimension)) {
            throw new IllegalArgumentException(name + " must be " + dimension + " x " + dimension);
        }
    }

    private static int groups(int k) {
        return (k + GROUP - 1) / GROUP;
    }

    private static IntStream rows(int count, boolean parallel) {
        IntStream range = IntStream.range(0, count);
        return parallel ? range.parallel() : range;
    }

    /** Rows c of (V^T X) for the columns of group g: sum_j v_c[j] X[j], X symmetric. */
    private void leftProduct(int g, double[][] x, double[][] xv) {
        int from = g * GROUP;
        int to = Math.min(columns.length, from + GROUP);
        for (int c = from; c < to; c++) {
            xv[c] = new double[dimension];
        }
        for (int j = 0; j < dimension; j++) {
            double[] row = x[j];
            for (int c = from; c < to; c++) {
                double v = columns[c][j];
                if (v != 0.0) {
                    Vectors.addScaled(xv[c], v, row);
                }
            }
        }
    }

    private void weightedBlock(int t, double weight, double[][] xv, double[][] u) {
        for (int c = start[t]; c < start[t + 1]; c++) {
            double[] target = u[c];
            for (int b = start[t]; b < start[t + 1]; b++) {
                Vectors.addScaled(target, weight * Vectors.dot(columns[c], xv[b]), columns[b]);
            }
        }
    }

    /** Rows i of V U^T for the rows of group g: out_i = sum_c v_c[i] u_c, each u_c read once per group. */
    private void outputRows(int g, double[][] u, double[][] out) {
        int from = g * GROUP;
        int to = Math.min(dimension, from + GROUP);
        for (int i = from; i < to; i++) {
            java.util.Arrays.fill(out[i], 0.0);
        }
        for (int c = 0; c < columns.length; c++) {
            double[] column = columns[c];
            double[] source = u[c];
            for (int i = from; i < to; i++) {
                double v = column[i];
                if (v != 0.0) {
                    Vectors.addScaled(out[i], v, source);
                }
            }
        }
    }
}
