package org.unlearnstability.dynamics;

/**
 * One Monte Carlo run of update (2) as the protocol records it.
 *
 * @param diverged whether the run counts as diverged
 * @param collapsed whether w became exactly 0 (some J_k was singular on it)
 * @param lastStep the last step simulated
 * @param logGrowth log(||w_t|| / ||w_0||) at t = lastStep (negative infinity when collapsed)
 * @param logSquaredNorms log ||w_k||^2 for k = 1..H
 */
record RunOutcome(boolean diverged, boolean collapsed, int lastStep, double logGrowth, double[] logSquaredNorms) {
}
