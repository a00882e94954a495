package org.unlearnstability.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unlearnstability.experiment.claims.ClaimsAuditJob;
import org.unlearnstability.experiment.fig1.Fig1Experiment;
import org.unlearnstability.experiment.fig1.Fig1Spec;
import org.unlearnstability.experiment.fig1.Fig1VariantsExperiment;
import org.unlearnstability.experiment.fig1.Fig1VariantsSpec;
import org.unlearnstability.experiment.fig2.Fig2Experiment;
import org.unlearnstability.experiment.fig2.Fig2Spec;
import org.unlearnstability.experiment.fig3.Fig3Experiment;
import org.unlearnstability.experiment.fig3.Fig3Spec;
import org.unlearnstability.report.Tolerance;

/**
 * The experiments {@code reproduce} knows, keyed by the "experiment" field of their specs, and the
 * jobs it runs besides them. Adding an experiment or a job is one line in {@link #standard()}.
 */
public final class ExperimentRegistry {
    private final Map<String, Entry> experiments;
    private final List<ReproductionJob> jobs;

    /**
     * One experiment as {@code reproduce} knows it.
     *
     * @param name the value of the "experiment" field of the specs it runs, such as "fig1"
     * @param experiment what runs them
     * @param goldenTolerance the tolerance for non-integer numbers when a quick spec's output is compared with its
     *     golden file
     */
    public record Entry(String name, Experiment experiment, Tolerance goldenTolerance) {
    }

    /**
     * @param experiments the experiments, with distinct names
     * @param jobs the other jobs, run in this order after the experiments
     */
    public ExperimentRegistry(List<Entry> experiments, List<ReproductionJob> jobs) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Entry entry : experiments) {
            if (byName.put(entry.name(), entry) != null) {
                throw new IllegalArgumentException("two experiments are named " + entry.name());
            }
        }
        this.experiments = byName;
        this.jobs = List.copyOf(jobs);
    }

    /** @return the registry of the paper's reproduction (trained networks compare looser, see {@link Tolerance}) */
    public static ExperimentRegistry standard() {
        return new ExperimentRegistry(List.of(
                new Entry(Fig1Spec.EXPERIMENT, new Fig1Experiment(), Tolerance.DEFAULT),
                new Entry(Fig1VariantsSpec.EXPERIMENT, new Fig1VariantsExperiment(), Tolerance.DEFAULT),
                new Entry(Fig2Spec.EXPERIMENT, new Fig2Experiment(), Tolerance.TRAINED_NETWORK),
                new Entry(Fig3Spec.EXPERIMENT, new Fig3Experiment(), Tolerance.TRAINED_NETWORK)),
                List.of(new ClaimsAuditJob()));
    }

    /**
     * @param name the "experiment" field of a spec
     * @return the experiment that runs it, with its golden tolerance
     */
    public Optional<Entry> experiment(String name) {
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
