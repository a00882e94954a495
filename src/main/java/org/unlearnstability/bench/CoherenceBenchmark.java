package org.unlearnstability.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import org.unlearnstability.coherence.CertifiedEigenvalue;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.coherence.FamilyGeometry;
import org.unlearnstability.coherence.MixCoherenceBracket;
import org.unlearnstability.coherence.MixCoherenceMatrix;
import org.unlearnstability.coherence.PerronRoot;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.RandomFamilies;

/**
 * Benchmark of sigma with its certified bracket (Definition 4) on dense random families, the figures
 * asked for when it was built: n_r = n_f = 50, d = 50 (2,500 pairs) and n_r = n_f = 200, d = 50 (40,000 pairs,
 * where a dense S would take 12.8 GB). Reports the median wall time and the peak heap, and, side by side
 * in the same run, lambda_max(S) with its bracket from the row-by-row product of before the symmetric one
 * (every entry evaluated twice) and from the symmetric product (each entry once). Other processes share
 * the machine: the timings are noisy, compare the two columns of one run.
 */
public final class CoherenceBenchmark {
    /** The dimension of the rank-one families of the scaling table (it only enters the Gram, O(d) per entry). */
    private static final int SCALE_DIMENSION = 1_000;

    private CoherenceBenchmark() {
    }

