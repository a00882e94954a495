package org.unlearnstability.theory;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of re-checking one claim on one case: whether the claim is violated there, whether that was
 * decided in exact arithmetic, the hypotheses that hold, and the two sides of the relation the claim
 * asserts (which fails when violated).
 *
 * @param claim the claim
 * @param violated whether the case violates the claim
 * @param exact whether the decision was made in exact rational arithmetic
 * @param relation the relation the claim asserts between lhs and rhs, such as {@code "<="}
 * @param lhs the left side
 * @param rhs the right side
 * @param hypotheses the quantities that show the hypotheses hold
 */
public record Violation(Claim claim, boolean violated, boolean exact, String relation, Quantity lhs, Quantity rhs,
        List<Quantity> hypotheses) implements Serializable {

    /** Copies the list. */
    public Violation {
        hypotheses = List.copyOf(hypotheses);
    }
}
