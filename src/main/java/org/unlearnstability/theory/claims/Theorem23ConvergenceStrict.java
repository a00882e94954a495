package org.unlearnstability.theory.claims;

/**
 * Theorem 2.3 as Figure 1 uses it, with a strict inequality in (8) (specs/claims/theorem23-convergence-strict).
 */
public final class Theorem23ConvergenceStrict extends Theorem23Reading {
    /** The claim (the registry holds its instance). */
    public Theorem23ConvergenceStrict() {
        super("theorem23-convergence-strict", true);
    }
}
