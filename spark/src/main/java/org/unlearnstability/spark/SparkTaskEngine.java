package org.unlearnstability.spark;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.engine.TaskFunction;

/**
 * Tasks as Spark tasks: one partition per task, collected in partition order, so the results are in task
 * order whatever the executors and their scheduling.
 */
public final class SparkTaskEngine implements TaskEngine {
    private final JavaSparkContext context;
    private final boolean owned;

    /**
     * @param context the Spark context
     * @param owned whether {@link #close()} stops it
     */
    public SparkTaskEngine(JavaSparkContext context, boolean owned) {
        this.context = context;
        this.owned = owned;
    }

    /** @return the Spark context */
    public JavaSparkContext context() {
        return context;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public int parallelism() {
        return context.defaultParallelism();
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> tasks, TaskFunction<T, R> function,
            Consumer<? super R> done) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<R> results = context.parallelize(tasks, tasks.size()).map(function::apply).collect();
        results.forEach(done);
        return List.copyOf(results);
    }

    @Override
    public void close() {
        if (owned) {
            context.stop();
        }
    }
}
