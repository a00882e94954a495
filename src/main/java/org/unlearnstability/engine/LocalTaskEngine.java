package org.unlearnstability.engine;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Tasks on a fork-join pool of {@code threads} workers in this JVM. The tasks run as a parallel stream
 * inside the pool, so the parallel streams nested in them use the same workers.
 *
 * @param threads worker threads, at least 1
 */
public record LocalTaskEngine(int threads) implements TaskEngine {

    /** Rejects a thread count below 1. */
    public LocalTaskEngine {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> tasks, TaskFunction<T, R> function,
            Consumer<? super R> done) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return TaskResults.get(pool.submit(() -> IntStream.range(0, tasks.size()).parallel().mapToObj(i -> {
                R result = function.apply(tasks.get(i));
                done.accept(result);
                return result;
            }).toList()), "tasks");
        } finally {
            pool.shutdown();
        }
    }
}
