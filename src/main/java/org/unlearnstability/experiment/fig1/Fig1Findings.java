package org.unlearnstability.experiment.fig1;

import java.util.Comparator;
import java.util.List;

/**
 * What Figure 1 found, per sampler: the agreement of the Monte Carlo, exact mean-square and almost-sure
 * verdicts and the theorem conditions over that sampler's rows ({@link Fig1Agreement}). Samplers in the
 * order of their names, so the report does not depend on the spec's order.
 *
 * @param samplers one agreement per sampler
 */
public record Fig1Findings(List<Fig1Agreement> samplers) {

    /** Copies the list. */
    public Fig1Findings {
        samplers = List.copyOf(samplers);
    }

    /**
     * @param spec the spec (samplers, visible growth rate)
     * @param rows every row
     * @return the findings
     */
    static Fig1Findings of(Fig1Spec spec, List<Fig1Row> rows) {
        return new Fig1Findings(spec.samplers().stream().sorted(Comparator.naturalOrder())
                .map(sampler -> new Fig1Agreement(sampler,
                        rows.stream().filter(r -> r.run().sampler().equals(sampler)).toList(),
                        spec.visibleGrowthRate()))
                .toList());
    }
}
