package org.unlearnstability.experiment.fig1;

import java.util.function.IntToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.util.FastMath;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.rng.RandomStreams;

/**
 * The exact coordinate-wise law of update (3) on the {@link ClusterConstruction}, and its Monte Carlo protocol.
 * Coordinate c carries a_c retain and b_c forget samples; its factor is 1 - eta (m/B) ((1-alpha) X_r - alpha X_f)
 * with X_r, X_f the numbers of them in the two (independent) batches: Binomial(a, B/n) under Bernoulli batches,
 * Hypergeometric(n, a, B) without replacement. Three kinds of coordinate: e_1 (a = Q, b = k), the Q - k singleton
 * directions that also carry a forget cluster sample (a = 1, b = 2) and the rest (a = b = 1). As in
 * {@link Section31Law}: rho = max_c E J_cc^2 and the top Lyapunov exponent is max_c E log|J_cc|, now by summing
 * over the joint law of (X_r, X_f) instead of closed-form moments.
 */
final class ClusterLaw extends CoordinateLaw {
    /** Per coordinate kind: retain samples, forget samples, how many coordinates. */
    private final int[][] kinds;
    private final double[][] retainPmf;
    private final double[][] forgetPmf;

    /**
     * @param n n_r = n_f
     * @param q Q
     * @param k the forget cluster's samples on e_1
     * @param batch B
     * @param alpha the forget weight
     * @param sampler how batches are drawn
     */
    ClusterLaw(int n, int q, int k, int batch, double alpha, BatchSampler sampler) {
        super(n, q, batch, alpha, sampler);
        if (q < 1 || q > n || k < 0 || k > q || n - q < q - k || batch < 1 || batch > n) {
            throw new IllegalArgumentException("cluster law needs 1 <= Q <= n, 0 <= k <= Q, n - Q >= Q - k and "
                    + "1 <= B <= n, got n = " + n + ", Q = " + q + ", k = " + k + ", B = " + batch);
        }
        this.kinds = new int[][] {{q, k, 1}, {1, 2, q - k}, {1, 1, n - 2 * q + k}};
        this.retainPmf = new double[kinds.length][];
        this.forgetPmf = new double[kinds.length][];
        for (int t = 0; t < kinds.length; t++) {
            retainPmf[t] = Section31Law.groupPmf(n, kinds[t][0], batch, sampler);
            forgetPmf[t] = Section31Law.groupPmf(n, kinds[t][1], batch, sampler);
        }
    }

    /** E J^2 on coordinates of kind t. */
    private double meanSquare(int t, double eta) {
        double sum = 0.0;
        for (int xr = 0; xr < retainPmf[t].length; xr++) {
            for (int xf = 0; xf < forgetPmf[t].length; xf++) {
                double f = factor(eta, xr, xf);
                sum += retainPmf[t][xr] * forgetPmf[t][xf] * f * f;
            }
        }
        return sum;
    }

    /** E log|J| on coordinates of kind t (an impossible outcome contributes nothing). */
    private double kindLyapunov(int t, double eta) {
        double sum = 0.0;
        for (int xr = 0; xr < retainPmf[t].length; xr++) {
            for (int xf = 0; xf < forgetPmf[t].length; xf++) {
                double p = retainPmf[t][xr] * forgetPmf[t][xf];
                if (p != 0.0) {
                    sum += p * FastMath.log(Math.abs(factor(eta, xr, xf)));
                }
            }
        }
        return sum;
    }

    /**
     * @param eta the learning rate
     * @return rho = max_c E J_cc^2
     */
    double rho(double eta) {
        return maxOverKinds(0, t -> meanSquare(t, eta));
    }

    /** The largest value over the kinds from first on that have coordinates (-infinity when none has). */
    private double maxOverKinds(int first, IntToDoubleFunction value) {
        double top = Double.NEGATIVE_INFINITY;
        for (int t = first; t < kinds.length; t++) {
            if (kinds[t][2] > 0) {
                top = Math.max(top, value.applyAsDouble(t));
            }
        }
        return top;
    }

    @Override
    public double log10MeanSquareGrowth(double eta, int steps) {
        double top = Double.NEGATIVE_INFINITY;
        double[] terms = new double[kinds.length];
        for (int t = 0; t < kinds.length; t++) {
            terms[t] = kinds[t][2] > 0 ? FastMath.log(kinds[t][2]) + steps * FastMath.log(meanSquare(t, eta))
                    : Double.NEGATIVE_INFINITY;
            top = Math.max(top, terms[t]);
        }
        double sum = 0.0;
        for (double term : terms) {
            sum += term == Double.NEGATIVE_INFINITY ? 0.0 : FastMath.exp(term - top);
        }
        return (top + FastMath.log(sum) - FastMath.log(dimension())) / FastMath.log(10);
    }

