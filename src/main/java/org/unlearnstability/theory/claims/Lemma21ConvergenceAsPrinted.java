package org.unlearnstability.theory.claims;

import java.util.Optional;
import org.unlearnstability.theory.ClaimProof;
import org.unlearnstability.theory.VacuousConvergenceProof;

/**
 * Lemma 2.1 convergence statement as printed: Tr(N_r) <= eps for all r >= 0, a hypothesis that never holds
 * (specs/claims/lemma21-convergence-as-printed): not testable by cases, vacuous by its proof.
 */
public final class Lemma21ConvergenceAsPrinted extends Lemma21Convergence {
    /** The claim (the registry holds its instance). */
    public Lemma21ConvergenceAsPrinted() {
        super("lemma21-convergence-as-printed", 0);
    }

    @Override
    public boolean testable() {
        return false;
    }

    @Override
    public Optional<ClaimProof> proof() {
        return Optional.of(new VacuousConvergenceProof());
    }
}
