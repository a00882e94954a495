package org.unlearnstability.experiment.fig1;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.util.FastMath;
import org.unlearnstability.rng.RandomStreams;

/**
 * The paper's Monte Carlo protocol (section 3.1: w_0 ~ N(0, I), K updates (2), the ratio
 * ||w_K|| / ||w_0||) on the section 3.1 construction, for several learning rates at once.
 *
 * <p>J_k is diagonal (see {@link Section31Law}), so w_K = (prod_k J_k) w_0 and coordinate c of the
 * product is prod_k J_k,cc: the product of factors that depend only on how many of c's samples were in
 * each batch. The run therefore draws the K batches once ({@link Section31Batches}, O(batch) per step),
 * counts per coordinate how often each outcome occurred, and only then, for every learning rate,
 * forms log|prod_k J_k,cc| = sum over outcomes of count x log|factor|. This is the same w_K as
 * K explicit updates (the factors of a diagonal product commute; the test checks it against the
 * literal update), costs O(batch) per step whatever the number of learning rates, never overflows
 * (it stays in logarithms), and uses the same batches and w_0 for every learning rate (common random
 * numbers: the panels of Figure 1 differ only by eta).
 */
public final class Section31Simulation {
    private final Section31Law law;
    private final double[] etas;
    private final int steps;

    /**
     * @param law the construction and sampler
     * @param etas the learning rates
     * @param steps K
     */
    public Section31Simulation(Section31Law law, double[] etas, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        this.law = law;
        this.etas = etas.clone();
        this.steps = steps;
    }

    /**
     * One run: draws w_0 (d standard normals) and then K steps' batches from the stream.
     *
     * @param rng the run's stream
     * @return ln(||w_K|| / ||w_0||) for each learning rate (negative infinity when w_K = 0)
     */
    public double[] logGrowth(UniformRandomProvider rng) {
        int d = law.dimension();
        int s = law.singletons();
        int q = law.q();
        double[] w0 = RandomStreams.gaussian(rng, d);
        Section31Batches batches = new Section31Batches(law, rng);
        long[] groupOutcomes = new long[(q + 1) * (q + 1)];
        int[] retainHits = new int[s];
        int[] forgetHits = new int[s];
        int[] bothHits = new int[s];
        int[] retainStamp = new int[s];
        for (int k = 1; k <= steps; k++) {
            batches.next();
            groupOutcomes[batches.retainGroup() * (q + 1) + batches.forgetGroup()]++;
            for (int i = 0; i < batches.retainSingletons(); i++) {
                int c = batches.retainSingleton(i);
                retainHits[c]++;
                retainStamp[c] = k;
            }
            for (int i = 0; i < batches.forgetSingletons(); i++) {
                int c = batches.forgetSingleton(i);
                forgetHits[c]++;
                if (retainStamp[c] == k) {
                    bothHits[c]++;
                }
            }
        }
        double logNorm0 = 0.5 * FastMath.log(sumOfSquares(w0));
        double[] growth = new double[etas.length];
        double[] logCoordinates = new double[d];
        // ln|w_0,c| does not depend on eta: one logarithm per coordinate, not one per coordinate and eta.
        double[] logW0 = new double[d];
        for (int c = 0; c < d; c++) {
            logW0[c] = logAbs(w0[c]);
        }
        for (int e = 0; e < etas.length; e++) {
            double eta = etas[e];
            logCoordinates[0] = logW0[0] + groupLog(eta, groupOutcomes);
            double logRetain = FastMath.log(Math.abs(law.factor(eta, 1, 0)));
            double logForget = FastMath.log(Math.abs(law.factor(eta, 0, 1)));
            double logBoth = FastMath.log(Math.abs(law.factor(eta, 1, 1)));
            for (int c = 0; c < s; c++) {
                logCoordinates[c + 1] = logW0[c + 1]
                        + times(retainHits[c] - bothHits[c], logRetain)
                        + times(forgetHits[c] - bothHits[c], logForget)
                        + times(bothHits[c], logBoth);
            }
            growth[e] = logNorm(logCoordinates) - logNorm0;
        }
        return growth;
    }

    private double groupLog(double eta, long[] outcomes) {
        int q = law.q();
        double sum = 0.0;
        for (int xr = 0; xr <= q; xr++) {
            for (int xf = 0; xf <= q; xf++) {
                long count = outcomes[xr * (q + 1) + xf];
                if (count > 0) {
                    sum += count * FastMath.log(Math.abs(law.factor(eta, xr, xf)));
                }
            }
        }
        return sum;
    }

    /** count x log, where an outcome that never occurred contributes 0 even if its factor is 0. */
    static double times(long count, double log) {
        return count == 0 ? 0.0 : count * log;
    }

    private static double logAbs(double x) {
        return FastMath.log(Math.abs(x));
    }

    /** ln ||v|| from ln|v_c|, scaled by the largest term so it neither overflows nor underflows. */
    static double logNorm(double[] logAbs) {
        double top = Double.NEGATIVE_INFINITY;
        for (double l : logAbs) {
            top = Math.max(top, l);
        }
        if (top == Double.NEGATIVE_INFINITY) {
            return top;
        }
        double sum = 0.0;
        for (double l : logAbs) {
            sum += FastMath.exp(2 * (l - top));
        }
        return top + 0.5 * FastMath.log(sum);
    }

    static double sumOfSquares(double[] v) {
        double sum = 0.0;
        for (double x : v) {
            sum += x * x;
        }
        return sum;
    }
}
