package org.unlearnstability.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unlearnstability.bench.AuditBenchmark;
import org.unlearnstability.bench.CoherenceBenchmark;
import org.unlearnstability.bench.CpuClock;
import org.unlearnstability.bench.DynamicsBenchmark;
import org.unlearnstability.bench.Fig2Benchmark;
import org.unlearnstability.bench.FrontierBenchmark;
import org.unlearnstability.experiment.CacheFolders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench}: the project's benchmarks, printing medians and ratios measured in the same run
 * (speed is measured, never asserted by timed unit tests).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = """
        Run benchmarks and print median times: coherence (sigma with its certified bracket), dynamics (rho, etaStar, \
        the Figure 1 protocol vs a plain dense baseline), cnn (Figure 2 sweep vs the direct network), frontier \
        (analyze of a rank-one factor family before and after span coordinates, and frontier on the default grid), \
        audit (the full claims audit vs its first version's time), reproduce (the main job cold and warm, with the \
        JIT compiler's CPU, beside earlier jars' cold times; run from the project directory, not part of all).""")
public final class BenchCommand implements Callable<Integer> {
    /** The benchmark suites. */
    enum Suite {
        /** sigma with its bracket at 2,500 and 40,000 pairs */
        coherence,
        /** rho, etaStar and the Figure 1 protocol against a plain dense baseline */
        dynamics,
        /** the Figure 2 sweep in span coordinates against the direct d-dimensional network */
        cnn,
        /** analyze and frontier of a rank-one factor family, d-dimensional vs span coordinates */
        frontier,
        /** the full claims audit, beside its first version's time. */
        audit,
        /** the main job (reproduce --clear-cache into a temporary directory), 3 runs; not part of "all". */
        reproduce,
        /** every suite. */
        all
    }

    @Parameters(index = "0", defaultValue = "all", description = "Suite: ${COMPLETION-CANDIDATES} (default all).")
    private Suite suite = Suite.all;

    @Option(names = "--quick", description = "Fewer repetitions (a smoke run, not for quoting).")
    private boolean quick;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        if (suite == Suite.coherence || suite == Suite.all) {
            CoherenceBenchmark.run(out, quick);
        }
        if (suite == Suite.dynamics || suite == Suite.all) {
            DynamicsBenchmark.run(out, quick);
        }
        if (suite == Suite.cnn || suite == Suite.all) {
            Fig2Benchmark.run(out, quick);
        }
        if (suite == Suite.frontier || suite == Suite.all) {
            FrontierBenchmark.run(out, quick);
        }
        if (suite == Suite.audit || suite == Suite.all) {
            AuditBenchmark.run(out, quick);
        }
        if (suite == Suite.reproduce) {
            reproduce(out, quick);
        }
        return 0;
    }

    /** @return seconds to one decimal, or "not measured" (NaN: no per-thread statistics on this platform) */
    private static String seconds(double s) {
        return Double.isNaN(s) ? "not measured" : String.format(Locale.ROOT, "%.1f s CPU", s);
    }

    /** README's main job, cold, into a temporary directory (deleted after each run). */
    private static void reproduce(PrintStream out, boolean quick) throws IOException {
        int reps = quick ? 1 : 3;
        double[] wall = new double[reps];
        double[] cpu = new double[reps];
        double[] jit = new double[reps];
        out.printf(Locale.ROOT, "reproduce benchmark: %d cores, load average before: %.2f (other processes on the "
                + "machine slow every figure below)%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int i = 0; i < reps; i++) {
            Path dir = Files.createTempDirectory("bench-reproduce");
            long start = System.nanoTime();
            long cpuStart = CpuClock.nanos();
            long jitStart = CpuClock.compilerNanos();
            int status = new CommandLine(new ReproduceCommand()).execute("--out", dir.toString(), "--clear-cache",
                    "--no-progress");
            wall[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (CpuClock.nanos() - cpuStart) / 1e9;
            long jitEnd = CpuClock.compilerNanos();
            jit[i] = jitStart < 0 || jitEnd < 0 ? Double.NaN : (jitEnd - jitStart) / 1e9;
            CacheFolders.clear(dir);
            if (status != 0) {
                throw new IllegalStateException("reproduce exited with status " + status);
            }
        }
        // Run 1 is README's main job as a user meets it (a fresh JVM); later runs reuse this JVM's compiled code.
        out.printf(Locale.ROOT, "  reproduce --clear-cache, default threads, run 1 (fresh JVM, JIT cold): %.1f s wall, "
                + "%.1f s CPU (JIT compiler threads: %s); earlier jars on this machine, cold: commit f0704ca 76.1 s "
                + "wall, 147.2 s CPU; 4b9f3de 77.3 s, 152.6 s; 4203660 (before the speed work) 82.4 s, about 171 s "
                + "(target < 60 s)%n",
                wall[0], cpu[0], seconds(jit[0]));
        if (reps > 1) {
            double[] warmWall = Arrays.copyOfRange(wall, 1, reps);
            double[] warmCpu = Arrays.copyOfRange(cpu, 1, reps);
            double[] warmJit = Arrays.copyOfRange(jit, 1, reps);
            Arrays.sort(warmWall);
            Arrays.sort(warmCpu);
            Arrays.sort(warmJit);
            out.printf(Locale.ROOT, "  runs 2-%d in the same JVM (JIT warm, caches cleared): median %.1f s wall, "
                    + "%.1f s CPU (JIT compiler threads: %s)%n", reps, warmWall[warmWall.length / 2],
                    warmCpu[warmCpu.length / 2], seconds(warmJit[warmJit.length / 2]));
        }
    }

}
