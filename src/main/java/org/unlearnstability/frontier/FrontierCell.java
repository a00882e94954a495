package org.unlearnstability.frontier;

/**
 * One (alpha, B) cell of the stability frontier: the exact critical learning rate of the mean-square
 * dynamics (section 2.1), the thresholds of Theorems 2.2 and 2.3 and the coherence-free threshold
 * (theory.StabilityThresholds), and the inertia of the drift A = (1-alpha) H_R - alpha H_F.
 *
 * @param alpha the forget weight
 * @param batch B
 * @param etaStar sup{eta : rho(T) &lt; 1} (0 when A has a negative eigenvalue)
 * @param eta7 the smallest eta at which (7) holds
 * @param eta8 the largest eta at which (8) holds
 * @param etaCoherenceFree sqrt(2) / ((sqrt(C~_r) + sqrt(C~_f)) max_rf lambda_max(D_rf))
 * @param sigma the unlearning coherence (Definition 4)
 * @param sigmaLower the lower end of sigma's certified bracket
 * @param sigmaUpper the upper end of sigma's certified bracket
 * @param lambdaMaxD lambda_max(D) of the mix-Hessian (eq. (5))
 * @param rho rho(T) at the frontier's eta (NaN when no eta was given)
 * @param lambdaMinA the smallest eigenvalue of A on R^d
 * @param negativeCountA the number of negative eigenvalues of A
 */
public record FrontierCell(double alpha, int batch, double etaStar, double eta7, double eta8, double etaCoherenceFree,
        double sigma, double sigmaLower, double sigmaUpper, double lambdaMaxD, double rho, double lambdaMinA,
        int negativeCountA) {

    /** @return whether some eta &gt; 0 makes the mean square converge (etaStar &gt; 0) */
    public boolean stable() {
        return etaStar > 0.0;
    }

    /** @return eta7 / etaStar: below 1, (7) claims divergence where the exact dynamics still converge */
    public double eta7OverEtaStar() {
        return etaStar > 0.0 ? eta7 / etaStar : Double.NaN;
    }
}
