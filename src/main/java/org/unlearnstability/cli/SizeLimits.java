package org.unlearnstability.cli;

import java.util.Locale;
import org.unlearnstability.experiment.fig2.Fig2Spec;

/**
 * The largest sizes the commands accept, checked before any computation so that a size that cannot fit
 * is refused with the limit named (exit {@link ExitCodes#BAD_INPUT}) instead of dying with
 * OutOfMemoryError or running for days. Each limit says what it bounds.
 */
public final class SizeLimits {
    /**
     * analyze --steps: the Lemma 2.1 bound sums k terms at step k (quadratic in K) and the JSON holds
     * five arrays of K numbers.
     */
    public static final int ANALYZE_STEPS = 10_000;
    /** simulate --repeats: one outcome record per run is kept for the majority vote and intervals. */
    public static final int SIMULATE_REPEATS = 1_000_000;
    /** simulate --repeats x --mean-square-steps: the per-run log ||w_k||^2 arrays held for the intervals. */
    public static final long SIMULATE_MEAN_SQUARE_VALUES = 20_000_000L;
    /** cnn --repeats: each repeat trains a network (the limit of a Figure 2 spec's repeats too). */
    public static final int CNN_REPEATS = Fig2Spec.MAX_REPEATS;
    /** cnn --d: the patch dimension of the data, held as dense arrays of (samples x d), as in a Figure 2 spec. */
    public static final int CNN_DIMENSION = Fig2Spec.MAX_DIMENSION;

    private SizeLimits() {
    }

    /**
     * @param option the option name
     * @param value its value
     * @param limit the largest accepted value
     * @throws UsageException when value is below 1 or above the limit
     */
    public static void requireCount(String option, long value, long limit) {
        if (value < 1) {
            throw new UsageException(option + " must be at least 1, got " + value);
        }
        if (value > limit) {
            throw new UsageException(String.format(Locale.ROOT, "%s = %d exceeds the limit %,d", option, value,
                    limit));
        }
    }
}
