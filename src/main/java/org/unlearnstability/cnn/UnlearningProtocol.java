package org.unlearnstability.cnn;

import java.io.Serializable;
import org.unlearnstability.definitions.Hyperparameters;

/**
 * The unlearning run of section 3.2: {@code steps} updates of eq. (2) with real gradients,
 * w &lt;- w - eta [(1 - alpha) grad(retain batch) - alpha grad(forget batch)], one batch of
 * {@code batch} samples from each set per step, each set reshuffled at the start of every pass.
 *
 * @param steps the number of updates (paper: 90)
 * @param learningRate eta (paper: 0.1)
 * @param alpha the forget weight (paper: 0.3)
 * @param batch the batch size B of each set (paper: 5)
 */
public record UnlearningProtocol(int steps, double learningRate, double alpha, int batch) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Rejects values outside the domain of update (2). */
    public UnlearningProtocol {
        if (steps < 0) {
            throw new IllegalArgumentException("unlearning.steps must be >= 0, got " + steps);
        }
        new Hyperparameters(learningRate, alpha, batch);
    }

    /** @return the protocol of section 3.2 */
    public static UnlearningProtocol paper() {
        return new UnlearningProtocol(90, 0.1, 0.3, 5);
    }

    /** @return eta, alpha and B as the coherence core takes them */
    public Hyperparameters hyper() {
        return new Hyperparameters(learningRate, alpha, batch);
    }
}
