package org.unlearnstability.coherence;

/**
 * The Perron root lambda_max of a symmetric nonnegative operator by power iteration, stopped when
 * the certified bracket of {@link CertifiedEigenvalue} is narrower than a relative tolerance.
 *
 * <p>Power iteration is the natural method here: the iterates stay positive, so every step yields
 * a Collatz-Wielandt upper bound as a by-product, and the Rayleigh quotient of a symmetric
 * operator is a lower bound that converges twice as fast as the iterate.
 */
public final class PerronRoot {
    /** Default relative width of the certified bracket. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** Default cap on operator applications. */
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;

    private PerronRoot() {
    }

    /**
     * @param operator the symmetric nonnegative operator
     * @return lambda_max with a bracket of relative width at most {@link #DEFAULT_TOLERANCE}
     *     (or the best reached in {@link #DEFAULT_MAX_ITERATIONS} steps)
     */
    public static CertifiedEigenvalue of(NonnegativeOperator operator) {
        return of(operator, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param operator the symmetric nonnegative operator
     * @param tolerance the relative bracket width at which to stop
     * @param maxIterations the cap on operator applications
     * @return lambda_max with its bracket
     */
    public static CertifiedEigenvalue of(NonnegativeOperator operator, double tolerance, int maxIterations) {
        int n = operator.size();
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0 / Math.sqrt(n));
        double[] sx = new double[n];
        double lower = 0.0;
        double upper = Double.POSITIVE_INFINITY;
        double estimate = 0.0;
        int iterations = 0;
        while (iterations < maxIterations) {
            operator.apply(x, sx);
            iterations++;
            Step step = Step.of(x, sx);
            estimate = step.rayleigh;
            lower = Math.max(lower, Math.max(step.minRatio, step.rayleigh));
            upper = Math.min(upper, step.maxRatio);
            if (step.norm == 0.0) {
                return new CertifiedEigenvalue(0.0, 0.0, 0.0, iterations);
            }
            if (upper - lower <= tolerance * upper) {
                break;
            }
            for (int i = 0; i < n; i++) {
                x[i] = sx[i] / step.norm;
            }
        }
        return new CertifiedEigenvalue(Math.min(Math.max(estimate, lower), upper), lower, upper, iterations);
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
