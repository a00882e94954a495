package org.unlearnstability.theory;

import java.util.List;
import java.util.Optional;

/** The registry of written proofs: at most one {@link ClaimProof} per claim, found by its claim, not by a switch. */
public final class ClaimProofs {
    private static final List<ClaimProof> ALL = List.of(new LowerBoundProof(), new DivergenceCorollaryProof(),
            new EveryJkProof(), new ConvergenceProof(), new VacuousConvergenceProof(), new DivergenceProof());

    private ClaimProofs() {
    }

    /**
     * @param claim a claim
     * @return its proof, when the spec has one
     */
    public static Optional<ClaimProof> of(ClaimId claim) {
        return ALL.stream().filter(p -> p.claim() == claim).findFirst();
    }

    /** @return every registered proof */
    public static List<ClaimProof> all() {
        return ALL;
    }
}
