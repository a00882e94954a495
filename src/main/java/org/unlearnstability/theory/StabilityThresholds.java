package org.unlearnstability.theory;

import org.checkerframework.checker.units.qual.PolyUnit;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.units.Curvature;
import org.unlearnstability.definitions.units.InverseCurvature;
import org.unlearnstability.definitions.units.Units;

/**
 * The thresholds of Theorem 2.2 (divergence, eq. (7)) and Theorem 2.3 (convergence, eq. (8)),
 * as printed:
 * <pre>
 *   (7)  lambda_max(D) >= sqrt(2) sigma / (eta K7),
 *        K7 = (1-alpha) n_f sqrt(n_r/B - 1) + alpha n_r sqrt(n_f/B - 1)
 *   (8)  lambda_max(D) <= 2 sigma / (eta C_r' (sigma + n_f (n_r/B - 1)))
 * </pre>
 * Because sigma, D and C_r' do not depend on eta, (7) holds iff eta >= eta7 = sqrt(2) sigma / (K7 lambda_max(D))
 * and (8) holds iff eta <= eta8 = 2 sigma / (C_r' (sigma + n_f (n_r/B - 1)) lambda_max(D)).
 *
 * <p>Beside them, the coherence-free threshold
 * etaCoherenceFree = sqrt(2) / ((sqrt(C~_r) + sqrt(C~_f)) max_rf lambda_max(D_rf)) with C~ = C / eta^2,
 * the learning rate at which (7) would hold with sigma replaced by its floor n_r n_f lambda_max(D) /
 * max_rf lambda_max(D_rf) (lambda_max(S) &gt;= n_r n_f lambda_max(D)). Since n_r n_f (sqrt(C~_r) + sqrt(C~_f)) = K7,
 * it equals sqrt(2) n_r n_f / (K7 max_rf lambda_max(D_rf)).
 * An infinite threshold or rate (a zero denominator) is +Infinity here and null in JSON.
 *
 * <p>Units: the thresholds of (7) and (8) are curvatures (they bound lambda_max(D)), eta7, eta8 and
 * etaCoherenceFree learning rates (inverse curvatures); K7 is dimensionless.
 *
 * @param k7 K7
 * @param threshold7 the right-hand side of (7) at eta
 * @param threshold8 the right-hand side of (8) at eta
 * @param eta7 the smallest eta at which (7) holds
 * @param eta8 the largest eta at which (8) holds
 * @param etaCoherenceFree sqrt(2) / ((sqrt(C~_r) + sqrt(C~_f)) max_rf lambda_max(D_rf))
 * @param condition7 whether (7) holds at eta
 * @param condition8 whether (8) holds at eta
 */
public record StabilityThresholds(
        double k7, @Curvature double threshold7, @Curvature double threshold8, @InverseCurvature double eta7,
        @InverseCurvature double eta8, @InverseCurvature double etaCoherenceFree,
        boolean condition7, boolean condition8) {

    /**
     * @param analysis the coherence analysis at (alpha, B)
     * @param hyper eta, alpha, B
     * @param nRetain n_r
     * @param nForget n_f
     * @return the thresholds
     */
    public static StabilityThresholds of(CoherenceAnalysis analysis, Hyperparameters hyper, int nRetain, int nForget) {
        @InverseCurvature double eta = hyper.eta();
        double alpha = hyper.alpha();
        double b = hyper.batch();
        double sigma = analysis.sigma();
        @Curvature double lambdaD = analysis.lambdaMaxD();
        double k7 = (1 - alpha) * nForget * Math.sqrt(Math.max(0.0, nRetain / b - 1))
                + alpha * nRetain * Math.sqrt(Math.max(0.0, nForget / b - 1));
        double numerator7 = Math.sqrt(2) * sigma;
        @InverseCurvature double etaK7 = eta * k7;
        @Curvature double threshold7 = ratio(numerator7 / etaK7, numerator7, etaK7);
        double denominator8 = analysis.noise().cRPrime() * (sigma + batchExcess(nRetain, nForget, b));
        double numerator8 = 2 * sigma;
        @InverseCurvature double etaDenominator8 = eta * denominator8;
        @Curvature double threshold8 = ratio(numerator8 / etaDenominator8, numerator8, etaDenominator8);
        @Curvature double k7LambdaD = k7 * lambdaD;
        @InverseCurvature double eta7 = ratio(numerator7 / k7LambdaD, numerator7, k7LambdaD);
        @Curvature double denominator8LambdaD = denominator8 * lambdaD;
        @InverseCurvature double eta8 = ratio(numerator8 / denominator8LambdaD, numerator8, denominator8LambdaD);
        double rootNoisePerEta = (Units.sqrt(analysis.noise().cR()) + Units.sqrt(analysis.noise().cF())) / eta;
        @Curvature double noiseCurvature = rootNoisePerEta * analysis.maxLambdaMaxDrf();
        @InverseCurvature double etaCoherenceFree = ratio(Math.sqrt(2) / noiseCurvature, Math.sqrt(2), noiseCurvature);
        return new StabilityThresholds(k7, threshold7, threshold8, eta7, eta8, etaCoherenceFree,
                lambdaD >= threshold7, lambdaD <= threshold8);
    }

    /**
     * Condition (8) solved for sigma at a fixed eta: (8) holds iff eta &lt;= 2 sigma / (c (sigma + X)) with
     * c = C_r' lambda_max(D) and X = n_f (n_r/B - 1), that is iff sigma &gt;= sigma8 = eta c X / (2 - eta c)
     * (the dashed curve of Figure 1).
     *
     * @param eta the learning rate
     * @param cRPrime C_r'
     * @param lambdaMaxD lambda_max(D)
     * @param nRetain n_r
     * @param nForget n_f
     * @param batch B
     * @return sigma8; 0 when X = 0 (B = n_r), NaN when eta c &gt;= 2 (then (8) holds for no sigma)
     */
    public static double sigma8(@InverseCurvature double eta, double cRPrime, @Curvature double lambdaMaxD, int nRetain,
            int nForget, int batch) {
        @Curvature double c = cRPrime * lambdaMaxD;
        double x = batchExcess(nRetain, nForget, batch);
        if (x == 0.0) {
            return 0.0;
        }
        return eta * c >= 2.0 ? Double.NaN : eta * c * x / (2.0 - eta * c);
    }

    /** X = n_f (n_r/B - 1), the batch term of (8). */
    private static double batchExcess(int nRetain, int nForget, double batch) {
        return nForget * (nRetain / batch - 1);
    }

    /**
     * numerator / denominator read as a threshold: a positive numerator over a zero denominator is the threshold at
     * infinity, not an error (+Infinity for either sign of zero), any other over zero is NaN.
     *
     * @param quotient numerator / denominator, which carries the unit
     * @param numerator the numerator
     * @param denominator the denominator
     * @return the quotient, or its value at the pole
     */
    private static @PolyUnit double ratio(@PolyUnit double quotient, double numerator, double denominator) {
        if (denominator == 0.0) {
            return numerator > 0.0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return quotient;
    }
}
