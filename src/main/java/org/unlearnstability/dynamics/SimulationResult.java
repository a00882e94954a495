package org.unlearnstability.dynamics;

/**
 * What the Monte Carlo protocol of {@link UnlearningSimulation} reports, beside the exact values for
 * comparison. Arrays are indexed by k - 1 for k = 1..H. Intervals are normal-approximation 95%
 * intervals (mean +- 1.96 s / sqrt(R)); with heavy-tailed ||w_k||^2 they are only as good as the
 * central limit theorem at R runs. Values that exceed the double range are infinite here and null in
 * JSON; the log10 forms stay finite.
 *
 * @param config the protocol
 * @param divergedRuns runs counted as diverged
 * @param convergedRuns runs counted as converged
 * @param verdict the majority verdict (ties reported as ties)
 * @param collapsedRuns runs in which w became exactly 0 (counted as converged, left out of the growth rate)
 * @param meanSquare the sample mean of ||w_k||^2
 * @param meanSquareLower the lower end of its interval, at least 0
 * @param meanSquareUpper the upper end of its interval
 * @param log10MeanSquare log10 of the sample mean
 * @param exactMeanSquare E||w_k||^2 from the mean-square operator of the same sampler (and start)
 * @param lyapunov the mean over runs of log(||w_t|| / ||w_0||) / t, t the last step of each run: the
 *     estimate of the almost-sure growth rate (top Lyapunov exponent) per step
 * @param lyapunovLower the lower end of its interval
 * @param lyapunovUpper the upper end of its interval
 * @param rho rho(T) of the same sampler, on the range of sum_i H_i
 * @param simulatedSteps the total number of updates performed over all runs
 */
public record SimulationResult(SimulationConfig config, int divergedRuns, int convergedRuns, Verdict verdict,
        int collapsedRuns, double[] meanSquare, double[] meanSquareLower, double[] meanSquareUpper,
        double[] log10MeanSquare, double[] exactMeanSquare, double lyapunov, double lyapunovLower,
        double lyapunovUpper, SpectralRadius rho, long simulatedSteps) {
}
