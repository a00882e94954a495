package org.unlearnstability.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.unlearnstability.cnn.CnnHessians;
import org.unlearnstability.cnn.CnnProtocol;
import org.unlearnstability.cnn.DirectCnn;
import org.unlearnstability.cnn.PatchData;
import org.unlearnstability.cnn.UnlearningSchedule;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.experiment.fig2.Fig2Computation;
import org.unlearnstability.experiment.fig2.Fig2Repeat;
import org.unlearnstability.experiment.fig2.Fig2Repeat.Component;
import org.unlearnstability.experiment.fig2.Fig2Spec;
import org.unlearnstability.report.Progress;

/**
 * Benchmark of the Figure 2 sweep: the full grid (11 d x 11 ||mu|| x 20 repeats, coherence
 * on) in span coordinates on 1 and 2 threads (target: under 5 s on 2 cores), without the coherence
 * analysis, and the direct d-dimensional implementation (explicit patches, {@link DirectCnn}, explicit
 * fresh samples, the coherence core on the full 2 m d-dimensional factors) on a subset of cells, with
 * the per-repeat ratio and the extrapolated direct sweep time. Medians of wall-clock times.
 */
public final class Fig2Benchmark {
    private static final int[] DIRECT_DIMENSIONS = {100, 600, 1100};
    private static final double DIRECT_MU = 1.0;

    private Fig2Benchmark() {
    }

    /** @return the grid of specs/experiments/fig2.json without the sensitivity run */
    static Fig2Spec paperGrid() {
        List<Integer> dims = IntStream.rangeClosed(1, 11).map(i -> 100 * i).boxed().toList();
        List<Double> mus = List.of(0.25, 0.35, 0.5, 0.7, 1.0, 1.4, 2.0, 2.8, 4.0, 5.6, 8.0);
        return new Fig2Spec(20250901L, dims, mus, 20, true, CnnProtocol.paper(),
                new Fig2Spec.Sensitivity(List.of(), List.of()));
    }

    /**
     * @param out where to print the figures
     */
    public static void run(PrintStream out) {
        run(out, false);
    }