    /**
     * @param out where to print the figures
     * @param quick fewer repetitions (for a smoke run)
     */
    public static void run(PrintStream out, boolean quick) {
        out.printf("coherence benchmark: %d cores, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        measure(out, 50, 50, quick ? 3 : 9);
        measure(out, 200, 50, quick ? 1 : 3);
        exactAtWidth(out, quick ? 1 : 3);
        out.printf("  lambda_max(S) of rank-one factor families (d = %d) at three sizes: structured bounds alone, "
                + "then structured + exact products to width %.0e%n", SCALE_DIMENSION,
                MixCoherenceBracket.DEFAULT_WIDTH);
        int[][] sizes = quick ? new int[][] {{50, 5}, {100, 10}, {200, 20}}
                : new int[][] {{100, 10}, {200, 20}, {400, 40}, {800, 80}};
        for (int[] size : sizes) {
            scale(out, size[0], size[1]);
        }
    }

    /** The exact bracket at the width 1e-9 on the 40,000-pair dense family, beside the 1e-10 default. */
    private static void exactAtWidth(PrintStream out, int repetitions) {
        HessianFamily family = RandomFamilies.denseWishart(7, 200, 200, 50);
        Hyperparameters hyper = new Hyperparameters(0.5, 0.1, 40);
        NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
        MixCoherenceMatrix s = new MixCoherenceMatrix(FamilyGeometry.of(family), noise.cRPrime(), noise.cFPrime());
        double[] before = new double[repetitions];
        double[] after = new double[repetitions];
        CertifiedEigenvalue old = PerronRoot.of(s);
        MixCoherenceBracket now = MixCoherenceBracket.of(s, MixCoherenceBracket.DEFAULT_WIDTH,
                MixCoherenceBracket.EXACT_PAIRS_LIMIT);
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            old = PerronRoot.of(s);
            before[i] = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            now = MixCoherenceBracket.of(s, MixCoherenceBracket.DEFAULT_WIDTH, MixCoherenceBracket.EXACT_PAIRS_LIMIT);
            after[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(before);
        Arrays.sort(after);
        out.printf("  40,000 pairs, dense: exact power steps to 1e-10 (before) median %.3f s, %d products; "
                + "%s to 1e-9 (now) median %.3f s, %d exact products, %s; speed-up %.2fx%n",
                before[repetitions / 2], old.iterations(), now.method().key(), after[repetitions / 2],
                now.value().iterations(), bracket(now.value()), before[repetitions / 2] / after[repetitions / 2]);
    }

    /** One size of the scaling table: Gram, structured bracket, structured + exact (where affordable). */
    private static void scale(PrintStream out, int nRetain, int nForget) {
        HessianFamily family = FrontierBenchmark.rankOneFamily(nRetain, nForget, SCALE_DIMENSION, 13L);
        Hyperparameters hyper = new Hyperparameters(0.5, 0.1, Math.max(1, nForget / 5));
        NoiseConstants noise = NoiseConstants.of(hyper, nRetain, nForget);
        long start = System.nanoTime();
        FamilyGeometry geometry = FamilyGeometry.of(family);
        double gram = (System.nanoTime() - start) / 1e9;
        MixCoherenceMatrix s = new MixCoherenceMatrix(geometry, noise.cRPrime(), noise.cFPrime());
        start = System.nanoTime();
        MixCoherenceBracket structured = MixCoherenceBracket.of(s, MixCoherenceBracket.DEFAULT_WIDTH, 0);
        double structuredSeconds = (System.nanoTime() - start) / 1e9;
        String exact = "exact products not affordable";
        if (s.size() <= MixCoherenceBracket.EXACT_PAIRS_LIMIT) {
            start = System.nanoTime();
            MixCoherenceBracket tight = MixCoherenceBracket.of(s, MixCoherenceBracket.DEFAULT_WIDTH,
                    MixCoherenceBracket.EXACT_PAIRS_LIMIT);
            double seconds = (System.nanoTime() - start) / 1e9;
            exact = String.format("%s %.3f s, %d exact products, width %.1e", tight.method().key(), seconds,
                    tight.value().iterations(), tight.value().relativeWidth());
        }
        out.printf("    n_r = %4d, n_f = %3d (%,9d pairs): Gram %.3f s; structured %.3f s, width %.2e; %s%n",
                nRetain, nForget, s.size(), gram, structuredSeconds, structured.value().relativeWidth(), exact);
    }

    private static void measure(PrintStream out, int n, int d, int repetitions) {
        HessianFamily family = RandomFamilies.denseWishart(7, n, n, d);
        Hyperparameters hyper = new Hyperparameters(0.5, 0.1, Math.max(1, n / 5));
        CoherenceAnalysis last = CoherenceAnalysis.of(family, hyper);
        resetPeaks();
        double[] seconds = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            last = CoherenceAnalysis.of(family, hyper);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        CertifiedEigenvalue s = last.lambdaMaxS();
        printProductComparison(out, family, hyper, repetitions);
        out.printf("  n_r = n_f = %d, d = %d (%,d pairs): median %.4f s (min %.4f, max %.4f, %d runs), "
                + "sigma = %.6f, bracket width %.1e, %d power steps, peak heap %d MB%n",
                n, d, n * n, seconds[repetitions / 2], seconds[0], seconds[repetitions - 1], repetitions,
                last.sigma(), s.relativeWidth(), s.iterations(), peakHeapMegabytes());
    }

    /** lambda_max(S) alone, row-by-row product (the earlier path) against the symmetric product. */
    private static void printProductComparison(PrintStream out, HessianFamily family, Hyperparameters hyper,
            int repetitions) {
        NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
        MixCoherenceMatrix s = new MixCoherenceMatrix(FamilyGeometry.of(family), noise.cRPrime(), noise.cFPrime());
        double[] before = new double[repetitions];
        double[] after = new double[repetitions];
        // One untimed run of each warms the JIT up (and gives the brackets if repetitions is small).
        CertifiedEigenvalue rows = PerronRoot.of(s.rowByRow());
        CertifiedEigenvalue symmetric = PerronRoot.of(s);
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            rows = PerronRoot.of(s.rowByRow());
            before[i] = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            symmetric = PerronRoot.of(s);
            after[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(before);
        Arrays.sort(after);
        double medianBefore = before[repetitions / 2];
        double medianAfter = after[repetitions / 2];
        out.printf("    lambda_max(S) alone: row-by-row product (before) median %.4f s, %d products, %s; "
                + "symmetric product (now) median %.4f s, %d products, %s; speed-up %.2fx%n",
                medianBefore, rows.iterations(), bracket(rows), medianAfter, symmetric.iterations(),
                bracket(symmetric), medianBefore / medianAfter);
    }

    private static String bracket(CertifiedEigenvalue e) {
        return String.format("[%.12g, %.12g] width %.1e", e.lower(), e.upper(), e.relativeWidth());
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
