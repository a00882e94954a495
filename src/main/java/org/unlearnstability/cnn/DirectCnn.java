package org.unlearnstability.cnn;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.unlearnstability.linalg.Vectors;

/**
 * The two-layer ReLU CNN of eq. (9) exactly as printed, on explicit d-dimensional patches: the
 * test oracle of {@link SpanCnn}. Weights are 2m rows of length d, W^(+1) over W^(-1);
 * f(W, x) = (1/m) sum_r s_r [ReLU(&lt;w_r, x1&gt;) + ReLU(&lt;w_r, x2&gt;)], logistic loss, ReLU'(0) = 0.
 * Costs O(m d) per sample and step.
 */
public final class DirectCnn implements TrainingLoss {
    private final PatchData data;
    private final int filters;
    private final double[][] weights;

    private DirectCnn(PatchData data, double[][] weights) {
        this.data = data;
        this.filters = weights.length / 2;
        this.weights = weights;
    }

    /**
     * @param data explicit data with its initial filters
     * @return the network at W0
     */
    public static DirectCnn initial(PatchData data) {
        return new DirectCnn(data, data.initialFilters());
    }

    /**
     * @param data explicit data
     * @param weights 2m filter rows of length d (copied)
     * @return the network with these weights
     */
    public static DirectCnn of(PatchData data, double[][] weights) {
        double[][] copy = new double[weights.length][];
        for (int r = 0; r < copy.length; r++) {
            copy[r] = weights[r].clone();
        }
        return new DirectCnn(data, copy);
    }

    /** @return the weights as 2m rows of length d (a copy) */
    public double[][] weights() {
        return of(data, weights).weights;
    }

    /**
     * @param x1 first patch
     * @param x2 second patch
     * @return f(W, x)
     */
    public double output(double[] x1, double[] x2) {
        double sum = 0.0;
        for (int r = 0; r < weights.length; r++) {
            double v = Math.max(Vectors.dot(weights[r], x1), 0.0)
                    + Math.max(Vectors.dot(weights[r], x2), 0.0);
            sum += r < filters ? v : -v;
        }
        return sum / filters;
    }

    @Override
    public int label(int i) {
        return data.label(i);
    }

    /**
     * @param i a training sample
     * @return f(W, x_i)
     */
    @Override
    public double output(int i) {
        return output(data.firstPatch(i), data.secondPatch(i));
    }

    /**
     * The gradient of f(W, x_i) with respect to all 2 m d weights, flattened row by row.
     *
     * @param i a training sample
     * @return grad_W f(W, x_i)
     */
    public double[] outputGradient(int i) {
        int d = data.dimension();
        double[] x1 = data.firstPatch(i);
        double[] x2 = data.secondPatch(i);
        double[] g = new double[weights.length * d];
        for (int r = 0; r < weights.length; r++) {
            double s = (r < filters ? 1.0 : -1.0) / filters;
            double a1 = Vectors.dot(weights[r], x1) > 0 ? s : 0.0;
            double a2 = Vectors.dot(weights[r], x2) > 0 ? s : 0.0;
            for (int c = 0; c < d; c++) {
                g[r * d + c] = a1 * x1[c] + a2 * x2[c];
            }
        }
        return g;
    }

    /**
     * @param i a training sample
     * @return grad_W l_i = l'(y_i f) y_i grad_W f, flattened
     */
    public double[] lossGradient(int i) {
        int y = data.label(i);
        double scale = LogisticLoss.derivative(y * output(i)) * y;
        double[] g = outputGradient(i);
        for (int c = 0; c < g.length; c++) {
            g[c] *= scale;
        }
        return g;
    }

    /**
     * @param i a training sample
     * @return sqrt(l''(y_i f)) grad_W f, the factor of the (almost everywhere) rank-one loss Hessian
     */
    public double[] hessianFactor(int i) {
        double scale = Math.sqrt(LogisticLoss.curvature(data.label(i) * output(i)));
        double[] g = outputGradient(i);
        for (int c = 0; c < g.length; c++) {
            g[c] *= scale;
        }
        return g;
    }

    /**
     * One step on sum_j omega_j l_{samples[j]}.
     *
     * @param samples sample indices
     * @param omega their weights
     * @param learningRate the step size
     * @return the network after the step
     */
    public DirectCnn step(int[] samples, double[] omega, double learningRate) {
        int d = data.dimension();
        double[] total = new double[weights.length * d];
        for (int j = 0; j < samples.length; j++) {
            double[] g = lossGradient(samples[j]);
            for (int c = 0; c < total.length; c++) {
                total[c] += omega[j] * g[c];
            }
        }
        double[][] next = weights();
        for (int r = 0; r < next.length; r++) {
            for (int c = 0; c < d; c++) {
                next[r][c] -= learningRate * total[r * d + c];
            }
        }
        return new DirectCnn(data, next);
    }

    /**
     * @param samples the training samples
     * @param epochs full-batch steps
     * @param learningRate the step size
     * @return the trained network
     */
    public DirectCnn train(int[] samples, int epochs, double learningRate) {
        double[] omega = new double[samples.length];
        java.util.Arrays.fill(omega, 1.0 / samples.length);
        DirectCnn net = this;
        for (int e = 0; e < epochs; e++) {
            net = net.step(samples, omega, learningRate);
        }
        return net;
    }

    /**
     * @param schedule the batches
     * @param protocol eta and alpha
     * @return the network after update (2) along the schedule
     */
    public DirectCnn unlearn(UnlearningSchedule schedule, UnlearningProtocol protocol) {
        DirectCnn net = this;
        for (int k = 0; k < schedule.steps(); k++) {
            UnlearningSchedule.WeightedBatch batch = schedule.weightedBatch(k, protocol.alpha());
            net = net.step(batch.samples(), batch.omega(), protocol.learningRate());
        }
        return net;
    }

    /**
     * Test error on explicit fresh samples of Definition 5 (the d-dimensional estimator).
     *
     * @param rng the test stream
     * @param samples how many fresh samples
     * @param noiseSigma sigma
     * @return the fraction with y f &lt;= 0
     */
    public double testError(UniformRandomProvider rng, int samples, double noiseSigma) {
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] mu = data.mu();
        int errors = 0;
        for (int t = 0; t < samples; t++) {
            int y = rng.nextBoolean() ? 1 : -1;
            boolean signalFirst = rng.nextBoolean();
            double[] xi = new double[mu.length];
            double[] signal = new double[mu.length];
            for (int c = 0; c < xi.length; c++) {
                xi[c] = noiseSigma * gaussian.sample();
                signal[c] = y * mu[c];
            }
            double f = signalFirst ? output(signal, xi) : output(xi, signal);
            if (y * f <= 0) {
                errors++;
            }
        }
        return (double) errors / samples;
    }
}
