package org.unlearnstability.theory;

/**
 * One claim evaluated on one case (a family and hyper-parameters) against the exact dynamics.
 *
 * <p>The slack is the claim's two sides as a ratio oriented so that a value above 1 violates the claim
 * (for example E||w_k||^2 / bound for an upper bound, etaStar / eta7 for Theorem 2.2: (7) holds from
 * eta7 on, and the dynamics converge below etaStar). Local search maximises it.
 *
 * @param claim the claim
 * @param applicable whether the case satisfies the claim's hypotheses (otherwise the slack is meaningless)
 * @param slack the slack ratio (greater than 1: violated)
 * @param lhs the quantity on the left of the relation
 * @param rhs the quantity on the right of the relation
 * @param step the step k at which the slack is largest, 0 when the claim has no steps
 * @param witnessEta for claims over every eta: a learning rate at which a violation shows (eta of the case otherwise)
 * @param secondary the claim's second ratio, described by {@link Claim#describeSecondary} (sigma / (n_f sigma_single)
 *     for the single-set reduction, eta7 / eta8 for the existence statement), NaN for claims without one
 */
public record ClaimCheck(Claim claim, boolean applicable, double slack, double lhs, double rhs, int step,
        double witnessEta, double secondary) {

    /**
     * The relative tolerance of the floating-point checks: a slack beyond 1 + TOLERANCE is a candidate
     * violation, to be confirmed (exactly where the case allows).
     */
    public static final double TOLERANCE = 1e-8;
    /** The steps k = 1..K of the Lemma 2.1 checks. */
    public static final int STEPS = 10;
    /**
     * The margin a violation needs when it can only be decided in floating point (no exact check applies):
     * cancellation in 1 - eta a near J = 0 can cost far more than the rounding of a single operation.
     */
    public static final double FLOAT_MARGIN = 1e-6;

    /**
     * @param claim the claim
     * @return a check on a case outside the claim's hypotheses
     */
    public static ClaimCheck notApplicable(Claim claim) {
        return new ClaimCheck(claim, false, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN);
    }

    /** @return whether the case violates the claim by more than the tolerance */
    public boolean violatedStrictly() {
        return applicable && slack > 1 + TOLERANCE;
    }

    /** @return whether the case violates the claim by more than the floating-point margin */
    public boolean violatedBeyondMargin() {
        return applicable && slack > 1 + FLOAT_MARGIN;
    }

    /** @return whether the slack is within the tolerance of 1 (an equality case, to be decided exactly) */
    public boolean boundary() {
        return applicable && Math.abs(slack - 1) <= TOLERANCE;
    }
}
