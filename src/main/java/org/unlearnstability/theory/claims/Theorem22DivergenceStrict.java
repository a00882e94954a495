package org.unlearnstability.theory.claims;

import java.util.Optional;
import org.unlearnstability.theory.ClaimProof;
import org.unlearnstability.theory.DivergenceProof;

/** Theorem 2.2 with a strict inequality in (7) (specs/claims/theorem22-divergence-strict). */
public final class Theorem22DivergenceStrict extends Theorem22Reading {
    /** The claim (the registry holds its instance). */
    public Theorem22DivergenceStrict() {
        super("theorem22-divergence-strict", true);
    }

    @Override
    public Optional<ClaimProof> proof() {
        return Optional.of(new DivergenceProof());
    }
}
