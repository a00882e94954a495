package org.unlearnstability.dynamics;

/**
 * The Monte Carlo protocol for update (2)-(3) (paper, section 3.1): run {@code steps} updates from
 * w_0, call a run diverged when ||w_k|| / ||w_0|| reaches {@code threshold}, repeat, take the majority.
 *
 * @param sampler how mini-batches are drawn
 * @param steps K, the number of updates per run (paper: 1000)
 * @param repeats the number of runs (paper: 10)
 * @param threshold the divergence ratio (paper: 1000)
 * @param seed the seed; run i uses the stream (seed, i) of {@code RandomStreams}, whatever the thread count
 * @param threads worker threads (results do not depend on it)
 * @param meanSquareSteps H: E||w_k||^2 is estimated for k = 1..H (0 for none); no run stops before H
 * @param earlyStop stop a run once it has reached the threshold (the run then counts as diverged); when
 *     false every run goes to K and the verdict reads ||w_K|| / ||w_0|| only, as the paper words it
 */
public record SimulationConfig(BatchSampler sampler, int steps, int repeats, double threshold, long seed,
        int threads, int meanSquareSteps, boolean earlyStop) {

    /** The paper's K. */
    public static final int PAPER_STEPS = 1000;
    /** The paper's number of repeats. */
    public static final int PAPER_REPEATS = 10;
    /** The paper's divergence ratio. */
    public static final double PAPER_THRESHOLD = 1000.0;
    /** Default H. */
    public static final int DEFAULT_MEAN_SQUARE_STEPS = 10;

    /** Rejects settings outside the protocol's domain. */
    public SimulationConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        if (!(threshold > 1.0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number above 1, got " + threshold);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (meanSquareSteps < 0 || meanSquareSteps > steps) {
            throw new IllegalArgumentException("mean-square steps must lie in [0, steps = " + steps + "], got "
                    + meanSquareSteps);
        }
    }

    /**
     * @param seed the seed
     * @return the paper's protocol (Bernoulli batches, 1000 steps, 10 repeats, ratio 1000) on one
     *     thread, with early stopping and E||w_k||^2 estimated for k = 1..10
     */
    public static SimulationConfig paper(long seed) {
        return new SimulationConfig(BatchSampler.BERNOULLI, PAPER_STEPS, PAPER_REPEATS, PAPER_THRESHOLD, seed, 1,
                DEFAULT_MEAN_SQUARE_STEPS, true);
    }

    /**
     * @param newSampler a sampler
     * @return this protocol with that sampler
     */
    public SimulationConfig withSampler(BatchSampler newSampler) {
        return new SimulationConfig(newSampler, steps, repeats, threshold, seed, threads, meanSquareSteps, earlyStop);
    }

    /**
     * @param newThreads a thread count
     * @return this protocol on that many threads
     */
    public SimulationConfig withThreads(int newThreads) {
        return new SimulationConfig(sampler, steps, repeats, threshold, seed, newThreads, meanSquareSteps, earlyStop);
    }

    /**
     * @param newSteps K
     * @param newRepeats the number of runs
     * @param newMeanSquareSteps H
     * @return this protocol with those sizes
     */
    public SimulationConfig withSize(int newSteps, int newRepeats, int newMeanSquareSteps) {
        return new SimulationConfig(sampler, newSteps, newRepeats, threshold, seed, threads, newMeanSquareSteps,
                earlyStop);
    }
}
