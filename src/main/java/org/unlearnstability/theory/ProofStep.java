package org.unlearnstability.theory;

import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

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
        AT_LEAST,
        /** lhs = rhs. */
        EQUAL,
        /** lhs > rhs, strictly (checked without tolerance). */
        ABOVE
    }

    /**
     * @param name the step's number in the spec's proof
     * @param statement the inequality lhs &gt;= rhs, as the spec writes it
     * @return the step
     */
    public static ProofStep atLeast(String name, String statement) {
        return new ProofStep(name, statement, Relation.AT_LEAST);
    }

    /**
     * @param name the step's number in the spec's proof
     * @param statement the identity lhs = rhs, as the spec writes it
     * @return the step
     */
    public static ProofStep equal(String name, String statement) {
        return new ProofStep(name, statement, Relation.EQUAL);
    }

    /**
     * @param name the step's number in the spec's proof
     * @param statement the strict inequality lhs &gt; rhs, as the spec writes it
     * @return the step
     */
    public static ProofStep above(String name, String statement) {
        return new ProofStep(name, statement, Relation.ABOVE);
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

    /**
     * @param current the worst value so far over a proof's inner index (k, a pair), or null before the first
     * @param candidate the next value
     * @return the one of the two with the smaller margin (the first on a tie)
     */
    public StepValue worse(@Nullable StepValue current, StepValue candidate) {
        return current == null || margin(candidate) < margin(current) ? candidate : current;
    }
}
