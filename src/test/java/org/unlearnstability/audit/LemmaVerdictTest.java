package org.unlearnstability.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unlearnstability.theory.claims.Claims;

/** The pinned verdicts of Lemma 2.1 part 1, the printed part 2 (mean-J reading) and the convergence statement. */
class LemmaVerdictTest {

    @Test
    void lowerBoundHoldsOnEveryKind() {
        ClaimResult r = VerdictPins.assertPinned(Claims.bySlug("lemma21-lower-bound"));
        assertEquals(r.cases(), r.applicable(), "the lower bound has no hypothesis beyond the setting");
        r.applicableByKind().forEach((kind, n) -> assertTrue(n > 0, kind + " not covered"));
    }

    @Test
    void divergenceCorollaryHolds() {
        VerdictPins.assertPinned(Claims.bySlug("lemma21-divergence-corollary"));
    }

    @Test
    void printedUpperBoundFailsWithAnExactCounterexample() {
        ClaimResult r = VerdictPins.assertPinned(Claims.bySlug("lemma21-upper-bound-mean-j"));
        assertTrue(r.counterexample().violation().exact());
        assertEquals(1, r.counterexample().family().dimension());
    }

    @Test
    void convergenceStatementIsVacuousAsPrintedAndHoldsForRFromOne() {
        ClaimResult printed = VerdictPins.assertPinned(Claims.bySlug("lemma21-convergence-as-printed"));
        assertEquals(0, printed.applicable(), "Tr(N_0) = d > eps: the printed hypothesis never holds");
        ClaimResult natural = VerdictPins.assertPinned(Claims.bySlug("lemma21-convergence-r-ge-1"));
        assertTrue(natural.applicable() > 50, "too few cases satisfy the r >= 1 hypothesis: " + natural.applicable());
    }
}
