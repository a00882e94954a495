package org.unlearnstability.coherence;

import java.io.Serializable;

/**
 * The largest eigenvalue of a symmetric entrywise-nonnegative matrix with a certified bracket:
 * {@code lower <= lambda_max <= upper}. The upper end is the Collatz-Wielandt bound
 * max_i (Sx)_i / x_i for the final positive iterate x, the lower end the larger of the
 * Collatz-Wielandt bound min_i (Sx)_i / x_i and the Rayleigh quotient x^T S x / x^T x.
 *
 * @param estimate the Rayleigh quotient of the final iterate (inside the bracket)
 * @param lower a certified lower bound
 * @param upper a certified upper bound (may be +Infinity if no positive iterate was reached)
 * @param iterations the number of operator applications used
 */
public record CertifiedEigenvalue(double estimate, double lower, double upper, int iterations)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** @return (upper - lower) / upper, or 0 for the zero matrix */
    public double relativeWidth() {
        return upper == 0.0 ? 0.0 : (upper - lower) / upper;
    }

    /**
     * Both brackets are certified, so their intersection is; when they miss each other by rounding (an ulp or so),
     * this one is kept.
     *
     * @param other another certified bracket of the same eigenvalue
     * @return the intersection, with this estimate (clamped into it) and this iteration count
     */
    public CertifiedEigenvalue intersect(CertifiedEigenvalue other) {
        double lo = Math.max(lower, other.lower);
        double hi = Math.min(upper, other.upper);
        if (lo > hi) {
            lo = lower;
            hi = upper;
        }
        return new CertifiedEigenvalue(Math.min(Math.max(estimate, lo), hi), lo, hi, iterations);
    }

    /**
     * @param factor a positive scale
     * @return the bracket of factor * S
     */
    public CertifiedEigenvalue scale(double factor) {
        return new CertifiedEigenvalue(estimate * factor, lower * factor, upper * factor, iterations);
    }
}
