package org.unlearnstability.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.unlearnstability.coherence.CoherenceBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench}: the project's benchmarks, printing medians and ratios measured in the same run
 * (speed is measured, never asserted by timed unit tests).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run benchmarks and print median times: coherence (sigma with its certified bracket).")
public final class BenchCommand implements Callable<Integer> {
    /** The benchmark suites. */
    enum Suite {
        /** sigma with its bracket at 2,500 and 40,000 pairs (issue 2). */
        coherence,
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
        return 0;
    }
}
