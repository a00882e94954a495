package org.unlearnstability.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.unlearnstability.bench.AuditBenchmark;
import org.unlearnstability.bench.CoherenceBenchmark;
import org.unlearnstability.bench.DynamicsBenchmark;
import org.unlearnstability.bench.Fig2Benchmark;
import org.unlearnstability.bench.FrontierBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench}: the project's benchmarks, printing medians and ratios measured in the same run
 * (speed is measured, never asserted by timed unit tests).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run benchmarks and print median times: coherence (sigma with its certified "
                + "bracket), dynamics (rho, etaStar, the Figure 1 protocol vs a plain dense baseline), "
                + "cnn (Figure 2 sweep vs the direct network), frontier (analyze of a rank-one factor family "
                + "before and after span coordinates, and frontier on the default grid), audit (the full claims "
                + "audit vs its first version's time).")
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
        /** every suite. */
        all
    }

    @Parameters(index = "0", defaultValue = "all", description = "Suite: ${COMPLETION-CANDIDATES} (default all).")
    private Suite suite = Suite.all;

    @Option(names = "--quick", description = "Fewer repetitions (a smoke run, not for quoting).")
    private boolean quick;

    @Override
    public Integer call() {
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
        return 0;
    }
}
