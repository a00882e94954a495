package org.unlearnstability.theory;

import java.util.List;
import java.util.Optional;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.Lemma21;
import org.unlearnstability.family.HessianFamily;

/**
 * Lemma 2.1's convergence statement as printed (Tr(N_r) <= eps for every r >= 0) is vacuous: Tr(N_0) = Tr(I) =
 * d >= 1 while eps = 1 - ||J|| < 1, so the hypothesis fails at r = 0 on every family. Checked on every case where
 * eps is defined (||J|| in (0, 1)).
 */
public final class VacuousConvergenceProof extends ClaimProof {
    /** The written proof's steps. */
    public VacuousConvergenceProof() {
        super(
                ProofStep.atLeast("1", "Tr(N_0) = d >= 1"),
                ProofStep.above("2", "1 > eps = 1 - ||J||"));
    }

    @Override
    public Optional<List<StepValue>> evaluate(HessianFamily family, Hyperparameters hyper) {
        double norm = Lemma21.compute(family, hyper, 1).normJ();
        if (!(norm > 0.0 && norm < 1.0)) {
            return Optional.empty();
        }
        return Optional.of(List.of(StepValue.of(family.dimension(), 1.0), StepValue.of(1.0, 1 - norm)));
    }
}
