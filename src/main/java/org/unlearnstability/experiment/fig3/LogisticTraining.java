package org.unlearnstability.experiment.fig3;

import java.io.Serializable;
import java.util.Arrays;
import org.unlearnstability.cnn.LogisticLoss;

/**
 * Full-batch gradient descent on the mean logistic loss (1/n) sum_i l(y_i f(w, x_i)) of a {@link ReluMlp}, from a
 * given w_0 with a constant learning rate, until the mean loss is at most the target or the step budget is spent.
 * Deterministic: the gradient is summed in sample order.
 *
 * @param net the network
 * @param learningRate the step size
 * @param lossTarget stop once the mean training loss is at most this
 * @param maxSteps the step budget
 */
public record LogisticTraining(ReluMlp net, double learningRate, double lossTarget, int maxSteps)
        implements Serializable {

    /**
     * A trained network.
     *
     * @param weights w*
     * @param loss the mean training loss at w*
     * @param steps the gradient steps taken
     */
    public record Trained(double[] weights, double loss, int steps) implements Serializable {
    }

    /**
     * @param start w_0 (not modified)
     * @param x the inputs
     * @param labels the labels used for training, +1 or -1
     * @param set the indices trained on
     * @return the trained network
     */
    public Trained train(double[] start, double[][] x, int[] labels, int[] set) {
        double[] w = start.clone();
        double[] gradient = new double[w.length];
        int steps = 0;
        double loss = lossAndGradient(w, x, labels, set, gradient);
        while (loss > lossTarget && steps < maxSteps) {
            for (int k = 0; k < w.length; k++) {
                w[k] -= learningRate * gradient[k];
            }
            steps++;
            loss = lossAndGradient(w, x, labels, set, gradient);
        }
        return new Trained(w, loss, steps);
    }

    /** @return the mean loss over the set, with its gradient written to {@code gradient} */
    private double lossAndGradient(double[] w, double[][] x, int[] labels, int[] set, double[] gradient) {
        Arrays.fill(gradient, 0.0);
        double loss = 0.0;
        for (int i : set) {
            double margin = labels[i] * net.logit(w, x[i]);
            loss += LogisticLoss.value(margin);
            net.addGradient(w, x[i], LogisticLoss.derivative(margin) * labels[i] / set.length, gradient);
        }
        return loss / set.length;
    }

    /**
     * @param net the network
     * @param w the parameters
     * @param x the inputs
     * @param labels the labels
     * @param set sample indices
     * @return l(y_i f(w, x_i)) for each index of the set, in order
     */
    public static double[] losses(ReluMlp net, double[] w, double[][] x, int[] labels, int[] set) {
        double[] out = new double[set.length];
        for (int s = 0; s < set.length; s++) {
            out[s] = LogisticLoss.value(labels[set[s]] * net.logit(w, x[set[s]]));
        }
        return out;
    }
}
