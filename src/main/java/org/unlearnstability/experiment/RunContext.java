package org.unlearnstability.experiment;

import java.nio.file.Path;
import org.unlearnstability.report.OutputDirectory;

/**
 * Where and how a reproduction runs: the output directory (reports/, one folder per experiment), the
 * cell cache root (reports/.cache/, git-ignored), the number of worker threads (results never depend on
 * it), and whether progress lines go to stderr.
 *
 * @param out the output directory
 * @param cacheRoot the cache root
 * @param threads worker threads, at least 1
 * @param progress whether to print progress on stderr
 */
public record RunContext(OutputDirectory out, Path cacheRoot, int threads, boolean progress) {

    /** Rejects a thread count below 1. */
    public RunContext {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
    }
}
