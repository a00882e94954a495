package org.unlearnstability.theory.claims;

import java.util.Optional;
import org.unlearnstability.theory.ClaimProof;
import org.unlearnstability.theory.ConvergenceProof;

/**
 * Lemma 2.1 convergence statement with Tr(N_r) <= eps for r >= 1, mean-J reading
 * (specs/claims/lemma21-convergence-r-ge-1).
 */
public final class Lemma21ConvergenceRGe1 extends Lemma21Convergence {
    /** The claim (the registry holds its instance). */
    public Lemma21ConvergenceRGe1() {
        super("lemma21-convergence-r-ge-1", 1);
    }

    @Override
    public Optional<ClaimProof> proof() {
        return Optional.of(new ConvergenceProof(this));
    }
}
