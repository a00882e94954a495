package org.unlearnstability.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The secondary ratios of an audit: range and count below one over the cases that have a ratio. */
class SecondaryRatiosTest {

    @Test
    void casesWithoutARatioLeaveItUnchanged() {
        assertSame(SecondaryRatios.NONE, SecondaryRatios.NONE.add(Double.NaN));
        assertEquals(Double.NaN, SecondaryRatios.NONE.min());
        assertEquals(Double.NaN, SecondaryRatios.NONE.max());
    }

    @Test
    void tracksTheRangeAndTheRatiosBelowOne() {
        SecondaryRatios ratios = SecondaryRatios.NONE.add(1.5).add(Double.NaN).add(0.25).add(1.0).add(0.5);
        assertEquals(new SecondaryRatios(0.25, 1.5, 2), ratios);
    }
}
