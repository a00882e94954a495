package org.unlearnstability.theory.claims;

import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.StabilityThresholds;

/**
 * eta7, eta8 and etaStar of one case, for the claims of Theorems 2.2 and 2.3 over every learning rate
 * at once: (7) holds iff eta >= eta7 and (8) iff eta <= eta8, while {rho(T) < 1} = (0, etaStar) (rho - 1 =
 * eta g(eta) with g convex and g(0) < 0, so rho > 1 beyond etaStar and rho = 1 at it). Hence (7) implies
 * divergence iff eta7 > etaStar (with "&gt;" in (7): iff eta7 >= etaStar), and (8) implies convergence iff
 * eta8 &lt; etaStar (with "&lt;" in (8): iff eta8 <= etaStar).
 */
record Thresholds(double eta7, double eta8, double etaStar) {
    static Thresholds of(HessianFamily family, Hyperparameters hyper) {
        CoherenceAnalysis analysis = CoherenceAnalysis.of(family, hyper);
        StabilityThresholds t = StabilityThresholds.of(analysis, hyper, family.nRetain(), family.nForget());
        double etaStar = CriticalLearningRate.of(family, hyper.alpha(),
                hyper.batch()).etaStar();
        if (!Double.isFinite(analysis.sigma())) {
            return new Thresholds(Double.NaN, Double.NaN, Double.NaN);
        }
        return new Thresholds(t.eta7(), t.eta8(), etaStar);
    }
}
