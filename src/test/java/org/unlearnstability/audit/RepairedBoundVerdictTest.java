package org.unlearnstability.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unlearnstability.theory.claims.Claims;

/** The pinned verdict of Lemma 2.1 part 2 with the binomial sum completed (r = 0..k). */
class RepairedBoundVerdictTest {

    @Test
    void completedBinomialBoundFailsForNonCommutingHessiansCertifiedExactly() {
        ClaimResult r = VerdictPins.assertPinned(Claims.bySlug("lemma21-upper-bound-repaired"));
        assertTrue(r.counterexample().violation().exact(), r.counterexample().violation().toString());
        assertTrue(r.counterexample().family().dimension() >= 2, "commuting (d = 1) families satisfy it");
    }
}