    @Override
    public double lyapunov(double eta) {
        return Math.max(groupLyapunov(eta), singletonLyapunov(eta));
    }

    @Override
    public double groupLyapunov(double eta) {
        return kindLyapunov(0, eta);
    }

    @Override
    public double singletonLyapunov(double eta) {
        return maxOverKinds(1, t -> kindLyapunov(t, eta));
    }

    @Override
    public double groupZeroProbability(double eta) {
        double p0 = 0.0;
        for (int xr = 0; xr < retainPmf[0].length; xr++) {
            for (int xf = 0; xf < forgetPmf[0].length; xf++) {
                if (factor(eta, xr, xf) == 0.0) {
                    p0 += retainPmf[0][xr] * forgetPmf[0][xf];
                }
            }
        }
        return p0;
    }

    @Override
    public double groupSurvivingDrift(double eta) {
        double sum = 0.0;
        double mass = 0.0;
        for (int xr = 0; xr < retainPmf[0].length; xr++) {
            for (int xf = 0; xf < forgetPmf[0].length; xf++) {
                double f = factor(eta, xr, xf);
                double p = retainPmf[0][xr] * forgetPmf[0][xf];
                if (f != 0.0 && p != 0.0) {
                    sum += p * FastMath.log(Math.abs(f));
                    mass += p;
                }
            }
        }
        return mass == 0.0 ? Double.NEGATIVE_INFINITY : sum / mass;
    }

    /**
     * Draws w_0 (d standard normals), then per step the retain batch and the forget batch (each sample in with
     * probability B/n under Bernoulli batches; a uniform B-subset, partial Fisher-Yates, without replacement),
     * counts per coordinate how often each (X_r, X_f) occurred, and forms log|w_K,c| for every learning rate from
     * the counts, as {@link Section31Simulation} does.
     */
    @Override
    public double[] logGrowth(double[] etas, int steps, UniformRandomProvider rng) {
        int d = dimension();
        int k = kinds[0][1];
        int[] retainCoordinate = new int[n];
        int[] forgetCoordinate = new int[n];
        int[] retainOn = new int[d];
        int[] forgetOn = new int[d];
        for (int i = 0; i < n; i++) {
            retainCoordinate[i] = i < q ? 0 : i - q + 1;
            forgetCoordinate[i] = ClusterConstruction.forgetCoordinate(i, q, k);
            retainOn[retainCoordinate[i]]++;
            forgetOn[forgetCoordinate[i]]++;
        }
        double[] w0 = RandomStreams.gaussian(rng, d);
        long[][] outcomes = new long[d][];
        for (int c = 0; c < d; c++) {
            outcomes[c] = new long[(retainOn[c] + 1) * (forgetOn[c] + 1)];
        }
        int[] retainOrder = identity(n);
        int[] forgetOrder = identity(n);
        int[] xr = new int[d];
        int[] xf = new int[d];
        for (int step = 0; step < steps; step++) {
            drawBatch(rng, retainOrder, retainCoordinate, xr);
            drawBatch(rng, forgetOrder, forgetCoordinate, xf);
            for (int c = 0; c < d; c++) {
                outcomes[c][xr[c] * (forgetOn[c] + 1) + xf[c]]++;
                xr[c] = 0;
                xf[c] = 0;
            }
        }
        double logNorm0 = 0.5 * FastMath.log(Section31Simulation.sumOfSquares(w0));
        double[] growth = new double[etas.length];
        double[] logCoordinates = new double[d];
        for (int e = 0; e < etas.length; e++) {
            for (int c = 0; c < d; c++) {
                double sum = FastMath.log(Math.abs(w0[c]));
                for (int o = 0; o < outcomes[c].length; o++) {
                    double f = factor(etas[e], o / (forgetOn[c] + 1), o % (forgetOn[c] + 1));
                    sum += Section31Simulation.times(outcomes[c][o], FastMath.log(Math.abs(f)));
                }
                logCoordinates[c] = sum;
            }
            growth[e] = Section31Simulation.logNorm(logCoordinates) - logNorm0;
        }
        return growth;
    }

    /** Adds the samples of one batch to the per-coordinate counts. */
    private void drawBatch(UniformRandomProvider rng, int[] order, int[] coordinate, int[] counts) {
        if (sampler == BatchSampler.BERNOULLI) {
            double p = (double) batch / n;
            for (int i = 0; i < n; i++) {
                if (rng.nextDouble() < p) {
                    counts[coordinate[i]]++;
                }
            }
            return;
        }
        for (int i = 0; i < batch; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            counts[coordinate[order[i]]]++;
        }
    }

    private static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }
}
