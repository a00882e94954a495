package org.unlearnstability.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.coherence.FamilyGeometry;
import org.unlearnstability.coherence.MixCoherenceBracket;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.StabilityAnalysis;
import org.unlearnstability.engine.LocalTaskEngine;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.family.FactorGram;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.frontier.Frontier;
import org.unlearnstability.frontier.FrontierSpec;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.report.Progress;

/**
 * The benchmark of a user's own network: {@code analyze} of a rank-one factor family (n_r = 500, n_f = 50, d = 20,000 in
 * full mode) in span coordinates from the factor Gram, its coherence part with exact products of S to 1e-10
 * (the path before the structured bounds, measured in the same run as the baseline) and with structured bounds plus exact
 * products to 1e-9, its dynamics, and {@code frontier} of it on the default grid.
 * One repetition each: every run takes seconds to minutes, and the machine is shared, so the figures are noisy.
 */
public final class FrontierBenchmark {
    /** The issue's figure for analyze of the full family before this work. */
    private static final double ISSUE_ANALYZE_SECONDS = 47.0;
    /** The default grid measured before the stacked noise kernel and the engine (2 cores, 2026-12-05). */
    private static final double ISSUE_FRONTIER_SECONDS = 364.0;
    /**
     * The default grid before the chained, certified Lanczos brackets (independent power steps per weight), on this
     * machine with the jar of 4b9f3de: at --sigma-width 1e-9 and 1e-6.
     */
    private static final double PREVIOUS_FRONTIER_SECONDS = 191.3;
    private static final double PREVIOUS_COARSE_SECONDS = 164.8;
    /** A bracket width that certifies eta7 and eta8 to six digits. */
    private static final double COARSE_WIDTH = 1e-6;

    private FrontierBenchmark() {
    }

    /**
     * @param out where the table goes
     * @param quick a small family (n_r = 100, n_f = 10, d = 2,000), for a smoke run
     */
    public static void run(PrintStream out, boolean quick) {
        int nRetain = quick ? 100 : 500;
        int nForget = quick ? 10 : 50;
        int d = quick ? 2_000 : 20_000;
        HessianFamily family = rankOneFamily(nRetain, nForget, d, 11L);
        Hyperparameters hyper = new Hyperparameters(0.5, 0.1, 5);
        out.printf(Locale.ROOT, "frontier benchmark: rank-one family n_r = %d, n_f = %d, d = %d (one run each)%n",
                nRetain, nForget, d);
        double span = seconds(() -> FactorGram.inSpanCoordinates(family));
        HessianFamily compact = FactorGram.inSpanCoordinates(family);
        double before = seconds(() -> CoherenceAnalysis.of(compact, hyper));
        double[] coherence = new double[1];
        double[] dynamics = new double[1];
        double after = seconds(() -> {
            coherence[0] = seconds(() -> CoherenceAnalysis.of(FamilyGeometry.of(compact), hyper,
                    MixCoherenceBracket.DEFAULT_WIDTH));
            dynamics[0] = seconds(() -> StabilityAnalysis.of(compact, hyper, StabilityAnalysis.DEFAULT_STEPS));
        });
        out.printf(Locale.ROOT, "  span coordinates from the factor Gram %8.2f s%s%n", span,
                quick ? "" : String.format(Locale.ROOT, "   (first measured for all of analyze: %.0f s)",
                        ISSUE_ANALYZE_SECONDS));
        out.printf(Locale.ROOT, "  coherence, exact S products to 1e-10 (before) %8.2f s%n", before);
        out.printf(Locale.ROOT, "  coherence, structured + exact to 1e-9 (now)   %8.2f s   ratio %.2fx%n", coherence[0],
                before / coherence[0]);
        out.printf(Locale.ROOT, "  dynamics (rho, etaStar, inertia of A, Lemma 2.1) %8.2f s%n", dynamics[0]);
        out.printf(Locale.ROOT, "  analyze now: %.2f s with dynamics, %.2f s with --no-dynamics (target < 10 s)%n",
                span + after, span + coherence[0]);
        SpanDynamicsBenchmark.run(out, quick);
        FrontierSpec spec = FrontierSpec.of(FrontierSpec.defaultAlphas(),
                FrontierSpec.defaultBatches(nRetain, nForget), OptionalDouble.empty());
        long cells = (long) spec.alphas().size() * spec.batches().size();
        double[] widths = {Frontier.DEFAULT_SIGMA_WIDTH, COARSE_WIDTH, MixCoherenceBracket.DEFAULT_WIDTH};
        for (double width : widths) {
            double frontier = seconds(() -> {
                try (TaskEngine engine = new LocalTaskEngine(Runtime.getRuntime().availableProcessors())) {
                    Frontier.compute(family, spec, width, engine, new Progress("frontier",
                            Frontier.tasks(family, spec), new PrintStream(OutputStream.nullOutputStream()),
                            Progress.Style.LINES, Progress.LOG_INTERVAL, System::nanoTime));
                }
            });
            out.printf(Locale.ROOT, "  frontier, default grid (%d cells, %d tasks), --sigma-width %.0e %8.2f s   "
                    + "(%.2f s per cell%s)%n", cells, Frontier.tasks(family, spec), width, frontier, frontier / cells,
                    quick ? "" : previous(width));
        }
    }

    /** The figure of the previous jar beside each width (the target applies to the default width). */
    private static String previous(double width) {
        if (width == Frontier.DEFAULT_SIGMA_WIDTH) {
            return String.format(Locale.ROOT, "; default width; target < 60 s; %.0f s before the stacked noise kernel",
                    ISSUE_FRONTIER_SECONDS);
        }
        double before = width == MixCoherenceBracket.DEFAULT_WIDTH ? PREVIOUS_FRONTIER_SECONDS
                : PREVIOUS_COARSE_SECONDS;
        return String.format(Locale.ROOT, "; %.1f s before the chained Lanczos brackets", before);
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Gaussian rank-one factors g_i / sqrt(d), from one seeded stream. */
    static HessianFamily rankOneFamily(int nRetain, int nForget, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Hessian> all = new ArrayList<>();
        for (int i = 0; i < nRetain + nForget; i++) {
            double[] g = new double[d];
            for (int p = 0; p < d; p++) {
                g[p] = gaussian(rng) / Math.sqrt(d);
            }
            all.add(FactorHessian.rankOne(g));
        }
        return new HessianFamily(all.subList(0, nRetain), all.subList(nRetain, all.size()));
    }

    /** A standard normal by Box-Muller (SplittableRandom has no nextGaussian in Java 17). */
    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
