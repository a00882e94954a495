package org.unlearnstability.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.BatchDraw;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.dynamics.SimulationConfig;
import org.unlearnstability.dynamics.SpectralRadius;
import org.unlearnstability.dynamics.StabilityAnalysis;
import org.unlearnstability.dynamics.UnlearningSimulation;
import org.unlearnstability.dynamics.Verdict;
import org.unlearnstability.engine.TaskResults;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.family.RandomFamilies;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.Vectors;
import org.unlearnstability.rng.RandomStreams;

/**
 * The speed figures of the dynamics issue, as medians of wall time:
 * <ol>
 *   <li>rho(T) and etaStar for a dense random family with d = 50 and n_r = n_f = 50;</li>
 *   <li>the paper's Figure 1 protocol (section 3.1 construction, n_r = n_f = 100, alpha = 0.1,
 *       Q = 1..50, B = 1..49, 10 repeats of 1000 steps: 24,500 runs) on all cores;</li>
 *   <li>the same protocol on a subset of cells, structured against a plain dense implementation that
 *       forms the d x d batch mean and multiplies by it at every step, one thread each.</li>
 * </ol>
 */
public final class DynamicsBenchmark {
    /** The learning rate of the Figure 1 grid (the paper only says eta <= 1). */
    public static final double GRID_ETA = 0.5;
    private static final double GRID_ALPHA = 0.1;
    private static final int GRID_N = 100;
    private static final long SEED = 20261129L;

    private DynamicsBenchmark() {
    }

    /**
     * @param out where to print the figures
     * @param quick fewer repetitions and a smaller grid (a smoke run)
     */
    public static void run(PrintStream out, boolean quick) {
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf("dynamics benchmark: %d cores, max heap %d MB%n", cores, Runtime.getRuntime().maxMemory() >> 20);
        exactOperator(out, quick ? 3 : 9);
        figureOneGrid(out, cores, quick ? 10 : 50, quick ? 1 : 3);
        denseComparison(out, quick);
    }

    /**
     * @param out where to print the figures
     */
    public static void run(PrintStream out) {
        run(out, false);
    }

    private static void exactOperator(PrintStream out, int repetitions) {
        HessianFamily family = RandomFamilies.denseWishart(7, 50, 50, 50);
        Hyperparameters hyper = new Hyperparameters(0.5, 0.1, 10);
        double[] rhoSeconds = new double[repetitions];
        double[] etaSeconds = new double[repetitions];
        double[] bothSeconds = new double[repetitions];
        SpectralRadius rho = MeanSquareOperator.of(family, hyper).rho();
        CriticalLearningRate critical = CriticalLearningRate.of(family, hyper.alpha(), hyper.batch());
        for (int i = 0; i < repetitions + 2; i++) {
            long start = System.nanoTime();
            rho = MeanSquareOperator.of(family, hyper).rho();
            long middle = System.nanoTime();
            critical = CriticalLearningRate.of(family, hyper.alpha(), hyper.batch());
            long end = System.nanoTime();
            StabilityAnalysis.of(family, hyper, 1);
            long last = System.nanoTime();
            if (i >= 2) {
                rhoSeconds[i - 2] = (middle - start) / 1e9;
                etaSeconds[i - 2] = (end - middle) / 1e9;
                bothSeconds[i - 2] = (last - end) / 1e9;
            }
        }
        out.printf("  rho and etaStar, dense d = 50, n_r = n_f = 50 (eta = 0.5, alpha = 0.1, B = 10): "
                + "rho %.4f s, etaStar %.4f s, both via StabilityAnalysis (K = 1) %.4f s (medians of %d; "
                + "target < 0.2 s)%n", median(rhoSeconds), median(etaSeconds), median(bothSeconds), repetitions);
        out.printf("    rho = %.12f (%d Lanczos steps), etaStar = %.12f (%d Lanczos steps)%n", rho.rho(),
                rho.iterations(), critical.etaStar(), critical.iterations());
    }

    private static void figureOneGrid(PrintStream out, int threads, int maxQ, int repetitions) {
        SimulationConfig config = SimulationConfig.paper(SEED).withSize(1000, 10, 0);
        double[] seconds = new double[repetitions];
        int[] totals = new int[0];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            totals = grid(config, threads, maxQ);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        int cells = maxQ * (GRID_N / 2 - 1);
        out.printf("  Figure 1 protocol, section 3.1 construction n_r = n_f = %d, eta = %.2f, alpha = %.2f, "
                + "Q = 1..%d, B = 1..%d, 10 x 1000 steps (%,d runs) on %d threads: median %.2f s of %d "
                + "(target < 15 s for Q = 1..50)%n", GRID_N, GRID_ETA, GRID_ALPHA, maxQ, GRID_N / 2 - 1,
                cells * 10, threads, median(seconds), repetitions);
        out.printf("    verdicts: %d diverge, %d converge, %d ties; %,d runs diverged%n", totals[0], totals[1],
                totals[2], totals[3]);
    }

