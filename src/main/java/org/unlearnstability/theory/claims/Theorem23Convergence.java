package org.unlearnstability.theory.claims;

/**
 * Theorem 2.3 as Figure 1 uses it: (8) with <= implies convergence for the given Hessians
 * (specs/claims/theorem23-convergence).
 */
public final class Theorem23Convergence extends Theorem23Reading {
    /** The claim (the registry holds its instance). */
    public Theorem23Convergence() {
        super("theorem23-convergence", false);
    }
}
