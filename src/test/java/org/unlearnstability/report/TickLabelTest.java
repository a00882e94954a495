package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TickLabelTest {
    @Test
    void compactLabelsDropTrailingZerosAndSwitchToExponentsForExtremes() {
        assertEquals("0", CompactFormat.text(0.0));
        assertEquals("0.3", CompactFormat.text(0.30000000000000004));
        assertEquals("50", CompactFormat.text(50.0));
        assertEquals("2.5", CompactFormat.text(2.5));
        assertEquals("1234", CompactFormat.text(1234.0));
        assertEquals("1.235e+04", CompactFormat.text(12345.0));
        assertEquals("1e-05", CompactFormat.text(1e-5));
        assertEquals("-0.01", CompactFormat.text(-0.01));
        assertEquals("100", new CompactFormat(true).format(2.0));
    }

    @Test
    void logAxisTicksFallOnRoundValues() {
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0), RoundLogAxis.roundValues(0.7, 60));
        assertEquals(List.of(0.01, 0.1, 1.0, 10.0), RoundLogAxis.roundValues(0.008, 12));
        assertEquals(List.of(2.0, 3.0, 4.0, 5.0, 6.0, 8.0), RoundLogAxis.roundValues(1.5, 9));
        assertEquals(List.of(1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1.0, 100.0, 1e4), RoundLogAxis.roundValues(1e-10, 1e4));
        assertEquals(List.of(), RoundLogAxis.roundValues(0, 1));
    }
}
