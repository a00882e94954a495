package org.unlearnstability.dynamics;

import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.units.InverseCurvature;
import org.unlearnstability.family.HessianFamily;

/**
 * The exact mean-square dynamics of update (2) with Bernoulli batches (section 2.1, Lemma 2.1) for one
 * family at one alpha, reduced once to the eigenbasis of the drift A = (1-alpha) H_R - alpha H_F on the
 * range (see {@link ReducedFamily}) and shared by every batch size and learning rate asked about: a
 * sweep over B and eta (the stability frontier) pays for the reduction once per alpha.
 */
public final class AlphaDynamics {
    private final ReducedFamily reduced;

    private AlphaDynamics(ReducedFamily reduced) {
        this.reduced = reduced;
    }

    /**
     * @param family the family
     * @param alpha the forget weight in [0, 1]
     * @return the reduced dynamics at alpha
     */
    public static AlphaDynamics of(HessianFamily family, double alpha) {
        return new AlphaDynamics(ReducedFamily.of(family, alpha));
    }

    /** @return the inertia of A: lambda_min(A) and the number of negative eigenvalues */
    public DriftSpectrum drift() {
        return DriftSpectrum.of(reduced);
    }

    /**
     * @param batch B, at most min(n_r, n_f)
     * @return the critical learning rate sup{eta : rho(T) &lt; 1} for Bernoulli batches
     */
    public double etaStar(int batch) {
        return CriticalLearningRate.of(reduced, batch, BatchSampler.BERNOULLI).etaStar();
    }

    /**
     * @param eta the learning rate
     * @param batch B, at most min(n_r, n_f)
     * @return rho(T) on the range at (eta, alpha, B)
     */
    public double rho(@InverseCurvature double eta, int batch) {
        return MeanSquareOperator.of(reduced, new Hyperparameters(eta, reduced.alpha(), batch), BatchSampler.BERNOULLI)
                .rho().rho();
    }
}
