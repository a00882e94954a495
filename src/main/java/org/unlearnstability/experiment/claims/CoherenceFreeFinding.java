package org.unlearnstability.experiment.claims;

import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.audit.ClaimResult;
import org.unlearnstability.audit.ProofAudit;

/**
 * The coherence-free threshold on every generated case: the proof step eta7 &gt;= etaCoherenceFree (step 7 of the
 * proof of Theorem 2.2, strict reading), checked on the claim's cases, with the quantiles of
 * eta7 / etaCoherenceFree.
 *
 * @param claim the claim whose proof has the step
 * @param proof the audit of that proof
 * @param step the step's summary (its ratio quantiles at {@code ProofAudit.LEVELS}: min, 10 %, median, 90 %, max)
 */
record CoherenceFreeFinding(ClaimResult claim, ProofAudit proof, ProofAudit.StepSummary step) {
    /** The statement that names the step in the claim's proof. */
    static final String STATEMENT = "eta7 >= etaCoherenceFree";

    /**
     * @param claims the claim results of an audit
     * @return the finding, when a proof audited the step and recorded its ratios
     */
    static Optional<CoherenceFreeFinding> of(List<ClaimResult> claims) {
        for (ClaimResult c : claims) {
            @Nullable ProofAudit proof = c.proof();
            if (proof == null) {
                continue;
            }
            for (ProofAudit.StepSummary step : proof.steps()) {
                if (step.step().statement().startsWith(STATEMENT) && step.ratioQuantiles().length > 0) {
                    return Optional.of(new CoherenceFreeFinding(c, proof, step));
                }
            }
        }
        return Optional.empty();
    }
}
