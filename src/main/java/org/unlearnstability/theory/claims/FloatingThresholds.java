package org.unlearnstability.theory.claims;

import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.StabilityThresholds;

/** eta7, eta8, etaStar and rho(T) at the case's eta in floating point (the re-check where no exact one applies). */
record FloatingThresholds(double eta7, double eta8, double etaStar, double rho) {
    static FloatingThresholds of(HessianFamily family, Hyperparameters hyper) {
        CoherenceAnalysis analysis = CoherenceAnalysis.of(family, hyper);
        StabilityThresholds t = StabilityThresholds.of(analysis, hyper, family.nRetain(), family.nForget());
        double etaStar = CriticalLearningRate.of(family, hyper.alpha(), hyper.batch()).etaStar();
        double rho = MeanSquareOperator.of(family, hyper).rho().rho();
        return new FloatingThresholds(t.eta7(), t.eta8(), etaStar, rho);
    }
}
