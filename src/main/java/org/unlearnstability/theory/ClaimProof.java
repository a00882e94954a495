package org.unlearnstability.theory;

import java.util.List;
import java.util.Optional;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;

/**
 * The written proof of one claim (in the claim's spec, field {@code proof}) as code: its inequality steps,
 * and their two sides on one case, so that the audit checks every step on every case it generates. A proof
 * whose steps all hold makes a HOLDS verdict PROVED (and a never-applicable hypothesis VACUOUS); a step that
 * fails on a case would show a gap in the written proof. A claim returns its proof from {@link Claim#proof}.
 */
public abstract class ClaimProof {
    private final List<ProofStep> steps;

    /** @param steps the steps, in the order of the written proof */
    protected ClaimProof(ProofStep... steps) {
        this.steps = List.of(steps);
    }

    /** @return the steps, in the order of the written proof */
    public final List<ProofStep> steps() {
        return steps;
    }

    /**
     * @param index a step's position in {@link #steps()}
     * @return that step
     */
    protected final ProofStep step(int index) {
        return steps.get(index);
    }

    /**
     * @param family a case's family
     * @param hyper its hyper-parameters
     * @return the two sides of every step, in the order of {@link #steps()}, or empty when the case is outside
     *     the proof's hypotheses
     */
    public abstract Optional<List<StepValue>> evaluate(HessianFamily family, Hyperparameters hyper);
}
