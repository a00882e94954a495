package org.unlearnstability.audit;

import org.junit.jupiter.api.Test;
import org.unlearnstability.theory.claims.Claims;

/** The pinned verdict of Lemma 2.1 part 2 under the every-J_k reading (enumerates batch patterns: slow). */
class EveryJkVerdictTest {

    @Test
    void printedUpperBoundHoldsWhenEveryRandomUpdateContracts() {
        VerdictPins.assertPinned(Claims.bySlug("lemma21-upper-bound-every-jk"));
    }
}
