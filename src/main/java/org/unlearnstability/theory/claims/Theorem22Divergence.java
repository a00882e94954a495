package org.unlearnstability.theory.claims;

/** Theorem 2.2 as printed: (7) with >= implies lim E||w_k||^2 = infinity (specs/claims/theorem22-divergence). */
public final class Theorem22Divergence extends Theorem22Reading {
    /** The claim (the registry holds its instance). */
    public Theorem22Divergence() {
        super("theorem22-divergence", false);
    }
}
