package org.unlearnstability.experiment;

import java.io.IOException;

/**
 * A part of the reproduction that does not come from specs/experiments/, such as the claims audit
 * (which reads its own specs/claims/). {@code reproduce} runs every registered job once.
 */
public interface ReproductionJob {
    /** @return a short name, such as "claims audit" */
    String name();

    /**
     * @param quick whether the quick variant was asked for (the subset {@code mvn verify} runs)
     * @param context output, cache and threads
     * @return what the report index needs
     * @throws IOException when an output cannot be written
     */
    ExperimentOutcome run(boolean quick, RunContext context) throws IOException;
}
