package org.unlearnstability.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.unlearnstability.coherence.CertifiedEigenvalue;
import org.unlearnstability.coherence.FamilyGeometry;
import org.unlearnstability.coherence.MixCoherenceMatrix;
import org.unlearnstability.coherence.NonnegativeOperator;
import org.unlearnstability.coherence.PerronRoot;

/**
 * The mix-coherence matrix S of Definition 3 as a distributed operator: the weighted Gram blocks
 * ({@link MixCoherenceMatrix}) are broadcast once, each product broadcasts x and computes contiguous row
 * blocks of S x on executors by the core's row kernel ({@link MixCoherenceMatrix#rowBlock}), so the product
 * equals the core's {@link MixCoherenceMatrix#rowByRow()} to the bit. Row blocks need no reduction across
 * executors (each row is summed where it is computed), at the price of evaluating every entry of S, where
 * the core's symmetric single-JVM product evaluates each once.
 *
 * <p>The driver runs the core's own certified Perron bracket ({@link PerronRoot}) on this operator, so the
 * numerics of the bracket exist once.
 */
public final class SparkMixCoherence implements NonnegativeOperator, AutoCloseable {
    private final JavaSparkContext context;
    private final int size;
    private final Broadcast<MixCoherenceMatrix> matrix;
    private final JavaRDD<PairRange> blocks;

    /**
     * @param context the Spark context
     * @param geometry the family geometry (its Gram blocks)
     * @param a the retain weight C_r'
     * @param b the forget weight C_f'
     * @param blockCount how many row blocks (tasks) a product has; a few per executor core balances them
     */
    public SparkMixCoherence(JavaSparkContext context, FamilyGeometry geometry, double a, double b,
            int blockCount) {
        MixCoherenceMatrix s = new MixCoherenceMatrix(geometry, a, b);
        this.context = context;
        this.size = s.size();
        this.matrix = context.broadcast(s);
        List<PairRange> ranges = PairRange.split(size, blockCount);
        this.blocks = context.parallelize(ranges, ranges.size()).cache();
    }

    /**
     * lambda_max(S) with the core's certified bracket, the products on Spark.
     *
     * @param context the Spark context
     * @param geometry the family geometry (its Gram blocks)
     * @param a the retain weight C_r'
     * @param b the forget weight C_f'
     * @return the bracket of {@link PerronRoot#of(NonnegativeOperator)}
     */
    public static CertifiedEigenvalue lambdaMax(JavaSparkContext context, FamilyGeometry geometry, double a,
            double b) {
        try (SparkMixCoherence s = new SparkMixCoherence(context, geometry, a, b, 4 * context.defaultParallelism())) {
            return PerronRoot.of(s);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void apply(double[] x, double[] out) {
        Broadcast<double[]> vector = context.broadcast(x);
        Broadcast<MixCoherenceMatrix> s = matrix;
        List<RowBlock> parts = blocks.map(range -> range.times(s.value(), vector.value())).collect();
        for (RowBlock part : parts) {
            System.arraycopy(part.values(), 0, out, part.from(), part.values().length);
        }
        vector.destroy();
    }

    /** Drops the broadcast Gram blocks and the cached block list. */
    @Override
    public void close() {
        blocks.unpersist();
        matrix.destroy();
    }

    /**
     * Rows [from, to) of S x.
     *
     * @param from first pair index (r n_f + f)
     * @param values the rows' values
     */
    record RowBlock(int from, double[] values) implements Serializable {
    }

    /**
     * The pairs [from, to) of one task.
     *
     * @param from first pair index
     * @param to one past the last
     */
    record PairRange(int from, int to) implements Serializable {

        /** n pairs cut into at most {@code count} contiguous ranges of nearly equal length. */
        static List<PairRange> split(int n, int count) {
            int parts = Math.max(1, Math.min(count, n));
            List<PairRange> out = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                out.add(new PairRange((int) ((long) n * i / parts), (int) ((long) n * (i + 1) / parts)));
            }
            return out;
        }

        /**
         * @param s the matrix
         * @param x the vector
         * @return the range's rows of S x
         */
        RowBlock times(MixCoherenceMatrix s, double[] x) {
            return new RowBlock(from, s.rowBlock(from, to, x));
        }
    }
}
