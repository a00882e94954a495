package org.unlearnstability.experiment;

import java.io.IOException;

/**
 * One kind of experiment that {@code reproduce} runs from a spec file in specs/experiments/, selected by
 * the spec's "experiment" field (the {@link ExperimentRegistry} holds that name and the golden tolerance).
 */
@FunctionalInterface
public interface Experiment {
    /**
     * Runs the spec and writes its outputs under {@code context.out()}, in the folder
     * {@link SpecFile#outputName()}.
     *
     * @param spec the spec file
     * @param context output, cache and threads
     * @return what the report index needs, its elapsed time zero: the caller times the whole run (spec reading
     *     included) and stamps it with {@link ExperimentOutcome#elapsedSince}
     * @throws IOException when an output cannot be written
     */
    ExperimentOutcome run(SpecFile spec, RunContext context) throws IOException;
}
