package org.unlearnstability.theory;

import java.io.Serializable;

/**
 * One inequality (or identity) of a written proof in a claim's spec, checked numerically on the audit's
 * cases by a {@link ClaimProof}: a proof step that fails on a case is reported, and the claim is then only
 * HOLDS, never PROVED.
 *
 * @param name a short name (the step's number in the spec's proof)
 * @param statement the inequality, as the spec writes it
 * @param relation how lhs and rhs must compare
 */
public record ProofStep(String name, String statement, Relation relation) implements Serializable {
    /**
     * The relative tolerance of a floating-point step check: the steps compare quantities computed by different
     * routes (a Lanczos spectral radius against a Rayleigh quotient, a certified Perron root against a sum), each
     * accurate to about 1e-10 relative, so a step that is false by more than this is false.
     */
    public static final double TOLERANCE = 1e-8;

    /** How the two sides of a step compare. */
    public enum Relation {
        /** lhs >= rhs. */
        AT_LEAST(">="),
        /** lhs = rhs. */
        EQUAL("="),
        /** lhs > rhs, strictly (checked without tolerance). */
        ABOVE(">");

        private final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        /** @return the relation as printed */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * @param value the two sides on one case
     * @return the signed relative margin: at least -{@link #TOLERANCE} when the step holds (for EQUAL, minus
     *     the relative distance; for ABOVE, positive when it holds)
     */
    public double margin(StepValue value) {
        double scale = Math.max(value.scale(), Math.max(Math.abs(value.lhs()), Math.abs(value.rhs())));
        double difference = value.lhs() - value.rhs();
        double relative = scale == 0.0 ? 0.0 : difference / scale;
        return relation == Relation.EQUAL ? -Math.abs(relative) : relative;
    }

    /**
     * @param value the two sides on one case
     * @return whether the step holds on it
     */
    public boolean holds(StepValue value) {
        if (relation == Relation.ABOVE) {
            return value.lhs() > value.rhs();
        }
        return margin(value) >= -TOLERANCE;
    }
}
