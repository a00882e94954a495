package org.unlearnstability.experiment;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.engine.LocalTaskEngine;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Provenance;

/**
 * Where and how a reproduction runs: the output directory (reports/, one folder per experiment), the
 * cell cache root (reports/.cache/, git-ignored), the number of worker threads (results never depend on
 * it), whether progress lines go to stderr, and the engine the cells run on (threads of this JVM, or
 * Apache Spark: the results are the same).
 *
 * @param out the output directory
 * @param cacheRoot the cache root
 * @param threads worker threads, at least 1
 * @param progress whether to print progress on stderr
 * @param engine where the independent cells run
 */
public record RunContext(OutputDirectory out, Path cacheRoot, int threads, boolean progress, TaskEngine engine) {

    /** Rejects a thread count below 1. */
    public RunContext {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
    }

    /**
     * A run on the threads of this JVM.
     *
     * @param out the output directory
     * @param cacheRoot the cache root
     * @param threads worker threads, at least 1
     * @param progress whether to print progress on stderr
     */
    public RunContext(OutputDirectory out, Path cacheRoot, int threads, boolean progress) {
        this(out, cacheRoot, threads, progress, new LocalTaskEngine(Math.max(1, threads)));
    }

    /**
     * @param file the spec file of the run (hashed as its input)
     * @param seed the seed of the run
     * @return the provenance of the run's outputs: version, build, spec and its hash, seed, threads
     */
    public Provenance provenance(SpecFile file, long seed) {
        return provenance(file, seed, List.of());
    }

    /**
     * @param file the spec file of the run
     * @param seed the seed of the run
     * @param dataFiles the data files the spec names, hashed beside it
     * @return the provenance of the run's outputs, its inputs the spec file and the data files
     */
    public Provenance provenance(SpecFile file, long seed, List<Path> dataFiles) {
        List<Path> inputs = new ArrayList<>();
        inputs.add(file.path());
        inputs.addAll(dataFiles);
        return Provenance.of(BuildFingerprint.current(), inputs, file.tree(), seed, threads);
    }

    /**
     * @param label what is counted, such as "fig1 cells"
     * @param total how many units the work has
     * @return progress on stderr when this run shows progress and there is work, else a silent one
     */
    public Progress progress(String label, long total) {
        if (progress && total > 0) {
            return Progress.onStderr(label, total);
        }
        return new Progress(label, total, new PrintStream(OutputStream.nullOutputStream()), Progress.Style.LINES,
                Progress.LOG_INTERVAL, System::nanoTime);
    }
}
