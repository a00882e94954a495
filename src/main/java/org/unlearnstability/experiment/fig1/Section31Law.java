package org.unlearnstability.experiment.fig1;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.distribution.discrete.HypergeometricDistribution;
import org.hipparchus.util.FastMath;
import org.unlearnstability.dynamics.BatchSampler;

/**
 * The exact one-step law of update (3) on the section 3.1 construction, coordinate by coordinate.
 *
 * <p>Every Hessian of the construction is m e_c e_c^T (m = 2n/Q), so J_k is diagonal and each
 * coordinate evolves on its own: coordinate e_1 (the "group", shared by Q samples of each set) is
 * multiplied by 1 - eta (m/B) ((1-alpha) X_r - alpha X_f), where X_r, X_f are the numbers of group
 * samples in the two batches, and each of the n - Q other coordinates (the "singletons", one retain and
 * one forget sample each) by the same expression with X_r, X_f in {0, 1}. The two sets are drawn
 * independently, and the steps are independent. Hence, with w_0 ~ N(0, I):
 * <ul>
 *   <li>E||w_k||^2 = sum_c (E J_cc^2)^k, so the mean-square spectral radius is rho = max_c E J_cc^2
 *       (the diagonal entries are the whole story: off-diagonal entries of the second moment grow by
 *       E J_aa J_bb, at most the larger of the two by Cauchy-Schwarz), and the critical learning rate is
 *       etaStar = min_c 2 E Z_c / E Z_c^2 for J_cc = 1 - eta Z_c (0 when some E Z_c &lt;= 0: that coordinate
 *       never contracts in mean square; every coordinate carries samples, so none is a null direction);</li>
 *   <li>the top Lyapunov exponent (the almost-sure growth rate of ||w_k||) is max_c E log|J_cc|.</li>
 * </ul>
 * Under Bernoulli batches X ~ Binomial(Q, B/n); without replacement X ~ Hypergeometric(n, Q, B). A
 * singleton sample is in its batch with probability B/n under both samplers.
 */
public final class Section31Law extends CoordinateLaw {
    private final double inclusion;
    private final double[] groupPmf;

    /**
     * @param n n_r = n_f
     * @param q Q, the number of samples of each set on e_1
     * @param batch B
     * @param alpha the forget weight
     * @param sampler how batches are drawn
     */
    public Section31Law(int n, int q, int batch, double alpha, BatchSampler sampler) {
        super(n, q, batch, alpha, sampler);
        if (n < 1 || q < 1 || q > n || batch < 1 || batch > n) {
            throw new IllegalArgumentException("section 3.1 law needs 1 <= Q <= n and 1 <= B <= n, got n = " + n
                    + ", Q = " + q + ", B = " + batch);
        }
        this.inclusion = (double) batch / n;
        this.groupPmf = groupPmf(n, q, batch, sampler);
    }

    /**
     * @param n the set's size
     * @param q samples of the set on one coordinate
     * @param batch B
     * @param sampler how batches are drawn
     * @return P(X = k), k = 0..q, for X the number of them in one batch
     */
    static double[] groupPmf(int n, int q, int batch, BatchSampler sampler) {
        double[] pmf = new double[q + 1];
        if (sampler == BatchSampler.BERNOULLI) {
            BinomialDistribution x = new BinomialDistribution(q, (double) batch / n);
            for (int k = 0; k <= q; k++) {
                pmf[k] = x.probability(k);
            }
        } else {
            HypergeometricDistribution x = new HypergeometricDistribution(n, q, batch);
            for (int k = 0; k <= q; k++) {
                pmf[k] = x.probability(k);
            }
        }
        return pmf;
    }

    /** @return n_r = n_f */
    public int n() {
        return n;
    }

    /** @return the sampler */
    public BatchSampler sampler() {
        return sampler;
    }

    /** @return P(X = k), k = 0..Q, the number of group samples in one batch */
    public double[] groupPmf() {
        return groupPmf.clone();
    }

    /** @return the probability B/n that a given singleton sample is in its set's batch */
    public double singletonInclusion() {
        return inclusion;
    }

    /**
     * @param eta the learning rate
     * @return rho = max_c E J_cc^2, the growth factor per step of E||w_k||^2
     */
    public double rho(double eta) {
        double rho = groupMoments().meanSquare(eta);
        if (singletons() > 0) {
            rho = Math.max(rho, singletonMoments().meanSquare(eta));
        }
        return rho;
    }

    /** @return sup{eta > 0 : rho(eta) &lt; 1}, closed form per coordinate (quadratic in eta) */
    public double etaStar() {
        double etaStar = groupMoments().critical();
        if (singletons() > 0) {
            etaStar = Math.min(etaStar, singletonMoments().critical());
        }
        return etaStar;
    }

    /**
     * @param eta the learning rate
     * @param steps k
     * @return log10(E||w_k||^2 / E||w_0||^2) = log10((1/d) sum_c (E J_cc^2)^k), exactly
     */
    @Override
    public double log10MeanSquareGrowth(double eta, int steps) {
        double group = steps * FastMath.log(groupMoments().meanSquare(eta));
        double total = group;
        if (singletons() > 0) {
            double single = FastMath.log(singletons()) + steps * FastMath.log(singletonMoments().meanSquare(eta));
            double top = Math.max(group, single);
            total = top + FastMath.log(FastMath.exp(group - top) + FastMath.exp(single - top));
        }
        return (total - FastMath.log(dimension())) / FastMath.log(10);
    }

