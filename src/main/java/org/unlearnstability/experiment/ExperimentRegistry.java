package org.unlearnstability.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unlearnstability.experiment.claims.ClaimsAuditJob;
import org.unlearnstability.experiment.fig1.Fig1Experiment;
import org.unlearnstability.experiment.fig1.Fig1VariantsExperiment;
import org.unlearnstability.experiment.fig2.Fig2Experiment;
import org.unlearnstability.experiment.fig3.Fig3Experiment;

/**
 * The experiments {@code reproduce} knows, keyed by the "experiment" field of their specs, and the
 * jobs it runs besides them. Adding an experiment or a job is one line in {@link #standard()}.
 */
public final class ExperimentRegistry {
    private final Map<String, Experiment> experiments;
    private final List<ReproductionJob> jobs;

    /**
     * @param experiments the experiments, with distinct names
     * @param jobs the other jobs, run in this order after the experiments
     */
    public ExperimentRegistry(List<Experiment> experiments, List<ReproductionJob> jobs) {
        Map<String, Experiment> byName = new LinkedHashMap<>();
        for (Experiment experiment : experiments) {
            if (byName.put(experiment.name(), experiment) != null) {
                throw new IllegalArgumentException("two experiments are named " + experiment.name());
            }
        }
        this.experiments = byName;
        this.jobs = List.copyOf(jobs);
    }

    /** @return the registry of the paper's reproduction */
    public static ExperimentRegistry standard() {
        return new ExperimentRegistry(
                List.of(new Fig1Experiment(), new Fig1VariantsExperiment(), new Fig2Experiment(),
                        new Fig3Experiment()),
                List.of(new ClaimsAuditJob()));
    }

    /**
     * @param name the "experiment" field of a spec
     * @return the experiment that runs it
     */
    public Optional<Experiment> experiment(String name) {
        return Optional.ofNullable(experiments.get(name));
    }

    /** @return the names of the known experiments */
    public List<String> names() {
        return List.copyOf(experiments.keySet());
    }

    /** @return the jobs besides the spec-driven experiments */
    public List<ReproductionJob> jobs() {
        return jobs;
    }
}
