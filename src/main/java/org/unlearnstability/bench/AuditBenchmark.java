package org.unlearnstability.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.unlearnstability.experiment.claims.ClaimsAudit;
import org.unlearnstability.experiment.claims.ClaimsAuditSpec;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Provenance;

/**
 * Benchmark of the full claims audit: medians of wall-clock and process CPU time of whole runs
 * (13 claims x 3,000 cases and the searches, shrinking and the tightness grid), beside the figure measured
 * for its first version (claims one after another, rational matrices in BigFraction, every power iteration to the
 * end). The outputs are identical to those of that version (compare claims.md, tightness.csv).
 */
public final class AuditBenchmark {
    /** The full audit of the first version on this 2-core machine, seconds (medians of several runs). */
    public static final String BEFORE = "93-105 s";
    /**
     * The full audit before the Cholesky certificate of the batch patterns and the operator-matrix bound of
     * the divergence-corollary search (same machine, a lone run: wall clock, CPU).
     */
    public static final String BEFORE_CERTIFICATES = "56.8 s wall, 101.1 s CPU";

    private AuditBenchmark() {
    }

    /**
     * @param out where to print
     * @param quick one run of the quick audit only (a smoke run, not for quoting)
     */
    public static void run(PrintStream out, boolean quick) {
        int reps = quick ? 1 : 3;
        out.printf("audit benchmark: %d cores, load average before %.2f (other processes slow every figure)%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double[] wall = new double[reps];
        double[] cpu = new double[reps];
        for (int i = 0; i < reps; i++) {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            once(quick);
            wall[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (processCpuNanos() - cpuStart) / 1e9;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        out.printf("  %s audit: median %.1f s wall, %.1f s CPU (%d runs); first version: %s%s%n",
                quick ? "quick" : "full", wall[reps / 2], cpu[reps / 2], reps, quick ? "27-35 s" : BEFORE,
                quick ? "" : "; before the certificates: " + BEFORE_CERTIFICATES);
    }

    private static void once(boolean quick) {
        try {
            Path dir = Files.createTempDirectory("audit-bench");
            ClaimsAuditSpec options = new ClaimsAuditSpec(dir, dir.resolve("counterexamples"),
                    Path.of("specs", "claims"), quick, ClaimsAuditSpec.DEFAULT_SEED);
            Progress silent = new Progress("audit", ClaimsAudit.workUnits(quick),
                    new PrintStream(new ByteArrayOutputStream()), Progress.Style.LINES, Duration.ofHours(1),
                    System::nanoTime);
            ClaimsAudit.run(options, silent, new Provenance(Provenance.currentVersion(), "bench", Map.of(),
                    options.toJson(), options.seed(), Runtime.getRuntime().availableProcessors()));
            List<Path> files;
            try (var walk = Files.walk(dir)) {
                files = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            }
            for (Path p : files) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0L;
    }
}
