package org.unlearnstability.experiment.fig1;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The exact law of update (3) on a Figure 1 construction whose Hessians are all m e_c e_c^T: J_k is diagonal,
 * each coordinate is multiplied by its own factor 1 - eta (m/B) ((1-alpha) X_r - alpha X_f) each step (X_r, X_f
 * the samples on that coordinate in the two batches), independently over steps. Coordinate e_1 is the "group"
 * (the retain cluster's direction); the others are "singleton" directions.
 */
interface CoordinateLaw {
    /** @return Q */
    int q();

    /** @return B */
    int batch();

    /**
     * @param eta the learning rate
     * @param steps k
     * @return log10(E||w_k||^2 / E||w_0||^2) with w_0 ~ N(0, I), exactly
     */
    double log10MeanSquareGrowth(double eta, int steps);

    /**
     * @param eta the learning rate
     * @return the top Lyapunov exponent max_c E log|J_cc| (the almost-sure growth rate of ||w_k||)
     */
    double lyapunov(double eta);

    /**
     * @param eta the learning rate
     * @return E log|J_11| on e_1
     */
    double groupLyapunov(double eta);

    /** @return the number of singleton directions */
    int singletons();

    /**
     * @param eta the learning rate
     * @return the largest E log|J_cc| over the singleton directions
     */
    double singletonLyapunov(double eta);

    /**
     * @param eta the learning rate
     * @return the probability per step that e_1's factor is exactly 0
     */
    double groupZeroProbability(double eta);

    /**
     * @param eta the learning rate
     * @return E[log|J_11| | J_11 != 0]
     */
    double groupSurvivingDrift(double eta);

    /**
     * One run of the paper's protocol: w_0 ~ N(0, I) and K steps' batches from the stream.
     *
     * @param etas the learning rates (every one reuses the same w_0 and batches)
     * @param steps K
     * @param rng the run's stream
     * @return ln(||w_K|| / ||w_0||) per learning rate
     */
    double[] logGrowth(double[] etas, int steps, UniformRandomProvider rng);
}
