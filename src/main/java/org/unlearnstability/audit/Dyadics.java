package org.unlearnstability.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hipparchus.util.FastMath;

/**
 * Simple numbers for shrunk counterexamples: dyadic rationals p / 2^q, exact as doubles, ordered from
 * simple to close. For a value v the candidates are 0 (when allowed), then for windows of relative width
 * 1, 1/2, 1/4, ... around v the simplest dyadic in the window (smallest q, then smallest |p|), ending
 * with v itself.
 */
final class Dyadics {
    private static final int WINDOWS = 40;

    private Dyadics() {
    }

    /**
     * @param value the current value
     * @param lower the smallest allowed value
     * @param upper the largest allowed value
     * @return the candidates in the order to try them
     */
    static List<Double> candidates(double value, double lower, double upper) {
        Set<Double> out = new LinkedHashSet<>();
        if (lower <= 0.0 && upper >= 0.0) {
            out.add(0.0);
        }
        double magnitude = Math.abs(value);
        for (int w = 0; w < WINDOWS && magnitude > 0.0; w++) {
            double width = magnitude * FastMath.pow(0.5, w);
            double a = Math.max(lower, value - width);
            double b = Math.min(upper, value + width);
            if (a <= b) {
                out.add(simplest(a, b));
            }
        }
        out.add(value);
        return new ArrayList<>(out);
    }

    /**
     * @param a the lower end
     * @param b the upper end, at least a
     * @return the dyadic in [a, b] with the smallest denominator, then the smallest magnitude
     */
    static double simplest(double a, double b) {
        if (a <= 0.0 && b >= 0.0) {
            return 0.0;
        }
        boolean negative = b < 0.0;
        double lo = negative ? -b : a;
        double hi = negative ? -a : b;
        for (int q = 0; q < 60; q++) {
            double scale = Math.scalb(1.0, q);
            double p = Math.ceil(lo * scale);
            if (p <= Math.floor(hi * scale)) {
                double v = p / scale;
                return negative ? -v : v;
            }
        }
        return negative ? -lo : lo;
    }
}
