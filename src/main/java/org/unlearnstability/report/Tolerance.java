package org.unlearnstability.report;

/**
 * How far a computed number may stray from its golden value: {@code actual} matches {@code expected} when
 * {@code |actual - expected| <= max(absolute, relative * max(|actual|, |expected|))}. The relative part
 * absorbs the rounding of long floating-point computations (summation order, different but equivalent
 * kernels); the absolute part lets values that should be zero come out as tiny residues.
 *
 * @param relative the relative tolerance, finite and non-negative
 * @param absolute the absolute tolerance, finite and non-negative
 */
public record Tolerance(double relative, double absolute) {
    /** The default of the golden files: relative 1e-9, absolute 1e-12. */
    public static final Tolerance DEFAULT = new Tolerance(1e-9, 1e-12);

    /**
     * The golden files of trained networks (Figures 2 and 3), relative 1e-6, absolute 1e-9: their numbers go
     * through Math.exp and Math.log1p of a logistic loss and through Lanczos iterations, whose last bits may
     * differ between JVMs.
     */
    public static final Tolerance TRAINED_NETWORK = new Tolerance(1e-6, 1e-9);

    /** Exact equality of every number. */
    public static final Tolerance EXACT = new Tolerance(0.0, 0.0);

    /** Rejects negative, NaN or infinite tolerances. */
    public Tolerance {
        if (!(relative >= 0.0) || Double.isInfinite(relative)) {
            throw new IllegalArgumentException("relative tolerance must be finite and >= 0, got " + relative);
        }
        if (!(absolute >= 0.0) || Double.isInfinite(absolute)) {
            throw new IllegalArgumentException("absolute tolerance must be finite and >= 0, got " + absolute);
        }
    }

    /**
     * @param expected the golden value
     * @param actual the computed value
     * @return whether they match; an infinity matches only the same infinity, NaN only NaN
     */
    public boolean accepts(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            // Otherwise infinity would be "within" a relative tolerance of any large finite value.
            return false;
        }
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        return Math.abs(actual - expected) <= Math.max(absolute, relative * scale);
    }
}
