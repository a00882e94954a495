package org.unlearnstability.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.hipparchus.util.FastMath;

/**
 * Tick labels with at most four significant digits and no trailing zeros ({@code 0.01}, {@code 2.5},
 * {@code 1.2e+05}); in power mode a tick at coordinate c is labelled with the value 10^c, for colour bars
 * whose axis runs over log10 of the value.
 */
final class CompactFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    private final boolean power;

    /** @param power whether the formatted coordinate is an exponent of 10 */
    CompactFormat(boolean power) {
        this.power = power;
    }

    @Override
    public StringBuffer format(double number, StringBuffer target, FieldPosition position) {
        return target.append(text(power ? FastMath.pow(10.0, number) : number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer target, FieldPosition position) {
        return format((double) number, target, position);
    }

    @Override
    public Number parse(String source, ParsePosition position) {
        throw new UnsupportedOperationException("tick labels are never parsed");
    }

    /**
     * @param value a number
     * @return its compact text
     */
    static String text(double value) {
        if (value == 0.0 || !Double.isFinite(value)) {
            return value == 0.0 ? "0" : Double.toString(value);
        }
        // %g switches to scientific notation below 1e-4 and from 1e4 on.
        String formatted = String.format(Locale.ROOT, "%.4g", value);
        int e = formatted.indexOf('e');
        return e < 0 ? stripZeros(formatted) : stripZeros(formatted.substring(0, e)) + formatted.substring(e);
    }

    private static String stripZeros(String decimal) {
        if (!decimal.contains(".")) {
            return decimal;
        }
        String trimmed = decimal.replaceAll("0+$", "");
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
