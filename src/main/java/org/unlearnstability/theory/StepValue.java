package org.unlearnstability.theory;

/**
 * The two sides of one {@link ProofStep} on one case.
 *
 * @param lhs the left side
 * @param rhs the right side
 * @param scale the magnitude the difference is measured against (at least max(|lhs|, |rhs|) is used; a step
 *     "X is PSD" written as lambda_min(X) >= 0 passes the trace of the matrices it came from)
 */
public record StepValue(double lhs, double rhs, double scale) {
    /**
     * @param lhs the left side
     * @param rhs the right side
     * @return the value, measured against the sides themselves
     */
    public static StepValue of(double lhs, double rhs) {
        return new StepValue(lhs, rhs, 0.0);
    }
}
