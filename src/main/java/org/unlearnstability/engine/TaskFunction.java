package org.unlearnstability.engine;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A function an engine may ship to another JVM: it must be a pure function of its (serialisable) task,
 * so that where and when it runs cannot change its result.
 *
 * @param <T> the task type
 * @param <R> the result type
 */
@FunctionalInterface
public interface TaskFunction<T, R> extends Function<T, R>, Serializable {
}
