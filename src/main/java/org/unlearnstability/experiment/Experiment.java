package org.unlearnstability.experiment;

import java.io.IOException;
import org.unlearnstability.report.Tolerance;

/**
 * One kind of experiment that {@code reproduce} runs from a spec file in specs/experiments/, selected by
 * the spec's "experiment" field (see {@link ExperimentRegistry}).
 */
public interface Experiment {
    /** @return the value of the "experiment" field this experiment runs, such as "fig1" */
    String name();

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

    /** @return the tolerance for non-integer numbers when a quick spec's output is compared with its golden file */
    default Tolerance goldenTolerance() {
        return Tolerance.DEFAULT;
    }
}
