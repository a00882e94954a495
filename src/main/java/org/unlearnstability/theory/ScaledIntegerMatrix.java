package org.unlearnstability.theory;

import java.math.BigInteger;
import org.hipparchus.fraction.BigFraction;

/**
 * A square rational matrix stored as integer numerators over one common positive denominator, the
 * representation of {@link ExactMatrixFamily}'s exact arithmetic. A product or sum then costs integer
 * multiplications only; the gcd that {@link BigFraction} takes after every single operation is taken once
 * per matrix ({@link #reduced()}). Values are exact, so every result equals the entry-wise rational one.
 * Instances are immutable (the arrays are never exposed).
 */
final class ScaledIntegerMatrix {
    private final BigInteger[][] numerators;
    private final BigInteger denominator;

    private ScaledIntegerMatrix(BigInteger[][] numerators, BigInteger denominator) {
        this.numerators = numerators;
        this.denominator = denominator;
    }

    /**
     * @param m a rational matrix
     * @return the same matrix over the least common denominator of its entries
     */
    static ScaledIntegerMatrix of(BigFraction[][] m) {
        BigInteger lcm = BigInteger.ONE;
        for (BigFraction[] row : m) {
            for (BigFraction v : row) {
                lcm = lcm(lcm, v.getDenominator());
            }
        }
        int n = m.length;
        BigInteger[][] out = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                BigFraction v = m[i][k];
                out[i][k] = v.getNumerator().multiply(lcm.divide(v.getDenominator()));
            }
        }
        return new ScaledIntegerMatrix(out, lcm);
    }

    /**
     * @param d the dimension
     * @return the d x d identity
     */
    static ScaledIntegerMatrix identity(int d) {
        BigInteger[][] out = zeros(d);
        for (int i = 0; i < d; i++) {
            out[i][i] = BigInteger.ONE;
        }
        return new ScaledIntegerMatrix(out, BigInteger.ONE);
    }

    /**
     * @param other a matrix of the same size
     * @return this times other
     */
    ScaledIntegerMatrix times(ScaledIntegerMatrix other) {
        int n = numerators.length;
        BigInteger[][] out = zeros(n);
        for (int i = 0; i < n; i++) {
            BigInteger[] target = out[i];
            for (int k = 0; k < n; k++) {
                BigInteger a = numerators[i][k];
                if (a.signum() == 0) {
                    continue;
                }
                BigInteger[] row = other.numerators[k];
                for (int c = 0; c < n; c++) {
                    if (row[c].signum() != 0) {
                        target[c] = target[c].add(a.multiply(row[c]));
                    }
                }
            }
        }
        return new ScaledIntegerMatrix(out, denominator.multiply(other.denominator));
    }

    /**
     * @param h a symmetric matrix
     * @return h this h, symmetric when this is (only its upper triangle is multiplied out)
     */
    ScaledIntegerMatrix congruenceBy(ScaledIntegerMatrix h) {
        ScaledIntegerMatrix hx = h.times(this);
        int n = numerators.length;
        BigInteger[][] out = zeros(n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                BigInteger a = hx.numerators[i][k];
                if (a.signum() == 0) {
                    continue;
                }
                BigInteger[] row = h.numerators[k];
                for (int c = i; c < n; c++) {
                    if (row[c].signum() != 0) {
                        out[i][c] = out[i][c].add(a.multiply(row[c]));
                    }
                }
            }
            for (int c = 0; c < i; c++) {
                out[i][c] = out[c][i];
            }
        }
        return new ScaledIntegerMatrix(out, hx.denominator.multiply(h.denominator));
    }

    /**
     * @param other a matrix of the same size
     * @return this + other, over the least common multiple of the two denominators
     */
    ScaledIntegerMatrix plus(ScaledIntegerMatrix other) {
        BigInteger lcm = lcm(denominator, other.denominator);
        BigInteger mine = lcm.divide(denominator);
        BigInteger theirs = lcm.divide(other.denominator);
        int n = numerators.length;
        BigInteger[][] out = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                out[i][k] = numerators[i][k].multiply(mine).add(other.numerators[i][k].multiply(theirs));
            }
        }
        return new ScaledIntegerMatrix(out, lcm);
    }

    /**
     * @param factor a rational
     * @return factor times this
     */
    ScaledIntegerMatrix scaled(BigFraction factor) {
        int n = numerators.length;
        BigInteger[][] out = new BigInteger[n][n];
        BigInteger f = factor.getNumerator();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                out[i][k] = numerators[i][k].multiply(f);
            }
        }
        return new ScaledIntegerMatrix(out, denominator.multiply(factor.getDenominator()));
    }

    /** @return the same matrix with numerators and denominator divided by their greatest common divisor */
    ScaledIntegerMatrix reduced() {
        BigInteger gcd = denominator;
        for (BigInteger[] row : numerators) {
            for (BigInteger v : row) {
                if (gcd.equals(BigInteger.ONE)) {
                    return this;
                }
                gcd = gcd.gcd(v);
            }
        }
        if (gcd.equals(BigInteger.ONE)) {
            return this;
        }
        int n = numerators.length;
        BigInteger[][] out = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                out[i][k] = numerators[i][k].divide(gcd);
            }
        }
        return new ScaledIntegerMatrix(out, denominator.divide(gcd));
    }

    /** @return the trace, as a reduced fraction */
    BigFraction trace() {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < numerators.length; i++) {
            sum = sum.add(numerators[i][i]);
        }
        return new BigFraction(sum, denominator);
    }

    private static BigInteger[][] zeros(int n) {
        BigInteger[][] out = new BigInteger[n][n];
        for (BigInteger[] row : out) {
            java.util.Arrays.fill(row, BigInteger.ZERO);
        }
        return out;
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }
}
