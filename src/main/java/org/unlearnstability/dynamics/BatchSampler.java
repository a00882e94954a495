package org.unlearnstability.dynamics;

/**
 * How the mini-batches D_{r,k} and D_{f,k} of update (2) are drawn at each step, independently for
 * the two sets and across steps.
 *
 * <p>The second moment of J_k (see {@link MeanSquareOperator}) depends on the sampler only through
 * the covariance of the inclusion indicators xi_i of one set of size n with p = B/n:
 * <ul>
 *   <li>{@link #BERNOULLI}: independent, Var xi_i = p (1-p), no covariance; the noise term of a set
 *       is C sum_i H_i X H_i with C = s^2 p (1-p) = C_r or C_f of Definition 2 (s = eta(1-alpha)/B
 *       or eta alpha/B).</li>
 *   <li>{@link #WITHOUT_REPLACEMENT}: exactly B distinct samples, Var xi_i = p (1-p) and
 *       Cov(xi_i, xi_j) = -p (1-p)/(n-1) for i != j; the noise term becomes
 *       C n/(n-1) sum_i (H_i - Hbar) X (H_i - Hbar) = C n/(n-1) (sum_i H_i X H_i - n Hbar X Hbar),
 *       Hbar the set's mean Hessian (zero for n = 1, where B = n and the batch is fixed).</li>
 * </ul>
 */
public enum BatchSampler {
    /** Each sample enters independently with probability B/n (the paper's model, after Dexter et al.). */
    BERNOULLI,
    /** B distinct samples drawn uniformly (what training code usually does). */
    WITHOUT_REPLACEMENT
}
