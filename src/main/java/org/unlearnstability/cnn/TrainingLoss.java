package org.unlearnstability.cnn;

/**
 * The logistic training loss of a network of eq. (9) on its training samples, l(y_i f(W, x_i)): what
 * {@link DirectCnn} and {@link SpanCnn} share once each gives its output and the labels.
 */
interface TrainingLoss {
    /**
     * @param i a training sample
     * @return f(W, x_i)
     */
    double output(int i);

    /**
     * @param i a training sample
     * @return its label y_i in {-1, +1}
     */
    int label(int i);

    /**
     * @param i a training sample
     * @return l(y_i f(W, x_i))
     */
    default double loss(int i) {
        return LogisticLoss.value(label(i) * output(i));
    }

    /**
     * @param samples sample indices
     * @return the mean logistic loss over them
     */
    default double meanLoss(int[] samples) {
        double sum = 0.0;
        for (int i : samples) {
            sum += loss(i);
        }
        return sum / samples.length;
    }
}