    /**
     * @param out where to print the figures
     * @param quick one repetition each (a smoke run, not for quoting)
     */
    public static void run(PrintStream out, boolean quick) {
        Fig2Spec spec = paperGrid();
        int repeats = spec.dimensions().size() * spec.signalNorms().size() * spec.repeats();
        out.printf("fig2 benchmark: %d cores, %d cells x %d repeats = %d repeats%n",
                Runtime.getRuntime().availableProcessors(), spec.dimensions().size() * spec.signalNorms().size(),
                spec.repeats(), repeats);
        out.printf("  load average before: %.2f (other processes on the machine slow every figure below)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        sweep(spec, 2, 1);
        int reps = quick ? 1 : 3;
        double[] two = sweep(spec, 2, reps);
        out.printf("  span coordinates, coherence on, 2 threads: median %.2f s wall, %.2f s CPU (%d runs); "
                + "the previous session's final jar (commit 4b9f3de, same machine): 8.10 s wall, 15.24 s CPU; "
                + "before its speed work (commit 4203660, 2026-12-05): 9.3 s wall, 17.5 s CPU; one-column S sweeps "
                + "(the jar before that): 10.9 s wall, 19.6 s CPU; before exact dynamics per cell: 6.1-6.6 s "
                + "(target < 5 s)%n", two[0], two[1], reps);
        double[] one = sweep(spec, 1, quick ? 1 : 2);
        out.printf("  span coordinates, coherence on, 1 thread:  median %.2f s wall (speed-up %.2f)%n", one[0],
                one[0] / two[0]);
        Fig2Spec noCoherence = new Fig2Spec(spec.seed(), spec.dimensions(), spec.signalNorms(), spec.repeats(), false,
                spec.protocol(), spec.sensitivity());
        double[] plain = sweep(noCoherence, 2, reps);
        out.printf("  span coordinates, coherence off, 2 threads: median %.2f s wall, %.2f s CPU%n", plain[0],
                plain[1]);
        direct(out, spec, two[0] / repeats * 2, quick);
    }

    /** @return the median wall time and the median process CPU time of the runs, in seconds */
    private static double[] sweep(Fig2Spec spec, int threads, int reps) {
        double[] seconds = new double[reps];
        double[] cpu = new double[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            long cpuStart = CpuClock.nanos();
            Fig2Computation.compute(spec, threads, silent(spec));
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (CpuClock.nanos() - cpuStart) / 1e9;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        return new double[] {seconds[reps / 2], cpu[reps / 2]};
    }

    private static Progress silent(Fig2Spec spec) {
        return new Progress("fig2", Fig2Computation.cellCount(spec), new PrintStream(new ByteArrayOutputStream()),
                Progress.Style.LINES, Duration.ofHours(1), System::nanoTime);
    }

    /** The direct implementation on a few cells, one thread, against span coordinates on the same cells. */
    private static void direct(PrintStream out, Fig2Spec spec, double spanPerRepeat, boolean quick) {
        CnnProtocol protocol = spec.protocol();
        List<double[]> perD = new ArrayList<>();
        for (int d : DIRECT_DIMENSIONS) {
            int reps = quick ? 1 : 2;
            double[] directSeconds = new double[reps];
            double[] spanSeconds = new double[reps];
            for (int r = 0; r < reps; r++) {
                long start = System.nanoTime();
                directRepeat(protocol, d, DIRECT_MU, spec.seed(), r);
                directSeconds[r] = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                Fig2Repeat.run(protocol, d, DIRECT_MU, spec.seed(), r, true);
                spanSeconds[r] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(directSeconds);
            Arrays.sort(spanSeconds);
            double dt = directSeconds[reps / 2];
            double st = spanSeconds[reps / 2];
            perD.add(new double[] {d, dt});
            out.printf("  direct d-dimensional, d = %4d: %.3f s per repeat vs span %.4f s (ratio %.0f)%n", d, dt, st,
                    dt / st);
        }
        double total = 0.0;
        for (int d : spec.dimensions()) {
            total += interpolate(perD, d) * spec.signalNorms().size() * spec.repeats();
        }
        out.printf("  direct d-dimensional full sweep (extrapolated, 2 threads): %.0f s = %.0f x the span sweep%n",
                total / 2, total / 2 / (spanPerRepeat * spec.dimensions().size() * spec.signalNorms().size()
                        * spec.repeats() / 2));
    }

    private static double interpolate(List<double[]> points, double d) {
        for (int i = 0; i + 1 < points.size(); i++) {
            double[] a = points.get(i);
            double[] b = points.get(i + 1);
            if (d <= b[0] || i + 2 == points.size()) {
                return a[1] + (b[1] - a[1]) * (d - a[0]) / (b[0] - a[0]);
            }
        }
        return points.get(0)[1];
    }

    /**
     * One repeat the direct way: explicit d-dimensional data and W0, gradient descent on 2 m d weights,
     * unlearning, retraining, 1000 explicit fresh samples per network, and the coherence core on the full
     * rank-one factors (the membership-inference AUC, a sort of 1025 numbers, is left out).
     */
    static double directRepeat(CnnProtocol protocol, int d, double mu, long seed, int repeat) {
        PatchData data = PatchData.sample(Fig2Repeat.stream(seed, d, mu, repeat, Component.DATA), d, mu, protocol);
        int[] all = IntStream.range(0, protocol.trainSamples()).toArray();
        int[] retain = protocol.retainSet();
        int[] forget = protocol.forgetSet();
        DirectCnn initial = DirectCnn.initial(data);
        DirectCnn trained = initial.train(all, protocol.epochs(), protocol.learningRate());
        UnlearningSchedule schedule = UnlearningSchedule.of(protocol,
                Fig2Repeat.stream(seed, d, mu, repeat, Component.SCHEDULE));
        DirectCnn unlearned = trained.unlearn(schedule, protocol.unlearning());
        DirectCnn retrained = initial.train(retain, protocol.epochs(), protocol.learningRate());
        UniformRandomProvider test = Fig2Repeat.stream(seed, d, mu, repeat, Component.TEST);
        double errors = trained.testError(test, protocol.testSamples(), protocol.noiseSigma())
                + unlearned.testError(test, protocol.testSamples(), protocol.noiseSigma());
        CoherenceAnalysis analysis = CoherenceAnalysis.of(CnnHessians.family(trained, retain, forget),
                protocol.unlearning().hyper());
        return errors + analysis.sigma() + retrained.meanLoss(forget) + unlearned.meanLoss(forget);
    }

    /**
     * @param args ignored; "--quick" for one repetition
     */
    public static void main(String[] args) {
        run(System.out, args.length > 0 && "--quick".equals(args[0]));
    }
}
