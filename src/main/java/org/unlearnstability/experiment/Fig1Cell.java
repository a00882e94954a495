package org.unlearnstability.experiment;

import java.util.List;

/**
 * Everything computed for one (Q, B) cell of Figure 1: the static coherence quantities (they do not
 * depend on eta) and, per sampler and learning rate, the exact and Monte Carlo results. This is the
 * unit of work and of the cell cache.
 *
 * @param q Q
 * @param batch B
 * @param dimension d = n - Q + 1
 * @param sigma the unlearning coherence (Definition 4)
 * @param lambdaMaxD lambda_max of the mix-Hessian D (eq. (5))
 * @param cRPrime C_r' (Theorem 2.3)
 * @param eta7 (7) holds iff eta &gt;= eta7 (Theorem 2.2; infinite when K7 = 0, that is B = n)
 * @param eta8 (8) holds iff eta &lt;= eta8 (Theorem 2.3)
 * @param etaCoherenceFree (7) with sigma at its floor; etaStar &lt;= etaCoherenceFree &lt;= eta7 (proof of Theorem 2.2)
 * @param runs one entry per sampler and learning rate, samplers in spec order, then learning rates
 */
public record Fig1Cell(int q, int batch, int dimension, double sigma, double lambdaMaxD, double cRPrime,
        double eta7, double eta8, double etaCoherenceFree, List<Run> runs) implements java.io.Serializable {

    /** Copies the list. */
    public Fig1Cell {
        runs = List.copyOf(runs);
    }

    /**
     * One sampler and learning rate in the cell.
     *
     * @param sampler the batch sampler's spec name
     * @param eta the learning rate
     * @param rho the exact mean-square growth factor per step, rho(T) for this sampler
     * @param etaStar the exact critical learning rate for this sampler: rho &lt; 1 iff eta &lt; etaStar
     * @param log10MeanSquare log10(E||w_K||^2 / E||w_0||^2), exact
     * @param lyapunov the exact top Lyapunov exponent max_c E log|J_cc| (almost-sure growth rate)
     * @param repeats Monte Carlo runs
     * @param diverged runs with ||w_K|| / ||w_0|| &gt;= the divergence ratio
     * @param lyapunovEstimate the mean over runs of ln(||w_K|| / ||w_0||) / K
     * @param log10RatioMedian the median over runs of log10(||w_K|| / ||w_0||)
     * @param cond7 whether (7) holds at eta (StabilityThresholds.condition7: Theorem 2.2 predicts divergence)
     * @param cond8 whether (8) holds at eta (StabilityThresholds.condition8: Theorem 2.3, read as Figure 1
     *     reads it, predicts convergence)
     */
    public record Run(String sampler, double eta, double rho, double etaStar, double log10MeanSquare,
            double lyapunov, int repeats, int diverged, double lyapunovEstimate, double log10RatioMedian,
            boolean cond7, boolean cond8) implements java.io.Serializable {
    }
}
