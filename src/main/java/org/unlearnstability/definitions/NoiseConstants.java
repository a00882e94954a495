package org.unlearnstability.definitions;

import java.io.Serializable;
import org.unlearnstability.definitions.units.InverseCurvature;
import org.unlearnstability.definitions.units.InverseCurvatureSquared;
import org.unlearnstability.definitions.units.Units;

/**
 * The second-moment constants of Definition 2 / Lemma 2.1,
 * C_r = eta^2 (1-alpha)^2 (1/n_r)(1/B - 1/n_r) and C_f = eta^2 alpha^2 (1/n_f)(1/B - 1/n_f),
 * and their normalised square roots C_r' = sqrt(C_r) / (sqrt(C_r) + sqrt(C_f)), C_f' = 1 - C_r'
 * (Theorem 2.3).
 *
 * <p>When C_r = C_f = 0 the ratio is 0/0. The limit taken is the one along B: with alpha = 0
 * (C_f vanishes for every B) C_r' = 1; with alpha = 1, C_r' = 0; otherwise (B = n_r = n_f) the
 * batch factors cancel and C_r' = (1-alpha) / ((1-alpha) + alpha) = 1 - alpha. C_r' and C_f' do
 * not depend on eta.
 *
 * <p>Units: C_r and C_f scale as eta^2 (inverse curvature squared); C_r' and C_f' are dimensionless.
 *
 * @param cR C_r
 * @param cF C_f
 * @param cRPrime C_r'
 * @param cFPrime C_f'
 */
public record NoiseConstants(@InverseCurvatureSquared double cR, @InverseCurvatureSquared double cF, double cRPrime,
        double cFPrime) implements Serializable {
    private static final long serialVersionUID = 1L;


    /**
     * @param hyper eta, alpha and B
     * @param nRetain n_r
     * @param nForget n_f
     * @return the constants of Definition 2
     */
    public static NoiseConstants of(Hyperparameters hyper, int nRetain, int nForget) {
        @InverseCurvature double eta = hyper.eta();
        double alpha = hyper.alpha();
        @InverseCurvatureSquared double cR = setConstant(eta, 1 - alpha, nRetain, hyper.batch());
        @InverseCurvatureSquared double cF = setConstant(eta, alpha, nForget, hyper.batch());
        @InverseCurvature double rootR = Units.sqrt(Math.max(cR, 0.0));
        @InverseCurvature double rootF = Units.sqrt(Math.max(cF, 0.0));
        double cRPrime;
        if (rootR + rootF > 0.0) {
            cRPrime = rootR / (rootR + rootF);
        } else if (alpha == 0.0) {
            cRPrime = 1.0;
        } else if (alpha == 1.0) {
            cRPrime = 0.0;
        } else {
            cRPrime = 1.0 - alpha;
        }
        return new NoiseConstants(Math.max(cR, 0.0), Math.max(cF, 0.0), cRPrime, 1.0 - cRPrime);
    }

    /**
     * One set's constant of Definition 2, eta^2 s^2 (1/n)(1/B - 1/n) with s = 1 - alpha (C_r) or
     * s = alpha (C_f); negative when B &gt; n (callers reject or clamp that). With eta = 1 it is the
     * eta-free weight of the batch-noise operator.
     *
     * @param eta the learning rate
     * @param setWeight 1 - alpha for the retain set, alpha for the forget set
     * @param n the set size
     * @param batch B
     * @return eta^2 setWeight^2 / n (1/B - 1/n)
     */
    public static @InverseCurvatureSquared double setConstant(@InverseCurvature double eta, double setWeight, int n,
            int batch) {
        double b = batch;
        return eta * eta * setWeight * setWeight / n * (1.0 / b - 1.0 / n);
    }
}
