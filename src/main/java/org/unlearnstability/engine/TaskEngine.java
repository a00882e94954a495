package org.unlearnstability.engine;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs independent tasks, possibly on other machines. Results come back in task order whatever the
 * scheduling, so every report computed through an engine is the same on every engine.
 */
public interface TaskEngine extends AutoCloseable {

    /** @return the engine's name as the command line spells it ("local", "spark") */
    String name();

    /** @return how many tasks can run at once (threads, or executor cores) */
    int parallelism();

    /**
     * @param tasks the tasks
     * @param function a pure function of one task
     * @param done called on this JVM once per result as it arrives (for progress and caching; possibly from
     *     several threads at once, in any order)
     * @param <T> the task type
     * @param <R> the result type
     * @return the results, in the order of {@code tasks}
     */
    <T extends Serializable, R extends Serializable> List<R> map(List<T> tasks, TaskFunction<T, R> function,
            Consumer<? super R> done);

    /** Releases the engine's resources (a Spark context); the local engine holds none. */
    @Override
    default void close() {
    }
}