    /**
     * @param eta the learning rate
     * @return the top Lyapunov exponent max_c E log|J_cc| (negative infinity when every coordinate
     *     can be zeroed with positive probability)
     */
    @Override
    public double lyapunov(double eta) {
        double top = groupLyapunov(eta);
        if (singletons() > 0) {
            top = Math.max(top, singletonLyapunov(eta));
        }
        return top;
    }

    /**
     * @param eta the learning rate
     * @return E log|J_11| on the group coordinate e_1
     */
    @Override
    public double groupLyapunov(double eta) {
        double sum = 0.0;
        for (int xr = 0; xr <= q; xr++) {
            for (int xf = 0; xf <= q; xf++) {
                sum += weightedLog(groupPmf[xr] * groupPmf[xf], factor(eta, xr, xf));
            }
        }
        return sum;
    }

    /**
     * @param eta the learning rate
     * @return E log|J_cc| on a singleton coordinate
     */
    @Override
    public double singletonLyapunov(double eta) {
        double p = inclusion;
        return weightedLog(p * (1 - p), factor(eta, 1, 0)) + weightedLog((1 - p) * p, factor(eta, 0, 1))
                + weightedLog(p * p, factor(eta, 1, 1));
    }

    /**
     * Batch patterns can make J_11 exactly 0 (when eta (m/B)((1-alpha) x_r - alpha x_f) = 1): then
     * E log|J_11| = -infinity although a run of K steps meets such a pattern only with probability
     * 1 - (1 - p0)^K and otherwise grows at the drift of the surviving path.
     *
     * @param eta the learning rate
     * @return p0, the probability per step that the group coordinate is set to exactly 0
     */
    @Override
    public double groupZeroProbability(double eta) {
        double p0 = 0.0;
        for (int xr = 0; xr <= q; xr++) {
            for (int xf = 0; xf <= q; xf++) {
                if (factor(eta, xr, xf) == 0.0) {
                    p0 += groupPmf[xr] * groupPmf[xf];
                }
            }
        }
        return p0;
    }

    /**
     * @param eta the learning rate
     * @return E[log|J_11| | J_11 != 0], the growth rate per step of the group coordinate along a path that
     *     has not (yet) been set to 0
     */
    @Override
    public double groupSurvivingDrift(double eta) {
        double sum = 0.0;
        double mass = 0.0;
        for (int xr = 0; xr <= q; xr++) {
            for (int xf = 0; xf <= q; xf++) {
                double f = factor(eta, xr, xf);
                if (f != 0.0) {
                    sum += weightedLog(groupPmf[xr] * groupPmf[xf], f);
                    mass += groupPmf[xr] * groupPmf[xf];
                }
            }
        }
        return mass == 0.0 ? Double.NEGATIVE_INFINITY : sum / mass;
    }

    @Override
    public double[] logGrowth(double[] etas, int steps, UniformRandomProvider rng) {
        return new Section31Simulation(this, etas, steps).logGrowth(rng);
    }

    /** An impossible outcome contributes nothing, even when its factor is zero. */
    private static double weightedLog(double probability, double factor) {
        return probability == 0.0 ? 0.0 : probability * FastMath.log(Math.abs(factor));
    }

    private Moments groupMoments() {
        double mean;
        double variance;
        if (sampler == BatchSampler.BERNOULLI) {
            mean = q * inclusion;
            variance = q * inclusion * (1 - inclusion);
        } else {
            mean = batch * (double) q / n;
            variance = n == 1 ? 0.0 : mean * (1.0 - (double) q / n) * (n - batch) / (n - 1.0);
        }
        return moments(mean, variance + mean * mean);
    }

    private Moments singletonMoments() {
        return moments(inclusion, inclusion);
    }

    /** Z = (m/B)((1-alpha) X_r - alpha X_f) with X_r, X_f independent copies of X. */
    private Moments moments(double meanX, double secondX) {
        double a = 1.0 - alpha;
        double meanZ = mOverB() * (a - alpha) * meanX;
        double secondZ = mOverB() * mOverB() * ((a * a + alpha * alpha) * secondX - 2 * a * alpha * meanX * meanX);
        return new Moments(meanZ, secondZ);
    }

    /** E Z and E Z^2 of one coordinate, with J_cc = 1 - eta Z. */
    private record Moments(double meanZ, double secondZ) {
        double meanSquare(double eta) {
            return 1.0 - 2.0 * eta * meanZ + eta * eta * secondZ;
        }

        /** E J^2 = 1 - 2 eta E Z + eta^2 E Z^2 &lt; 1 iff eta &lt; 2 E Z / E Z^2; never when E Z &lt;= 0. */
        double critical() {
            return meanZ <= 0.0 ? 0.0 : 2.0 * meanZ / secondZ;
        }
    }
}
