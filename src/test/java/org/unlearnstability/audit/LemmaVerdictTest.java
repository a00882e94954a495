package org.unlearnstability.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unlearnstability.theory.ClaimId;

/** The pinned verdicts of Lemma 2.1 part 1, the printed part 2 (mean-J reading) and the convergence statement. */
class LemmaVerdictTest {

    @Test
    void lowerBoundHoldsOnEveryKind() {
        ClaimResult r = VerdictPins.assertPinned(ClaimId.LEMMA21_LOWER_BOUND);
        assertEquals(r.cases(), r.applicable(), "the lower bound has no hypothesis beyond the setting");
        r.applicableByKind().forEach((kind, n) -> assertTrue(n > 0, kind + " not covered"));
    }

    @Test
    void divergenceCorollaryHolds() {
        VerdictPins.assertPinned(ClaimId.LEMMA21_DIVERGENCE_COROLLARY);
    }

    @Test
    void printedUpperBoundFailsWithAnExactCounterexample() {
        ClaimResult r = VerdictPins.assertPinned(ClaimId.LEMMA21_UPPER_BOUND_MEAN_J);
        assertTrue(r.counterexample().violation().exact());
        assertEquals(1, r.counterexample().family().dimension());
    }

    @Test
    void convergenceStatementIsVacuousAsPrintedAndHoldsForRFromOne() {
        ClaimResult printed = VerdictPins.assertPinned(ClaimId.LEMMA21_CONVERGENCE_AS_PRINTED);
        assertEquals(0, printed.applicable(), "Tr(N_0) = d > eps: the printed hypothesis never holds");
        ClaimResult natural = VerdictPins.assertPinned(ClaimId.LEMMA21_CONVERGENCE_R_GE_1);
        assertTrue(natural.applicable() > 50, "too few cases satisfy the r >= 1 hypothesis: " + natural.applicable());
    }
}
