package org.unlearnstability.theory;

import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;

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
        double k7, double threshold7, double threshold8, double eta7, double eta8, double etaCoherenceFree,
        boolean condition7, boolean condition8) {

    /**
     * @param analysis the coherence analysis at (alpha, B)
     * @param hyper eta, alpha, B
     * @param nRetain n_r
     * @param nForget n_f
     * @return the thresholds
     */
    public static StabilityThresholds of(CoherenceAnalysis analysis, Hyperparameters hyper, int nRetain, int nForget) {
        double eta = hyper.eta();
        double alpha = hyper.alpha();
        double b = hyper.batch();
        double sigma = analysis.sigma();
        double lambdaD = analysis.lambdaMaxD();
        double k7 = (1 - alpha) * nForget * Math.sqrt(Math.max(0.0, nRetain / b - 1))
                + alpha * nRetain * Math.sqrt(Math.max(0.0, nForget / b - 1));
        double threshold7 = ratio(Math.sqrt(2) * sigma, eta * k7);
        double denominator8 = analysis.noise().cRPrime() * (sigma + batchExcess(nRetain, nForget, b));
        double threshold8 = ratio(2 * sigma, eta * denominator8);
        double eta7 = ratio(Math.sqrt(2) * sigma, k7 * lambdaD);
        double eta8 = ratio(2 * sigma, denominator8 * lambdaD);
        double rootNoisePerEta = (Math.sqrt(analysis.noise().cR()) + Math.sqrt(analysis.noise().cF())) / eta;
        double etaCoherenceFree = ratio(Math.sqrt(2), rootNoisePerEta * analysis.maxLambdaMaxDrf());
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
    public static double sigma8(double eta, double cRPrime, double lambdaMaxD, int nRetain, int nForget, int batch) {
        double c = cRPrime * lambdaMaxD;
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

    /** A positive numerator over a zero denominator is the threshold at infinity, not an error. */
    private static double ratio(double numerator, double denominator) {
        if (denominator == 0.0) {
            return numerator > 0.0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return numerator / denominator;
    }
}
