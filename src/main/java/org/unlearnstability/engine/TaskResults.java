package org.unlearnstability.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The one way this tool waits for a task on a thread pool: the task's own unchecked exception or error is
 * rethrown as it was (a bad input stays a bad input, with its message), a checked one is wrapped, and an
 * interrupt restores the thread's flag before it fails.
 */
public final class TaskResults {
    private TaskResults() {
    }

    /**
     * @param <T> the result type
     * @param future a submitted task
     * @param what what the task computes, for the message when the wait is interrupted
     * @return its result
     */
    public static <T> T get(Future<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
