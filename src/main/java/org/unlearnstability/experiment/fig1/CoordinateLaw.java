package org.unlearnstability.experiment.fig1;

import org.apache.commons.rng.UniformRandomProvider;
import org.unlearnstability.dynamics.BatchSampler;

/**
 * The exact law of update (3) on a Figure 1 construction whose Hessians are all m e_c e_c^T: J_k is diagonal,
 * each coordinate is multiplied by its own factor 1 - eta (m/B) ((1-alpha) X_r - alpha X_f) each step (X_r, X_f
 * the samples on that coordinate in the two batches), independently over steps. Coordinate e_1 is the "group"
 * (the retain cluster's direction); the others are "singleton" directions.
 */
abstract class CoordinateLaw {
    /** n_r = n_f. */
    final int n;
    /** Q, the retain samples on e_1. */
    final int q;
    /** B. */
    final int batch;
    /** The forget weight. */
    final double alpha;
    /** How batches are drawn. */
    final BatchSampler sampler;
    /** m / B = 2n / (Q B), m = 2n/Q the Hessian scale of the construction. */
    private final double mOverB;

    /**
     * The subclass checks the arguments (the law it builds says what it needs).
     *
     * @param n n_r = n_f
     * @param q Q
     * @param batch B
     * @param alpha the forget weight
     * @param sampler how batches are drawn
     */
    CoordinateLaw(int n, int q, int batch, double alpha, BatchSampler sampler) {
        this.n = n;
        this.q = q;
        this.batch = batch;
        this.alpha = alpha;
        this.sampler = sampler;
        this.mOverB = 2.0 * n / q / batch;
    }

    /** @return Q */
    int q() {
        return q;
    }

    /** @return B */
    int batch() {
        return batch;
    }

    /** @return d = n - Q + 1 */
    int dimension() {
        return n - q + 1;
    }

    /** @return n - Q, the number of singleton directions (each hit by a single sample of each set) */
    int singletons() {
        return n - q;
    }

    /**
     * The diagonal entry of J_k (eq. (3)) on a coordinate whose samples appear xr times in the retain
     * batch and xf times in the forget batch. The simulation multiplies by exactly this double.
     *
     * @param eta the learning rate
     * @param xr retain samples of the coordinate in the batch
     * @param xf forget samples of the coordinate in the batch
     * @return 1 - eta (m/B) ((1-alpha) xr - alpha xf)
     */
    double factor(double eta, int xr, int xf) {
        return 1.0 - eta * (mOverB * ((1.0 - alpha) * xr - alpha * xf));
    }

    /** @return m / B */
    final double mOverB() {
        return mOverB;
    }

    /**
     * @param eta the learning rate
     * @param steps k
     * @return log10(E||w_k||^2 / E||w_0||^2) with w_0 ~ N(0, I), exactly
     */
    abstract double log10MeanSquareGrowth(double eta, int steps);

    /**
     * @param eta the learning rate
     * @return the top Lyapunov exponent max_c E log|J_cc| (the almost-sure growth rate of ||w_k||)
     */
    abstract double lyapunov(double eta);

    /**
     * @param eta the learning rate
     * @return E log|J_11| on e_1
     */
    abstract double groupLyapunov(double eta);

    /**
     * @param eta the learning rate
     * @return the largest E log|J_cc| over the singleton directions
     */
    abstract double singletonLyapunov(double eta);

    /**
     * @param eta the learning rate
     * @return the probability per step that e_1's factor is exactly 0
     */
    abstract double groupZeroProbability(double eta);

    /**
     * @param eta the learning rate
     * @return E[log|J_11| | J_11 != 0]
     */
    abstract double groupSurvivingDrift(double eta);

    /**
     * One run of the paper's protocol: w_0 ~ N(0, I) and K steps' batches from the stream.
     *
     * @param etas the learning rates (every one reuses the same w_0 and batches)
     * @param steps K
     * @param rng the run's stream
     * @return ln(||w_K|| / ||w_0||) per learning rate
     */
    abstract double[] logGrowth(double[] etas, int steps, UniformRandomProvider rng);
}
