package org.unlearnstability.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.spark.api.java.JavaSparkContext;
import org.unlearnstability.coherence.CertifiedEigenvalue;
import org.unlearnstability.coherence.FamilyGeometry;
import org.unlearnstability.coherence.MixCoherenceMatrix;
import org.unlearnstability.coherence.PerronRoot;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.RandomFamilies;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.rng.RandomStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark benchmark: throughput of S-entry evaluation (Definition 3) per executor core in
 * distributed products on {@code local[1]} and {@code local[2]}, beside the core's single-JVM symmetric
 * product in the same run, and from them the projected wall time of the exact certified bracket of
 * lambda_max(S) at 10^6 and 10^7 pairs on 8, 64 and 512 executor cores. Other processes share the machine:
 * the timings are noisy; compare the columns of one run.
 */
@Command(name = "spark-bench", mixinStandardHelpOptions = true,
        description = "Measure S-entry throughput per executor core (local[1], local[2]) and project the exact "
                + "bracket of lambda_max(S) to 10^6 and 10^7 pairs on 8, 64 and 512 executor cores.")
public final class SparkBenchmark implements Callable<Integer> {
    private static final int[] CORES = {8, 64, 512};
    private static final double[] PAIRS = {1e6, 1e7};
    /** The seed of the rank-one family (the module test's). */
    static final long RANK_ONE_SEED = 20261205L;

    @Option(names = "--quick", description = "A smaller family and fewer repetitions (a smoke run).")
    private boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Where spark-bench.md goes (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("reports");

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        int n = quick ? 80 : 200;
        int repetitions = quick ? 3 : 5;
        FamilyGeometry geometry = FamilyGeometry.of(RandomFamilies.denseWishart(7, n, n, 50));
        NoiseConstants noise = NoiseConstants.of(new Hyperparameters(0.5, 0.1, n / 5), n, n);
        MixCoherenceMatrix s = new MixCoherenceMatrix(geometry, noise.cRPrime(), noise.cFPrime());
        CertifiedEigenvalue bracket = PerronRoot.of(s);
        NoiseConstants rankOneNoise = NoiseConstants.of(new Hyperparameters(0.5, 0.1, 5), 100, 100);
        CertifiedEigenvalue rankOne = PerronRoot.of(new MixCoherenceMatrix(FamilyGeometry.of(
                rankOneFamily(RANK_ONE_SEED, 100, 100)), rankOneNoise.cRPrime(), rankOneNoise.cFPrime()));
        double[] x = new double[s.size()];
        Arrays.fill(x, 1.0);
        double entries = (double) s.size() * s.size();
        double core = median(repetitions, () -> s.apply(x, new double[x.length]));
        double one = distributed("local[1]", geometry, noise, x, repetitions);
        double two = distributed("local[2]", geometry, noise, x, repetitions);
        double perCore = entries / one;
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, """
                # Exact lambda_max(S) on Apache Spark: measured throughput and projections

                Produced by `SparkBenchmark%s` (spark module) on %d processors, other jobs sharing the \
                machine (timings are noisy). Family: dense Wishart, n_r = n_f = %d, d = 50 (%,d pairs, %.3g \
                entries of S per product); median of %d products of S x after one warm-up.

                | product | median s | S entries per second | per executor core |
                |---|---|---|---|
                | core, one JVM, symmetric (each entry once), %d threads | %.3f | %.3g | |
                | Spark local[1], row blocks (every entry) | %.3f | %.3g | %.3g |
                | Spark local[2], row blocks (every entry) | %.3f | %.3g | %.3g |

                local[2] / local[1] speed-up: %.2f.

                Projected wall time of the exact certified bracket: P products of N^2 entries each at the local[1] \
                throughput per executor core, with perfect scaling and without the broadcast of x and task \
                scheduling per product (a floor). P is what PerronRoot took here: %d products on the dense \
                Wishart family above (nearly rank-one S), %d on the rank-one Gauss-Newton family of 10,000 pairs \
                of the module's test.

                | pairs N | family (P) | 8 cores | 64 cores | 512 cores |
                |---|---|---|---|---|
                """, quick ? " --quick" : "", Runtime.getRuntime().availableProcessors(), n, s.size(), entries,
                repetitions, Runtime.getRuntime().availableProcessors(), core, entries / 2 / core, one, perCore,
                perCore, two, entries / two, entries / two / 2, one / two, bracket.iterations(),
                rankOne.iterations()));
        for (double pairs : PAIRS) {
            for (CertifiedEigenvalue family : List.of(bracket, rankOne)) {
                md.append(String.format(Locale.ROOT, "| %.0e | %s (%d) |", pairs,
                        family == bracket ? "dense Wishart" : "rank-one", family.iterations()));
                for (int cores : CORES) {
                    md.append(' ').append(duration(family.iterations() * pairs * pairs / (perCore * cores)))
                            .append(" |");
                }
                md.append('\n');
            }
        }
        md.append(String.format(Locale.ROOT, """

                Memory: every executor holds the weighted Gram blocks, (n_r^2 + n_r n_f + n_f^2) doubles: %.0f MB \
                at 10^6 pairs and %.0f MB at 10^7 pairs with n_r = n_f; the driver holds a few vectors of N \
                doubles.
                """, 3e6 * 8 / 1e6, 3e7 * 8 / 1e6));
        System.out.print(md);
        OutputDirectory.create(out).writeString("spark-bench.md", md.toString());
        return 0;
    }

    /**
     * Rank-one Gauss-Newton Hessians g g^T (the shape of the CNN families of section 3.2, Theorem 2.4) with
     * g uniform on [-0.3, 0.7)^24 from the seed: a family whose S has a slower-decaying spectrum than the dense
     * Wishart one.
     *
     * @param seed the seed
     * @param nRetain n_r
     * @param nForget n_f
     * @return the family
     */
    static HessianFamily rankOneFamily(long seed, int nRetain, int nForget) {
        UniformRandomProvider rng = RandomStreams.stream(seed);
        List<Hessian> retain = new ArrayList<>();
        List<Hessian> forget = new ArrayList<>();
        for (int i = 0; i < nRetain + nForget; i++) {
            double[] g = new double[24];
            for (int k = 0; k < g.length; k++) {
                g[k] = rng.nextDouble() - 0.3;
            }
            (i < nRetain ? retain : forget).add(FactorHessian.rankOne(g));
        }
        return new HessianFamily(retain, forget);
    }

    private static double distributed(String master, FamilyGeometry geometry, NoiseConstants noise, double[] x,
            int repetitions) {
        JavaSparkContext context = SparkEngineProvider.context(master);
        try (SparkMixCoherence s = new SparkMixCoherence(context, geometry, noise.cRPrime(), noise.cFPrime(),
                4 * context.defaultParallelism())) {
            return median(repetitions, () -> s.apply(x, new double[x.length]));
        } finally {
            context.stop();
        }
    }

    /** The median wall time of the action after one warm-up run. */
    private static double median(int repetitions, Runnable action) {
        action.run();
        double[] seconds = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            action.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[repetitions / 2];
    }

    private static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
