package org.unlearnstability.audit;

import org.junit.jupiter.api.Test;
import org.unlearnstability.theory.ClaimId;

/** The pinned verdict of Lemma 2.1 part 2 under the every-J_k reading (enumerates batch patterns: slow). */
class EveryJkVerdictTest {

    @Test
    void printedUpperBoundHoldsWhenEveryRandomUpdateContracts() {
        VerdictPins.assertPinned(ClaimId.LEMMA21_UPPER_BOUND_EVERY_JK);
    }
}
