package org.unlearnstability.report;

import java.util.Locale;

/**
 * Numbers in the prose and tables of the Markdown reports: four significant digits ({@code %.4g}), three in
 * scientific notation from 1e4 on and below 1e-3, and {@code NaN}, {@code inf}, {@code -inf} for the non-finite
 * values. The CSV and JSON files keep every digit ({@link CsvTable}); this is only for people reading.
 */
public final class ProseNumber {
    private static final double LARGE = 1e4;
    private static final double SMALL = 1e-3;

    private ProseNumber() {
    }

    /**
     * @param x a number
     * @return its text for a report
     */
    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        boolean scientific = Math.abs(x) >= LARGE || (x != 0 && Math.abs(x) < SMALL);
        return String.format(Locale.ROOT, scientific ? "%.3g" : "%.4g", x);
    }
}
