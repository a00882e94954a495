package org.unlearnstability.experiment.fig3;

import java.io.Serializable;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.DriftSpectrum;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.StabilityThresholds;

/**
 * The tool's eta-free quantities for one Gauss-Newton family at w*, each from the core that defines it:
 * sigma and lambda_max(D) ({@link CoherenceAnalysis}, Definitions 2-4 and eq. (5)), eta7, eta8 and etaCoherenceFree
 * ({@link StabilityThresholds}, Theorems 2.2-2.3), etaStar ({@link CriticalLearningRate}) and the inertia of the drift
 * A = (1 - alpha) H_R - alpha H_F ({@link DriftSpectrum}).
 *
 * @param sigma the unlearning coherence (Definition 4)
 * @param lambdaMaxD lambda_max of the mix-Hessian D
 * @param eta7 the smallest eta at which (7) holds
 * @param eta8 the largest eta at which (8) holds
 * @param etaCoherenceFree the coherence-free threshold
 * @param etaStar the critical learning rate of the exact mean square (0 when A has a negative eigenvalue)
 * @param lambdaMinA the smallest eigenvalue of A
 * @param negativeCountA the number of negative eigenvalues of A
 */
public record LinearTheory(double sigma, double lambdaMaxD, double eta7, double eta8, double etaCoherenceFree,
        double etaStar, double lambdaMinA, int negativeCountA) implements Serializable {

    /**
     * @param family the Gauss-Newton family
     * @param hyper (any eta, alpha, B): none of these quantities depends on eta
     * @return the quantities
     */
    public static LinearTheory of(HessianFamily family, Hyperparameters hyper) {
        CoherenceAnalysis coherence = CoherenceAnalysis.of(family, hyper);
        StabilityThresholds thresholds = StabilityThresholds.of(coherence, hyper, family.nRetain(), family.nForget());
        DriftSpectrum drift = DriftSpectrum.of(family, hyper.alpha());
        double etaStar = CriticalLearningRate.of(family, hyper.alpha(), hyper.batch()).etaStar();
        return new LinearTheory(coherence.sigma(), coherence.lambdaMaxD(), thresholds.eta7(), thresholds.eta8(),
                thresholds.etaCoherenceFree(), etaStar, drift.lambdaMin(), drift.negativeCount());
    }
}
