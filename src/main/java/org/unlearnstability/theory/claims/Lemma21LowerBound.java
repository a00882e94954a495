package org.unlearnstability.theory.claims;

import java.util.Optional;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.Lemma21;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.ClaimProof;
import org.unlearnstability.theory.LowerBoundProof;
import org.unlearnstability.theory.Violation;

/** Lemma 2.1 part 1: E||w_k||^2 >= Tr(M_k), M_k = J^{2k} + N_k, for k >= 1 (specs/claims/lemma21-lower-bound). */
public final class Lemma21LowerBound extends AbstractClaim {
    /** The claim (the registry holds its instance). */
    public Lemma21LowerBound() {
        super("lemma21-lower-bound");
    }

    /** Part 1: slack max_k Tr(M_k) / E||w_k||^2. */
    @Override
    ClaimCheck evaluateFinite(HessianFamily family, Hyperparameters hyper) {
        Lemma21 lemma = Lemma21.compute(family, hyper, ClaimCheck.STEPS);
        return WorstStep.of(this, lemma.traceM(), lemma.exactMeanSquare(), hyper.eta());
    }

    @Override
    public Violation check(HessianFamily family, Hyperparameters hyper) {
        return Lemma21BoundCheck.check(this, family, hyper, true, false);
    }

    @Override
    public Optional<ClaimProof> proof() {
        return Optional.of(new LowerBoundProof());
    }
}
