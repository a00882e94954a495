package org.unlearnstability.theory;

import java.math.BigInteger;
import org.hipparchus.fraction.BigFraction;

/**
 * Exact values of doubles (every finite double is a dyadic rational p / 2^q) and their text, as the
 * counterexample files and reports print them.
 */
public final class Rationals {
    private Rationals() {
    }

    /**
     * @param v a finite double
     * @return its exact value in lowest terms
     */
    public static BigFraction exact(double v) {
        return v == 0.0 ? BigFraction.ZERO : new BigFraction(v).reduce();
    }

    /**
     * @param value a rational
     * @return {@code p/q} in lowest terms, or {@code p} when q = 1
     */
    public static String text(BigFraction value) {
        BigFraction reduced = value.signum() == 0 ? BigFraction.ZERO : value.reduce();
        return reduced.getDenominator().equals(BigInteger.ONE) ? reduced.getNumerator().toString()
                : reduced.getNumerator() + "/" + reduced.getDenominator();
    }

    /**
     * @param v a finite double
     * @return its exact value as text
     */
    public static String text(double v) {
        return text(exact(v));
    }
}
