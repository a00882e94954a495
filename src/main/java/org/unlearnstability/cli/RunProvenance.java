package org.unlearnstability.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.experiment.BuildFingerprint;
import org.unlearnstability.report.Provenance;

/** The provenance block of a command's JSON output: this build, the input files, the options, seed, threads. */
final class RunProvenance {
    private RunProvenance() {
    }

    /**
     * @param output the command's JSON object
     * @param inputs the files it read
     * @param options the options that decide the result
     * @param seed the seed, or null when nothing is random
     * @param threads the worker threads
     * @return the output with its provenance attached
     */
    static ObjectNode attach(ObjectNode output, List<Path> inputs, ObjectNode options, @Nullable Long seed,
            int threads) {
        return of(inputs, options, seed, threads).attachTo(output);
    }

    /**
     * @param inputs the files the command read
     * @param options the options that decide the result
     * @param seed the seed, or null when nothing is random
     * @param threads the worker threads
     * @return the provenance of this build's run of the command
     */
    static Provenance of(List<Path> inputs, ObjectNode options, @Nullable Long seed, int threads) {
        return Provenance.of(BuildFingerprint.current(), inputs, options, seed, threads);
    }
}
