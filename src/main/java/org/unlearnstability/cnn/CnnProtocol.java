package org.unlearnstability.cnn;

import java.io.Serializable;

/**
 * Every parameter of the experiment of section 3.2 except the grid point (d, ||mu||): the data
 * model of Definition 5 (noise sigma), the network of eq. (9) (m filters per class, initialisation
 * N(0, sigma0^2), which the paper does not state), full-batch gradient descent on the logistic
 * loss, the test set size and the unlearning run. The first {@code forgetSamples} training
 * samples form the forget set, the rest the retain set.
 *
 * @param filters m, filters per class (paper: 10)
 * @param trainSamples n (paper: 50)
 * @param forgetSamples n_f (paper: 25); n_r = n - n_f
 * @param noiseSigma sigma of the noise patch (paper: 1)
 * @param initSigma sigma0 of the initial weights (not in the paper; default 0.01)
 * @param epochs full-batch gradient steps (paper: 100 epochs = 100 steps)
 * @param learningRate training learning rate (paper: 0.1)
 * @param testSamples fresh samples for the test error (paper: 1000)
 * @param unlearning the unlearning run
 */
public record CnnProtocol(int filters, int trainSamples, int forgetSamples, double noiseSigma, double initSigma,
        int epochs, double learningRate, int testSamples, UnlearningProtocol unlearning) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Rejects values outside the experiment's domain, naming the field. */
    public CnnProtocol {
        require(filters >= 1, "filters must be >= 1, got " + filters);
        require(forgetSamples >= 1 && forgetSamples < trainSamples,
                "forgetSamples must lie in [1, trainSamples - 1], got " + forgetSamples);
        require(noiseSigma > 0.0 && Double.isFinite(noiseSigma), "noiseSigma must be finite and > 0");
        require(initSigma >= 0.0 && Double.isFinite(initSigma), "initSigma must be finite and >= 0");
        require(epochs >= 0, "epochs must be >= 0, got " + epochs);
        require(learningRate > 0.0 && Double.isFinite(learningRate), "learningRate must be finite and > 0");
        require(testSamples >= 1, "testSamples must be >= 1, got " + testSamples);
        require(unlearning.batch() <= Math.min(forgetSamples, trainSamples - forgetSamples),
                "unlearning.batch must not exceed min(n_r, n_f), got " + unlearning.batch());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** @return the protocol of section 3.2 with sigma0 = 0.01 */
    public static CnnProtocol paper() {
        return new CnnProtocol(10, 50, 25, 1.0, 0.01, 100, 0.1, 1000, UnlearningProtocol.paper());
    }

    /** @return n_r */
    public int retainSamples() {
        return trainSamples - forgetSamples;
    }

    /** @return the forget set, samples 0..n_f-1 */
    public int[] forgetSet() {
        return java.util.stream.IntStream.range(0, forgetSamples).toArray();
    }

    /** @return the retain set, samples n_f..n-1 */
    public int[] retainSet() {
        return java.util.stream.IntStream.range(forgetSamples, trainSamples).toArray();
    }

    /** @return the retain set followed by the forget set (the order of the coherence core's families) */
    public int[] retainThenForget() {
        int[] order = new int[trainSamples];
        for (int s = 0; s < trainSamples; s++) {
            order[s] = (s + forgetSamples) % trainSamples;
        }
        return order;
    }

    /** @return the number of filter rows 2m (W^(+1) stacked over W^(-1)) */
    public int filterRows() {
        return 2 * filters;
    }

    /**
     * @param sigma0 another initialisation scale
     * @return this protocol with it
     */
    public CnnProtocol withInitSigma(double sigma0) {
        return new CnnProtocol(filters, trainSamples, forgetSamples, noiseSigma, sigma0, epochs, learningRate,
                testSamples, unlearning);
    }

    /**
     * @param d the patch dimension
     * @param muNorm ||mu||
     * @return SNR = ||mu|| / (sigma sqrt(d)) (Theorem 2.4)
     */
    public double snr(int d, double muNorm) {
        return muNorm / (noiseSigma * Math.sqrt(d));
    }
}
