package org.unlearnstability.theory;

import java.math.BigInteger;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;

/**
 * Exact square roots of rationals that are squares of rationals (p/q in lowest terms is a square iff
 * p and q are). Used by the exact claim checks to keep C_r' = sqrt(C_r) / (sqrt(C_r) + sqrt(C_f))
 * rational whenever it is.
 */
final class RationalRoot {
    private RationalRoot() {
    }

    /**
     * @param x a nonnegative rational
     * @return sqrt(x) when it is rational
     */
    static Optional<BigFraction> of(BigFraction x) {
        if (x.signum() < 0) {
            return Optional.empty();
        }
        BigInteger p = x.getNumerator();
        BigInteger q = x.getDenominator();
        BigInteger rp = p.sqrt();
        BigInteger rq = q.sqrt();
        if (rp.multiply(rp).equals(p) && rq.multiply(rq).equals(q)) {
            return Optional.of(new BigFraction(rp, rq));
        }
        return Optional.empty();
    }
}
