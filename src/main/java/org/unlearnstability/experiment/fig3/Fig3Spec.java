package org.unlearnstability.experiment.fig3;

import static org.unlearnstability.experiment.SpecBinding.require;
import static org.unlearnstability.experiment.SpecBinding.requireAtMost;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.experiment.SpecBinding;
import org.unlearnstability.family.InputException;

/**
 * Every parameter of Figure 3 (beyond the paper: does linear stability predict unlearning in a network trained on
 * real data?), read from specs/experiments/fig3.json. Unknown and missing fields are errors.
 *
 * @param experiment always "fig3"
 * @param description what the spec is for (free text)
 * @param data the digits file, relative to the spec file's folder
 * @param dataSha256 its expected SHA-256
 * @param positiveDigit the digit labelled +1
 * @param negativeDigit the digit labelled -1
 * @param trainSize training samples (the rest of the two digits is the test set)
 * @param hidden hidden ReLU units of the network
 * @param learningRate full-batch gradient descent step of training (and retraining)
 * @param lossTarget training stops at this mean logistic loss
 * @param maxTrainSteps or after this many steps
 * @param forgetSizes the forget-set sizes n_f, each run for every forget kind
 * @param oneClassDigit the digit the "one class" forget sets take
 * @param alpha the forget weight of update (2)
 * @param batch B, the expected batch size of each set (Bernoulli batches with probability B/n per sample)
 * @param etas the learning rates of unlearning
 * @param steps K, the unlearning updates per run
 * @param repeats runs per start, learning rate and cell
 * @param perturbation ||w_0 - w*|| of the perturbed start, and the scale of the ratio verdict from w*
 * @param divergenceRatio a run diverges when ||w_K - w*|| / perturbation &gt;= this
 * @param earlySteps E, the steps over which growth rates are fitted
 * @param evaluateEvery losses and accuracy are recorded every this many steps (and at K)
 * @param seed the root of every random stream
 */
public record Fig3Spec(String experiment, String description, String data, String dataSha256, int positiveDigit,
        int negativeDigit, int trainSize, int hidden, double learningRate, double lossTarget, int maxTrainSteps,
        List<Integer> forgetSizes, int oneClassDigit, double alpha, int batch, List<Double> etas, int steps,
        int repeats, double perturbation, double divergenceRatio, int earlySteps, int evaluateEvery, long seed)
        implements Serializable, SpecBinding.Validated {

    /** The value of the "experiment" field that selects this spec. */
    public static final String EXPERIMENT = "fig3";
    /** The widest hidden layer: the Gauss-Newton factors have one entry per parameter and sample. */
    public static final int MAX_HIDDEN = 4_096;
    /** The most training or unlearning steps: every step is a full pass over the samples. */
    public static final int MAX_STEPS = 10_000_000;
    /** The most repeats per cell: one unlearning run each. */
    public static final int MAX_REPEATS = 10_000;

    /** Copies the lists. */
    public Fig3Spec {
        forgetSizes = List.copyOf(forgetSizes);
        etas = List.copyOf(etas);
    }

    /**
     * @param source the file name, for messages
     * @param tree the parsed JSON
     * @return the validated spec
     * @throws InputException naming the file, the field and the reason
     */
    public static Fig3Spec read(String source, JsonNode tree) {
        return SpecBinding.read(source, tree, Fig3Spec.class);
    }

    @Override
    public void validate(String source) {
        SpecBinding.requireExperiment(source, EXPERIMENT, experiment);
        require(source, "positiveDigit", positiveDigit >= 0 && positiveDigit <= 9, "must be a digit 0..9");
        require(source, "negativeDigit", negativeDigit >= 0 && negativeDigit <= 9 && negativeDigit != positiveDigit,
                "must be a digit 0..9 other than positiveDigit");
        require(source, "oneClassDigit", oneClassDigit == positiveDigit || oneClassDigit == negativeDigit,
                "must be positiveDigit or negativeDigit, got " + oneClassDigit);
        require(source, "trainSize", trainSize >= 2, "must be at least 2, got " + trainSize);
        require(source, "hidden", hidden >= 1, "must be at least 1, got " + hidden);
        requireAtMost(source, "hidden", hidden, MAX_HIDDEN);
        require(source, "learningRate", learningRate > 0 && Double.isFinite(learningRate), "must be positive");
        require(source, "lossTarget", lossTarget > 0 && Double.isFinite(lossTarget), "must be positive");
        require(source, "maxTrainSteps", maxTrainSteps >= 1, "must be at least 1");
        requireAtMost(source, "maxTrainSteps", maxTrainSteps, MAX_STEPS);
        require(source, "forgetSizes", !forgetSizes.isEmpty(), "needs at least one size");
        for (int i = 0; i < forgetSizes.size(); i++) {
            int size = forgetSizes.get(i);
            require(source, "forgetSizes[" + i + "]", size >= batch && size < trainSize / 2,
                    "must lie in [batch = " + batch + ", trainSize / 2), got " + size);
        }
        require(source, "forgetSizes", forgetSizes.stream().distinct().count() == forgetSizes.size(),
                "sizes must be distinct");
        require(source, "alpha", alpha >= 0.0 && alpha <= 1.0, "must lie in [0, 1], got " + alpha);
        require(source, "batch", batch >= 1, "must be at least 1, got " + batch);
        SpecBinding.requireEach(source, "etas", etas, eta -> eta > 0.0 && Double.isFinite(eta), "must be positive",
                "needs at least one learning rate");
        require(source, "steps", steps >= 1, "must be at least 1");
        requireAtMost(source, "steps", steps, MAX_STEPS);
        require(source, "repeats", repeats >= 1, "must be at least 1");
        requireAtMost(source, "repeats", repeats, MAX_REPEATS);
        require(source, "perturbation", perturbation > 0 && Double.isFinite(perturbation), "must be positive");
        require(source, "divergenceRatio", divergenceRatio > 1 && Double.isFinite(divergenceRatio),
                "must be a finite number above 1");
        require(source, "earlySteps", earlySteps >= 2 && earlySteps <= steps, "must lie in [2, steps]");
        require(source, "evaluateEvery", evaluateEvery >= 1 && evaluateEvery <= steps, "must lie in [1, steps]");
    }

    /**
     * @param specFile the spec file
     * @return the data file, resolved against the spec file's folder (relative when the spec's path is, so that the
     *     provenance of a report does not name the checkout's location)
     */
    public Path dataFile(Path specFile) {
        Path folder = specFile.getParent();
        return folder == null ? Path.of(data) : folder.resolve(data).normalize();
    }

    /**
     * @param eta a learning rate
     * @return (eta, alpha, B)
     */
    public Hyperparameters hyper(double eta) {
        return new Hyperparameters(eta, alpha, batch);
    }

    /** @return the spec as a JSON tree (the canonical form hashed by the cell cache) */
    public JsonNode toJson() {
        return SpecBinding.toTree(this);
    }
}
