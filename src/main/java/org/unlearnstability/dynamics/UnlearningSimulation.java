package org.unlearnstability.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.util.FastMath;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.engine.TaskResults;
import org.unlearnstability.family.HessianFamily;

/**
 * Monte Carlo simulation of update (2)-(3) under the paper's section 3.1 protocol: R independent runs
 * of K steps from w_0 ~ N(0, I) (or a given w_0), a run diverging when ||w_k|| / ||w_0|| reaches the
 * threshold, and the majority verdict. Besides the verdict it estimates E||w_k||^2 for k <= H with an
 * interval, next to the exact Tr(T^k(I)), and the almost-sure growth rate per step.
 *
 * <p>Run i draws everything (w_0, then the batches step by step) from the stream (seed, i), and the
 * outcomes are combined in run order, so the result does not depend on the number of threads.
 */
public final class UnlearningSimulation {
    private static final double Z95 = 1.959963984540054;

    private UnlearningSimulation() {
    }

    /**
     * @param family the family
     * @param hyper eta, alpha, B (B at most min(n_r, n_f))
     * @param config the protocol
     * @return the result, with w_0 ~ N(0, I)
     */
    public static SimulationResult run(HessianFamily family, Hyperparameters hyper, SimulationConfig config) {
        return run(family, hyper, config, null);
    }

    /**
     * @param family the family
     * @param hyper eta, alpha, B (B at most min(n_r, n_f))
     * @param config the protocol
     * @param runDone called after each finished run (from any worker thread), for progress
     * @return the result, with w_0 ~ N(0, I)
     */
    public static SimulationResult runWithProgress(HessianFamily family, Hyperparameters hyper,
            SimulationConfig config, Runnable runDone) {
        hyper.requireFits(family);
        RunOutcome[] outcomes = outcomes(family, hyper, config, null, runDone);
        MeanSquareOperator operator = MeanSquareOperator.of(family, hyper, config.sampler());
        return summarise(config, outcomes, operator.meanSquare(config.meanSquareSteps()), operator.rho());
    }

    /**
     * @param family the family
     * @param hyper eta, alpha, B (B at most min(n_r, n_f))
     * @param config the protocol
     * @param start a fixed w_0 of length d for every run, or null for w_0 ~ N(0, I)
     * @return the result
     */
    public static SimulationResult run(HessianFamily family, Hyperparameters hyper, SimulationConfig config,
            double @Nullable [] start) {
        hyper.requireFits(family);
        if (start != null && start.length != family.dimension()) {
            throw new IllegalArgumentException("start vector has length " + start.length + ", expected d = "
                    + family.dimension());
        }
        RunOutcome[] outcomes = outcomes(family, hyper, config, start, () -> { });
        MeanSquareOperator operator = MeanSquareOperator.of(family, hyper, config.sampler());
        int h = config.meanSquareSteps();
        double[] exact = start == null ? operator.meanSquare(h) : operator.meanSquare(start, h);
        return summarise(config, outcomes, exact, operator.rho());
    }

    /**
     * Only the verdict counts, for grids of settings: no mean-square estimate and no exact values.
     *
     * @param family the family
     * @param hyper eta, alpha, B
     * @param config the protocol (its mean-square horizon is ignored)
     * @return the number of diverged runs out of config.repeats()
     */
    public static int divergedRuns(HessianFamily family, Hyperparameters hyper, SimulationConfig config) {
        hyper.requireFits(family);
        SimulationConfig verdictOnly = config.withSize(config.steps(), config.repeats(), 0);
        int diverged = 0;
        for (RunOutcome outcome : outcomes(family, hyper, verdictOnly, null, () -> { })) {
            diverged += outcome.diverged() ? 1 : 0;
        }
        return diverged;
    }

    private static RunOutcome[] outcomes(HessianFamily family, Hyperparameters hyper, SimulationConfig config,
            double @Nullable [] start, Runnable runDone) {
        UnlearningRun run = new UnlearningRun(family, hyper, config);
        RunOutcome[] outcomes = new RunOutcome[config.repeats()];
        if (config.threads() == 1 || config.repeats() == 1) {
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = run.run(i, start);
                runDone.run();
            }
            return outcomes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.threads(), config.repeats()));
        try {
            List<Future<RunOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < outcomes.length; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    RunOutcome outcome = run.run(index, start);
                    runDone.run();
                    return outcome;
                }));
            }
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = TaskResults.get(futures.get(i), "simulation");
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static SimulationResult summarise(SimulationConfig config, RunOutcome[] outcomes, double[] exact,
            SpectralRadius rho) {
        int diverged = 0;
        int collapsed = 0;
        long steps = 0;
        List<Double> rates = new ArrayList<>();
        for (RunOutcome outcome : outcomes) {
            diverged += outcome.diverged() ? 1 : 0;
            collapsed += outcome.collapsed() ? 1 : 0;
            steps += outcome.lastStep();
            if (!outcome.collapsed()) {
                rates.add(outcome.logGrowth() / outcome.lastStep());
            }
        }
        int h = config.meanSquareSteps();
        double[] mean = new double[h];
        double[] lower = new double[h];
        double[] upper = new double[h];
        double[] log10 = new double[h];
        for (int k = 0; k < h; k++) {
            double[] logs = new double[outcomes.length];
            for (int r = 0; r < outcomes.length; r++) {
                logs[r] = outcomes[r].logSquaredNorms()[k];
            }
            Interval interval = Interval.ofLogValues(logs);
            mean[k] = interval.mean();
            lower[k] = Math.max(0.0, interval.lower());
            upper[k] = interval.upper();
            log10[k] = interval.log10Mean();
        }
        Interval lyapunov = Interval.of(rates.stream().mapToDouble(Double::doubleValue).toArray());
        return new SimulationResult(config, diverged, outcomes.length - diverged,
                Verdict.majority(diverged, outcomes.length), collapsed, mean, lower, upper, log10, exact,
                lyapunov.mean(), lyapunov.lower(), lyapunov.upper(), rho, steps);
    }

    /** A sample mean with its normal-approximation 95% interval (NaN ends for fewer than two values). */
    private record Interval(double mean, double lower, double upper, double log10Mean) {
        static Interval of(double[] values) {
            int n = values.length;
            if (n == 0) {
                return new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double mean = 0.0;
            for (double v : values) {
                mean += v / n;
            }
            double half = halfWidth(values, mean);
            return new Interval(mean, mean - half, mean + half, FastMath.log10(Math.abs(mean)));
        }

        /** The interval of the mean of exp(logs), computed relative to the largest term. */
        static Interval ofLogValues(double[] logs) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logs) {
                max = Math.max(max, v);
            }
            if (max == Double.NEGATIVE_INFINITY) {
                return new Interval(0.0, 0.0, 0.0, Double.NEGATIVE_INFINITY);
            }
            double[] scaled = new double[logs.length];
            for (int r = 0; r < logs.length; r++) {
                scaled[r] = FastMath.exp(logs[r] - max);
            }
            Interval relative = of(scaled);
            double factor = FastMath.exp(max);
            return new Interval(relative.mean() * factor, relative.lower() * factor, relative.upper() * factor,
                    (max + FastMath.log(relative.mean())) / FastMath.log(10));
        }

        private static double halfWidth(double[] values, double mean) {
            int n = values.length;
            if (n < 2) {
                return Double.NaN;
            }
            double sum = 0.0;
            for (double v : values) {
                sum += (v - mean) * (v - mean);
            }
            return Z95 * Math.sqrt(sum / (n - 1) / n);
        }
    }
}