    /** Runs every (Q, B) cell on a pool; returns {diverge, converge, tie, diverged runs}. */
    private static int[] grid(SimulationConfig config, int threads, int maxQ) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> cells = new ArrayList<>();
            for (int q = 1; q <= maxQ; q++) {
                HessianFamily family = PaperConstruction.section31(GRID_N, q);
                for (int b = 1; b < GRID_N / 2; b++) {
                    Hyperparameters hyper = new Hyperparameters(GRID_ETA, GRID_ALPHA, b);
                    cells.add(pool.submit(() -> UnlearningSimulation.divergedRuns(family, hyper, config)));
                }
            }
            int[] totals = new int[4];
            for (Future<Integer> cell : cells) {
                int diverged = TaskResults.get(cell, "benchmark cell");
                Verdict verdict = Verdict.majority(diverged, config.repeats());
                totals[verdict.ordinal() == 1 ? 0 : verdict.ordinal() == 0 ? 1 : 2]++;
                totals[3] += diverged;
            }
            return totals;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void denseComparison(PrintStream out, boolean quick) {
        int[] qs = quick ? new int[] {1, 50} : new int[] {1, 10, 25, 50};
        int[] bs = quick ? new int[] {5} : new int[] {5, 25};
        SimulationConfig config = SimulationConfig.paper(SEED).withSize(1000, 10, 0);
        double structured = 0.0;
        double dense = 0.0;
        int agree = 0;
        int cells = 0;
        for (int pass = 0; pass < 2; pass++) {
            structured = 0.0;
            dense = 0.0;
            agree = 0;
            cells = 0;
            for (int q : qs) {
                HessianFamily family = PaperConstruction.section31(GRID_N, q);
                for (int b : bs) {
                    Hyperparameters hyper = new Hyperparameters(GRID_ETA, GRID_ALPHA, b);
                    long start = System.nanoTime();
                    int fast = UnlearningSimulation.divergedRuns(family, hyper, config);
                    long middle = System.nanoTime();
                    int slow = DenseBaseline.divergedRuns(family, hyper, config);
                    long end = System.nanoTime();
                    structured += (middle - start) / 1e9;
                    dense += (end - middle) / 1e9;
                    agree += fast == slow ? 1 : 0;
                    cells++;
                }
            }
        }
        out.printf("  dense baseline on %d cells (Q in %s, B in %s), one thread each: structured %.3f s, "
                + "dense %.3f s, ratio %.1fx; diverged counts equal in %d of %d cells%n", cells,
                Arrays.toString(qs), Arrays.toString(bs), structured, dense, dense / structured, agree, cells);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /**
     * The way a first script runs the protocol: dense d x d Hessians, and at every step the batch
     * mean formed as a dense matrix and multiplied into w. Same random streams and batches as
     * {@link UnlearningRun}, so the verdicts agree up to rounding.
     */
    static final class DenseBaseline {
        private DenseBaseline() {
        }

        static int divergedRuns(HessianFamily family, Hyperparameters hyper, SimulationConfig config) {
            List<double[][]> retain = dense(family.retain());
            List<double[][]> forget = dense(family.forget());
            int diverged = 0;
            for (int run = 0; run < config.repeats(); run++) {
                diverged += run(retain, forget, hyper, config, run) ? 1 : 0;
            }
            return diverged;
        }

        private static List<double[][]> dense(List<Hessian> set) {
            List<double[][]> out = new ArrayList<>();
            for (Hessian h : set) {
                out.add(h.toMatrix().getData());
            }
            return out;
        }

        private static boolean run(List<double[][]> retain, List<double[][]> forget, Hyperparameters hyper,
                SimulationConfig config, int runIndex) {
            int d = retain.get(0).length;
            UniformRandomProvider rng = RandomStreams.stream(config.seed(), runIndex);
            double[] w = RandomStreams.gaussian(rng, d);
            double start = Math.sqrt(Vectors.dot(w, w));
            BatchDraw retainDraw = new BatchDraw(config.sampler(), retain.size(), hyper.batch());
            BatchDraw forgetDraw = new BatchDraw(config.sampler(), forget.size(), hyper.batch());
            int[] retainBatch = new int[retain.size()];
            int[] forgetBatch = new int[forget.size()];
            double logNorm = Math.log(start);
            for (int k = 0; k < config.steps(); k++) {
                double[][] mean = new double[d][d];
                int nr = retainDraw.draw(rng, retainBatch);
                int nf = forgetDraw.draw(rng, forgetBatch);
                double retainWeight = (1 - hyper.alpha()) / hyper.batch();
                double forgetWeight = -hyper.alpha() / hyper.batch();
                for (int i = 0; i < nr; i++) {
                    add(mean, retainWeight, retain.get(retainBatch[i]));
                }
                for (int i = 0; i < nf; i++) {
                    add(mean, forgetWeight, forget.get(forgetBatch[i]));
                }
                double[] next = new double[d];
                for (int p = 0; p < d; p++) {
                    next[p] = w[p] - hyper.eta() * Vectors.dot(mean[p], w);
                }
                double norm = Math.sqrt(Vectors.dot(next, next));
                logNorm += Math.log(norm);
                for (int p = 0; p < d; p++) {
                    w[p] = next[p] / norm;
                }
                if (logNorm - Math.log(start) >= Math.log(config.threshold())) {
                    return true;
                }
            }
            return false;
        }

        private static void add(double[][] target, double weight, double[][] h) {
            for (int p = 0; p < target.length; p++) {
                for (int q = 0; q < target.length; q++) {
                    target[p][q] += weight * h[p][q];
                }
            }
        }
    }
}
