package org.unlearnstability.theory;

import org.hipparchus.fraction.BigFraction;

/**
 * An exact real number a + b sqrt(r) with rational a, b and a rational radicand r >= 0. The claims
 * audit needs exactly one operation on such numbers: the sign, to decide the inequalities (7) and (8)
 * of Theorems 2.2 and 2.3 exactly (K7 = (1-alpha) n_f sqrt(n_r/B - 1) + alpha n_r sqrt(n_f/B - 1)
 * squares to a number of this form), including the equality cases.
 *
 * @param a the rational part
 * @param b the coefficient of the root
 * @param radicand r, nonnegative
 */
public record QuadraticSurd(BigFraction a, BigFraction b, BigFraction radicand) {

    /** @return {@code a + b sqrt(r)} with exact rationals */
    public String text() {
        return Rationals.text(a) + " + " + Rationals.text(b) + " sqrt(" + Rationals.text(radicand) + ")";
    }

    /** Rejects a negative radicand. */
    public QuadraticSurd {
        if (radicand.signum() < 0) {
            throw new IllegalArgumentException("radicand must be >= 0, got " + radicand);
        }
    }

    /**
     * @return -1, 0 or 1 as a + b sqrt(r) is negative, zero or positive, decided exactly: when a and
     *     b sqrt(r) have opposite signs, the sign is that of the larger of a^2 and b^2 r
     */
    public int signum() {
        int sa = a.signum();
        int sb = radicand.signum() == 0 ? 0 : b.signum();
        if (sb == 0) {
            return sa;
        }
        if (sa == 0 || sa == sb) {
            return sb;
        }
        int cmp = a.multiply(a).compareTo(b.multiply(b).multiply(radicand));
        return cmp == 0 ? 0 : cmp > 0 ? sa : sb;
    }

    /** @return an approximation, for reports */
    public double doubleValue() {
        return a.doubleValue() + b.doubleValue() * Math.sqrt(radicand.doubleValue());
    }
}
