package org.unlearnstability.cli;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.engine.EngineKind;
import org.unlearnstability.engine.EngineUnavailableException;
import org.unlearnstability.engine.TaskEngine;
import picocli.CommandLine.Option;

/**
 * The shared {@code --engine} and {@code --master} options: where independent cells and audit claims run.
 * The reports are the same on every engine (except timing lines).
 */
public final class EngineOptions {
    @Option(names = "--engine", paramLabel = "ENGINE", description = "Where cells run: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}); spark needs the module's jar (README, On Apache Spark).")
    private EngineKind engine = EngineKind.LOCAL;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master URL with --engine spark (default: "
            + "spark-submit's, else local[*]: Spark embedded in this JVM).")
    private @Nullable String master;

    /**
     * @param threads the local engine's worker threads
     * @return the running engine; the caller closes it
     * @throws UsageException when the engine's jar is not on the class path
     */
    TaskEngine open(int threads) {
        try {
            return engine.open(master, threads);
        } catch (EngineUnavailableException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
    }
}
