package org.unlearnstability.cnn;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * One training set of Definition 5 in the explicit d-dimensional form, with the initial weights:
 * labels y_i (Rademacher), which half carries the signal, mu = ||mu|| e_1, noise patches
 * xi_i ~ N(0, sigma^2 I_d) and the initial filters W0 (2m rows, W^(+1) over W^(-1)) with entries
 * N(0, sigma0^2). This is the input of the direct oracle {@link DirectCnn}; the sweep instead samples
 * the same law directly in span coordinates ({@link SpanGeometry#sample}).
 */
public final class PatchData {
    private final int[] labels;
    private final boolean[] signalFirst;
    private final double[] mu;
    private final double[][] noise;
    private final double[][] initialFilters;

    private PatchData(int[] labels, boolean[] signalFirst, double[] mu, double[][] noise, double[][] initialFilters) {
        this.labels = labels;
        this.signalFirst = signalFirst;
        this.mu = mu;
        this.noise = noise;
        this.initialFilters = initialFilters;
    }

    /**
     * Draws labels and signal sides first (as {@link SpanGeometry#sample} does), then the noise
     * patches, then W0.
     *
     * @param rng the data stream
     * @param d the patch dimension
     * @param muNorm ||mu||
     * @param protocol n, m, sigma and sigma0
     * @return the data
     */
    public static PatchData sample(UniformRandomProvider rng, int d, double muNorm, CnnProtocol protocol) {
        int n = protocol.trainSamples();
        int[] labels = new int[n];
        boolean[] signalFirst = new boolean[n];
        drawLabels(rng, labels, signalFirst);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] mu = new double[d];
        mu[0] = muNorm;
        double[][] noise = new double[n][d];
        for (double[] xi : noise) {
            fill(gaussian, xi, protocol.noiseSigma());
        }
        double[][] w0 = new double[protocol.filterRows()][d];
        for (double[] w : w0) {
            fill(gaussian, w, protocol.initSigma());
        }
        return new PatchData(labels, signalFirst, mu, noise, w0);
    }

    static void drawLabels(UniformRandomProvider rng, int[] labels, boolean[] signalFirst) {
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.nextBoolean() ? 1 : -1;
            signalFirst[i] = rng.nextBoolean();
        }
    }

    private static void fill(ZigguratSampler.NormalizedGaussian gaussian, double[] v, double scale) {
        for (int c = 0; c < v.length; c++) {
            v[c] = scale * gaussian.sample();
        }
    }

    /** @return d */
    public int dimension() {
        return mu.length;
    }

    /** @return n */
    public int size() {
        return labels.length;
    }

    /** @return the labels y_i (a copy) */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * @param i a sample index
     * @return y_i
     */
    public int label(int i) {
        return labels[i];
    }

    /**
     * @param i a sample index
     * @return x_i^(1): y_i mu if the signal is in the first half, else xi_i (a copy)
     */
    public double[] firstPatch(int i) {
        return signalFirst[i] ? signal(i) : noise[i].clone();
    }

    /**
     * @param i a sample index
     * @return x_i^(2) (a copy)
     */
    public double[] secondPatch(int i) {
        return signalFirst[i] ? noise[i].clone() : signal(i);
    }

    private double[] signal(int i) {
        double[] s = mu.clone();
        for (int c = 0; c < s.length; c++) {
            s[c] *= labels[i];
        }
        return s;
    }

    /** @return mu (a copy) */
    public double[] mu() {
        return mu.clone();
    }

    /**
     * @param i a sample index
     * @return xi_i (a copy)
     */
    public double[] noise(int i) {
        return noise[i].clone();
    }

    /** @return W0 as 2m rows of length d (a copy) */
    public double[][] initialFilters() {
        double[][] copy = new double[initialFilters.length][];
        for (int r = 0; r < copy.length; r++) {
            copy[r] = initialFilters[r].clone();
        }
        return copy;
    }

    /** @return whether sample i carries its signal in the first half */
    boolean signalFirst(int i) {
        return signalFirst[i];
    }
}
