package org.unlearnstability.api;

import java.nio.file.Path;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.StabilityAnalysis;
import org.unlearnstability.family.FamilyReader;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.NpyLayout;
import org.unlearnstability.theory.StabilityThresholds;

/**
 * The library facade: load a family of per-sample Hessians and analyse gradient unlearning on it (update (2)
 * of the paper, Definitions 1-4, Theorems 2.2-2.3, Lemma 2.1). Formats are those of specs/family.md; a bad
 * file throws {@link org.unlearnstability.family.InputException} naming the file, set, sample and reason.
 */
public final class UnlearnStability {
    /** The default number of steps K of {@link Analysis#exactMeanSquare()}. */
    public static final int DEFAULT_STEPS = StabilityAnalysis.DEFAULT_STEPS;

    private UnlearnStability() {
    }

    /**
     * @param file a JSON family file
     * @return its family
     */
    public static HessianFamily loadJson(Path file) {
        return FamilyReader.readJson(file).family();
    }

    /**
     * @param retain a .npy file of retain Hessians, shape (n, d, d) dense or (n, d, k) factors
     * @param forget the same for the forget set
     * @return the family
     */
    public static HessianFamily loadNpy(Path retain, Path forget) {
        return FamilyReader.readNpy(retain, forget, NpyLayout.AUTO);
    }

    /**
     * @param family a family
     * @param eta the learning rate, positive
     * @param alpha the forget weight in [0, 1]
     * @param batch the batch size B, 1 &lt;= B &lt;= min(n_r, n_f)
     * @return the analysis, with E||w_k||^2 for k = 1..{@link #DEFAULT_STEPS}
     * @throws IllegalArgumentException when a hyper-parameter is out of range
     */
    public static Analysis analyze(HessianFamily family, double eta, double alpha, int batch) {
        Hyperparameters hyper = new Hyperparameters(eta, alpha, batch);
        hyper.requireFits(family);
        CoherenceAnalysis coherence = CoherenceAnalysis.of(family, hyper);
        StabilityThresholds thresholds = StabilityThresholds.of(coherence, hyper, family.nRetain(), family.nForget());
        StabilityAnalysis dynamics = StabilityAnalysis.of(family, hyper, DEFAULT_STEPS);
        return new Analysis(family.dimension(), family.nRetain(), family.nForget(), coherence.sigma(),
                thresholds.eta7(), thresholds.eta8(), dynamics.rho(), dynamics.etaStar(), dynamics.normJ(),
                dynamics.exactMeanSquare());
    }
}
