package org.unlearnstability.experiment.fig3;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.unlearnstability.rng.RandomStreams;

/**
 * The binary task of Figure 3: the images of two digits, pixels scaled to [0, 1], label +1 for the positive
 * digit and -1 for the negative one, split at random (seeded) into a training set of a given size and a test
 * set of the rest.
 *
 * @param x the inputs, pixel / 16
 * @param labels the true labels, +1 or -1
 * @param train indices of the training samples, in the drawn order
 * @param test indices of the test samples, in increasing order
 */
public record BinaryTask(double[][] x, int[] labels, int[] train, int[] test) implements Serializable {

    /**
     * @param data the digits
     * @param positiveDigit the digit labelled +1
     * @param negativeDigit the digit labelled -1
     * @param trainSize the number of training samples
     * @param rng the split's stream
     * @return the task
     */
    public static BinaryTask of(DigitsData data, int positiveDigit, int negativeDigit, int trainSize,
            UniformRandomProvider rng) {
        List<double[]> inputs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            int digit = data.digits()[i];
            if (digit == positiveDigit || digit == negativeDigit) {
                double[] x = new double[DigitsData.PIXELS];
                for (int p = 0; p < x.length; p++) {
                    x[p] = data.pixels()[i][p] / (double) DigitsData.MAX_PIXEL;
                }
                inputs.add(x);
                labels.add(digit == positiveDigit ? 1 : -1);
            }
        }
        int n = inputs.size();
        if (trainSize < 2 || trainSize >= n) {
            throw new IllegalArgumentException("trainSize must lie in [2, " + (n - 1) + "], got " + trainSize);
        }
        int[] order = permutation(rng, n);
        int[] test = Arrays.copyOfRange(order, trainSize, n);
        Arrays.sort(test);
        return new BinaryTask(inputs.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray(),
                Arrays.copyOf(order, trainSize), test);
    }

    /**
     * @param rng a stream
     * @param n a size
     * @return a uniform random permutation of 0..n-1 (Fisher-Yates)
     */
    static int[] permutation(UniformRandomProvider rng, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * @param seed the experiment seed
     * @return the split's stream
     */
    static UniformRandomProvider splitStream(long seed) {
        return RandomStreams.stream(seed, Fig3Streams.SPLIT);
    }
}
