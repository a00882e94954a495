package org.unlearnstability.coherence;

import org.hipparchus.util.FastMath;
import org.unlearnstability.linalg.Lanczos;
import org.unlearnstability.linalg.Vectors;

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
    /** Cap on the steps of {@link #byLanczos} before the power steps take over. */
    static final int LANCZOS_MAX_STEPS = 60;

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
        return iterate(operator, tolerance, maxIterations, unitStart(start));
    }

    /** The start divided by its norm (its bits as before for every start whose squares neither under- nor overflow). */
    private static double[] unitStart(double[] start) {
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
        return x;
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
     * The bracket by Lanczos steps alone, certified at every step: the top Ritz vector y, made positive, and its
     * image S y (combined from the images of the Lanczos vectors, so no product beyond the Lanczos steps) give the
     * Collatz-Wielandt bracket [min_i (S y)_i / y_i, max_i (S y)_i / y_i], widened by the rounding bound of the
     * combination, and the Rayleigh quotient as a further lower bound. The brackets of all steps are certified, so
     * their intersection is; the steps stop once it is narrower than the tolerance. For operators whose products
     * are expensive and for a start near the Perron vector (the Perron vector of a nearby operator: stability
     * frontier cells), this takes the fewest products: the power steps of {@link #of(NonnegativeOperator, double,
     * int, double[])} spend at least one product after Lanczos to certify. When no step reaches the tolerance in
     * {@link #LANCZOS_MAX_STEPS} the power steps go on from the last positive Ritz vector.
     *
     * @param operator the symmetric nonnegative operator
     * @param tolerance the relative bracket width at which to stop
     * @param start a positive vector (not modified)
     * @return lambda_max with its bracket and the last positive Ritz vector (or the start)
     */
    public static Iterate byLanczos(NonnegativeOperator operator, double tolerance, double[] start) {
        double[] unit = unitStart(start);
        LanczosBracket bracket = new LanczosBracket(unit);
        Lanczos.RitzPair last = Lanczos.topRitzPair(operator, unit, LANCZOS_MAX_STEPS,
                pair -> bracket.narrow(pair).relativeWidth() <= tolerance);
        CertifiedEigenvalue lanczos = bracket.value(last.steps());
        if (lanczos.relativeWidth() <= tolerance) {
            return new Iterate(lanczos, bracket.vector());
        }
        Iterate power = of(operator, tolerance, DEFAULT_MAX_ITERATIONS, bracket.vector());
        CertifiedEigenvalue both = power.value().intersect(lanczos);
        return new Iterate(new CertifiedEigenvalue(both.estimate(), both.lower(), both.upper(),
                last.steps() + both.iterations()), power.vector());
    }

    /** The intersection of the certified brackets of the Ritz pairs seen so far, and the last positive Ritz vector. */
    private static final class LanczosBracket {
        private CertifiedEigenvalue value = new CertifiedEigenvalue(0.0, 0.0, Double.POSITIVE_INFINITY, 0);
        private double[] vector;

        LanczosBracket(double[] start) {
            this.vector = start;
        }

        /**
         * Takes one Ritz pair's bracket in: the Collatz-Wielandt ratios and the Rayleigh quotient of y with the image
         * lowered by its rounding bound give the lower end, those with the image raised the upper end.
         */
        CertifiedEigenvalue narrow(Lanczos.RitzPair pair) {
            double sign = Math.signum(java.util.Arrays.stream(pair.vector()).sum());
            double[] y = Vectors.scaled(pair.vector(), sign);
            if (!java.util.Arrays.stream(y).allMatch(v -> v > 0.0)) {
                // Not positive: no Collatz-Wielandt bracket from this pair.
                return value;
            }
            double[] below = Vectors.scaled(pair.image(), sign);
            double[] above = below.clone();
            Vectors.addScaled(below, -1.0, pair.imageError());
            Vectors.addScaled(above, 1.0, pair.imageError());
            Step low = Step.of(y, below);
            Step high = Step.of(y, above);
            double lower = Math.max(low.minRatio, low.rayleigh);
            // Bounds that met and crossed by rounding (an ulp or so): the bracket is the interval between them.
            CertifiedEigenvalue step = new CertifiedEigenvalue(pair.value(), Math.min(lower, high.maxRatio),
                    Math.max(lower, high.maxRatio), 0);
            value = new CertifiedEigenvalue(step.estimate(), value.lower(), value.upper(), 0).intersect(step);
            vector = y;
            return value;
        }

        CertifiedEigenvalue value(int products) {
            return new CertifiedEigenvalue(value.estimate(), value.lower(), value.upper(), products);
        }

        double[] vector() {
            return vector;
        }
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
