package org.unlearnstability.theory;

import org.apache.commons.rng.UniformRandomProvider;
import org.unlearnstability.family.HessianFamily;

/**
 * How the audit draws the hyper-parameters of a case for one claim, after the family: B, alpha, and a
 * last say on eta. The generic shape draws B uniform in [1, min(n_r, n_f)] and alpha from a mixture that
 * weights the ends (0 with probability 0.2, 1 with 0.1, 1/2 with 0.1, else uniform on [0, 1]) and keeps the
 * drawn eta; claims whose hypotheses hold only on some cases override a step (the random draws stay in the
 * order batch, alpha, eta, so a case is a function of its stream).
 */
public interface CaseShape {
    /** The shape of every claim that does not restrict its cases. */
    CaseShape GENERIC = new CaseShape() {
    };

    /**
     * @param limit min(n_r, n_f)
     * @param rng the case's stream
     * @return B
     */
    default int batch(int limit, UniformRandomProvider rng) {
        return 1 + rng.nextInt(limit);
    }

    /**
     * @param rng the case's stream
     * @return alpha
     */
    default double alpha(UniformRandomProvider rng) {
        int pick = rng.nextInt(10);
        if (pick < 2) {
            return 0.0;
        }
        if (pick < 3) {
            return 1.0;
        }
        if (pick < 4) {
            return 0.5;
        }
        return rng.nextDouble();
    }

    /**
     * @param family the case's family
     * @param alpha its alpha
     * @param batch its B
     * @param rng the case's stream
     * @param drawn the learning rate drawn for every claim
     * @return the case's learning rate
     */
    default double eta(HessianFamily family, double alpha, int batch, UniformRandomProvider rng, double drawn) {
        return drawn;
    }
}
