package org.unlearnstability.experiment.fig1;

import java.io.Serializable;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.family.HessianFamily;

/**
 * Where the samples of a Figure 1 experiment put their curvature. Every Hessian is m e_c e_c^T with
 * m = 2n/Q, so the exact dynamics are coordinate-wise ({@link CoordinateLaw}) and the general operators of
 * the dynamics package check them.
 */
sealed interface Fig1Construction extends Serializable permits Section31Construction, ClusterConstruction {
    /**
     * @param n n_r = n_f
     * @param q Q
     * @return the family
     */
    HessianFamily family(int n, int q);

    /**
     * @param n n_r = n_f
     * @param q Q
     * @param batch B
     * @param alpha the forget weight
     * @param sampler how batches are drawn
     * @return the exact coordinate-wise law with its Monte Carlo protocol
     */
    CoordinateLaw law(int n, int q, int batch, double alpha, BatchSampler sampler);

    /**
     * @param n n_r = n_f
     * @return the largest Q the construction admits
     */
    int maxQ(int n);

    /**
     * @param n n_r = n_f
     * @param alpha the forget weight
     * @return the Markdown bullet describing the construction
     */
    String describe(int n, double alpha);

    /** @return the title of its heatmaps */
    String title();
}
