package org.unlearnstability.definitions;

import java.io.Serializable;
import org.unlearnstability.definitions.units.InverseCurvature;

/**
 * The hyper-parameters of the unlearning update (2): learning rate eta, forget importance alpha
 * and the (expected) batch size B of each of the two sets.
 *
 * @param eta the learning rate, finite and positive (an inverse curvature)
 * @param alpha the forget weight in [0, 1]
 * @param batch the batch size B, at least 1
 */
public record Hyperparameters(@InverseCurvature double eta, double alpha, int batch) implements Serializable {

    /** Rejects values outside the domain of update (2). */
    public Hyperparameters {
        if (!(eta > 0.0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta must be a finite positive number, got " + eta);
        }
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("alpha must lie in [0, 1], got " + alpha);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch size B must be at least 1, got " + batch);
        }
    }

    /**
     * @param family the sizes of the Hessian family the update runs on
     * @throws IllegalArgumentException when B exceeds min(n_r, n_f)
     */
    public void requireFits(SetSizes family) {
        int limit = Math.min(family.nRetain(), family.nForget());
        if (batch > limit) {
            throw new IllegalArgumentException("batch size B = " + batch + " exceeds min(n_r, n_f) = " + limit
                    + " (n_r = " + family.nRetain() + ", n_f = " + family.nForget() + ")");
        }
    }

    /**
     * @param newEta another learning rate
     * @return these hyper-parameters at that learning rate
     */
    public Hyperparameters withEta(@InverseCurvature double newEta) {
        return new Hyperparameters(newEta, alpha, batch);
    }
}
