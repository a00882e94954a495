package org.unlearnstability.coherence;

import org.hipparchus.util.FastMath;

/**
 * The Perron root lambda_max of a symmetric nonnegative operator with the certified bracket of
 * {@link CertifiedEigenvalue}: power steps until the bracket is narrower than a relative tolerance,
 * with one Lanczos restart ({@link LanczosStart}) when the bracket shrinks too slowly.
 *
 * <p>The power steps certify: their iterates stay positive, so every step yields a Collatz-Wielandt
 * upper bound as a by-product, and the Rayleigh quotient of a symmetric operator is a lower bound.
 * Lanczos only chooses where they go on from, so the bracket is as rigorous as without it. Power
 * steps come first because on nearly rank-one operators (the dense families of the coherence
 * benchmark) they finish in about five products, fewer than Lanczos plus a certifying step; from the
 * second step on, the observed contraction of the bracket predicts how many more they need, and when
 * that exceeds {@link #LANCZOS_AFTER_PREDICTED_STEPS} Lanczos takes over (the CNN families, where
 * lambda_2 / lambda_1 is about 0.7, would need dozens).
 */
public final class PerronRoot {
    /** Default relative width of the certified bracket. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** A restart pays off when power steps would need more than this many further products. */
    static final int LANCZOS_AFTER_PREDICTED_STEPS = 8;
    /** Default cap on power steps. */
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;

    private PerronRoot() {
    }

    /**
     * @param operator the symmetric nonnegative operator
     * @return lambda_max with a bracket of relative width at most {@link #DEFAULT_TOLERANCE}
     *     (or the best reached in {@link #DEFAULT_MAX_ITERATIONS} power steps)
     */
    public static CertifiedEigenvalue of(NonnegativeOperator operator) {
        return of(operator, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param operator the symmetric nonnegative operator
     * @param tolerance the relative bracket width at which to stop
     * @param maxIterations the cap on power steps (the Lanczos start adds at most 60 applications)
     * @return lambda_max with its bracket; its iteration count is every operator application
     */
    public static CertifiedEigenvalue of(NonnegativeOperator operator, double tolerance, int maxIterations) {
        int n = operator.size();
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0 / Math.sqrt(n));
        return iterate(operator, tolerance, maxIterations, x).value();
    }

    /**
     * The same bracket from a given start: any positive vector serves, and one near the Perron vector
     * (for instance that of an entrywise bound on the operator, {@link MixCoherenceBracket}) saves products.
     *
     * @param operator the symmetric nonnegative operator
     * @param tolerance the relative bracket width at which to stop
     * @param maxIterations the cap on power steps
     * @param start a positive vector (not modified)
     * @return lambda_max with its bracket and the final iterate
     */
    public static Iterate of(NonnegativeOperator operator, double tolerance, int maxIterations, double[] start) {
        double norm = Math.sqrt(java.util.Arrays.stream(start).map(v -> v * v).sum());
        double[] from = start;
        if (!(norm >= Double.MIN_NORMAL) || Double.isInfinite(norm)) {
            // The squares under- or overflowed (a start of subnormal entries, as the positive floor of a zero
            // vector gives): scale by the largest entry first. Only then, so that other starts keep their bits.
            from = scaledByLargest(start);
            norm = Math.sqrt(java.util.Arrays.stream(from).map(v -> v * v).sum());
        }
        double[] x = new double[start.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = from[i] / norm;
        }
        return iterate(operator, tolerance, maxIterations, x);
    }

    private static double[] scaledByLargest(double[] start) {
        double largest = 0.0;
        for (double v : start) {
            largest = Math.max(largest, Math.abs(v));
        }
        if (!(largest > 0.0) || Double.isInfinite(largest)) {
            throw new IllegalArgumentException("start vector must be finite and not zero, largest entry " + largest);
        }
        double[] scaled = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            scaled[i] = start[i] / largest;
        }
        return scaled;
    }

    /**
     * @param value lambda_max with its bracket
     * @param vector the final unit iterate, an approximate Perron vector
     */
    public record Iterate(CertifiedEigenvalue value, double[] vector) {
    }

    private static Iterate iterate(NonnegativeOperator operator, double tolerance, int maxIterations, double[] x0) {
        int n = operator.size();
        double[] x = x0;
        double[] sx = new double[n];
        double lower = 0.0;
        double upper = Double.POSITIVE_INFINITY;
        double estimate = 0.0;
        double previousWidth = Double.NaN;
        boolean restarted = false;
        int iterations = 0;
        for (int power = 0; power < Math.max(1, maxIterations); power++) {
            operator.apply(x, sx);
            iterations++;
            Step step = Step.of(x, sx);
            estimate = step.rayleigh;
            lower = Math.max(lower, Math.max(step.minRatio, step.rayleigh));
            upper = Math.min(upper, step.maxRatio);
            if (step.norm == 0.0) {
                return new Iterate(new CertifiedEigenvalue(0.0, 0.0, 0.0, iterations), x);
            }
            double width = (upper - lower) / upper;
            if (width <= tolerance) {
                break;
            }
            for (int i = 0; i < n; i++) {
                x[i] = sx[i] / step.norm;
            }
            if (!restarted && power >= 1 && slow(previousWidth, width, tolerance)) {
                LanczosStart start = LanczosStart.of(operator, tolerance, x);
                x = start.vector();
                iterations += start.products();
                restarted = true;
            }
            previousWidth = width;
        }
        if (lower > upper) {
            // The two bounds met and crossed by rounding (an ulp or so): the bracket is the interval between them.
            double crossed = lower;
            lower = upper;
            upper = crossed;
        }
        return new Iterate(new CertifiedEigenvalue(Math.min(Math.max(estimate, lower), upper), lower, upper,
                iterations), x);
    }

    /** Whether, at the observed contraction of the bracket, power steps need more than the restart threshold. */
    private static boolean slow(double previousWidth, double width, double tolerance) {
        if (!(width < previousWidth) || !Double.isFinite(previousWidth)) {
            // Not shrinking yet (an infinite upper bound, or a stall): Lanczos can only help.
            return true;
        }
        double stepsLeft = FastMath.log(tolerance / width) / FastMath.log(width / previousWidth);
        return stepsLeft > LANCZOS_AFTER_PREDICTED_STEPS;
    }

    /** The bounds one application yields: Collatz-Wielandt ratios and the Rayleigh quotient. */
    private record Step(double minRatio, double maxRatio, double rayleigh, double norm) {
        static Step of(double[] x, double[] sx) {
            double min = Double.POSITIVE_INFINITY;
            double max = 0.0;
            double xsx = 0.0;
            double xx = 0.0;
            double sxsx = 0.0;
            for (int i = 0; i < x.length; i++) {
                xsx += x[i] * sx[i];
                xx += x[i] * x[i];
                sxsx += sx[i] * sx[i];
                if (x[i] > 0.0) {
                    double ratio = sx[i] / x[i];
                    min = Math.min(min, ratio);
                    max = Math.max(max, ratio);
                } else if (sx[i] > 0.0) {
                    // A zero coordinate with mass flowing in: no finite Collatz-Wielandt upper bound yet.
                    max = Double.POSITIVE_INFINITY;
                }
            }
            double rayleigh = xx == 0.0 ? 0.0 : xsx / xx;
            return new Step(min == Double.POSITIVE_INFINITY ? 0.0 : min, max, rayleigh, Math.sqrt(sxsx));
        }
    }
}
