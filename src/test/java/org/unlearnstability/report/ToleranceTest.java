package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class ToleranceTest {
    private static final Tolerance DEFAULT = Tolerance.DEFAULT;

    @Test
    void aRelativeErrorBelowTheToleranceIsAccepted() {
        qt().forAll(doubles().between(-1e12, 1e12), doubles().between(-0.9, 0.9)).checkAssert((x, f) -> {
            double y = x * (1 + f * DEFAULT.relative());
            assertTrue(DEFAULT.accepts(x, y), "x = " + x + ", y = " + y);
            assertTrue(DEFAULT.accepts(y, x), "symmetry: x = " + x + ", y = " + y);
        });
    }

    @Test
    void aRelativeErrorAboveTheToleranceIsRejectedOnceItExceedsTheAbsoluteFloor() {
        qt().forAll(doubles().between(1e-2, 1e12), doubles().between(1.5, 1000.0)).checkAssert((x, f) -> {
            double y = x * (1 + f * DEFAULT.relative());
            assertFalse(DEFAULT.accepts(x, y), "x = " + x + ", y = " + y);
            assertFalse(DEFAULT.accepts(-x, -y), "x = " + -x + ", y = " + -y);
        });
    }

    @Test
    void theAbsoluteFloorGovernsNearZero() {
        assertTrue(DEFAULT.accepts(0.0, 1e-12));
        assertTrue(DEFAULT.accepts(-5e-13, 4e-13));
        assertFalse(DEFAULT.accepts(0.0, 2e-12));
        assertEquals(new Tolerance(1e-9, 1e-12), DEFAULT);
    }

    @Test
    void nonFiniteValuesMatchOnlyThemselves() {
        assertTrue(DEFAULT.accepts(Double.NaN, Double.NaN));
        assertFalse(DEFAULT.accepts(Double.NaN, 1.0));
        assertTrue(DEFAULT.accepts(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertFalse(DEFAULT.accepts(Double.POSITIVE_INFINITY, Double.MAX_VALUE));
        assertFalse(DEFAULT.accepts(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertFalse(Tolerance.EXACT.accepts(1.0, Math.nextUp(1.0)));
    }

    @Test
    void rejectsNegativeOrNonFiniteTolerances() {
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(-1e-9, 0));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(1e-9, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(Double.POSITIVE_INFINITY, 0));
    }
}
