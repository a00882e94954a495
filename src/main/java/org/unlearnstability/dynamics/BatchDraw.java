package org.unlearnstability.dynamics;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws the indices of one set's mini-batch D_{r,k} or D_{f,k} of update (2). Each instance keeps
 * its own scratch state and belongs to one run (of {@link UnlearningRun}, or of update (2) on a real network in
 * Figure 3).
 */
public final class BatchDraw {
    private static final double TWO_TO_53 = 0x1.0p53;
    /** A 53-bit uniform U is read as 16 high bits, then (only on a tie with the threshold) 37 low bits. */
    private static final int LOW_BITS = 37;

    private final BatchSampler sampler;
    private final int n;
    private final int batch;
    private final long threshold;
    private final int thresholdHigh;
    private final long thresholdLow;
    private final int[] permutation;

    /**
     * @param sampler the sampler
     * @param n the set size
     * @param batch B, 1 <= B <= n
     */
    public BatchDraw(BatchSampler sampler, int n, int batch) {
        if (batch < 1 || batch > n) {
            throw new IllegalArgumentException("batch size B = " + batch + " must lie in [1, " + n + "]");
        }
        this.sampler = sampler;
        this.n = n;
        this.batch = batch;
        // P(U < threshold) = threshold / 2^53 for a 53-bit uniform U: B/n up to 2^-53.
        this.threshold = (long) Math.ceil((double) batch / n * TWO_TO_53);
        this.thresholdHigh = (int) (threshold >>> LOW_BITS);
        this.thresholdLow = threshold & ((1L << LOW_BITS) - 1);
        this.permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
    }

    /**
     * @param rng the run's generator
     * @param out receives the drawn indices (length at least n)
     * @return how many indices were drawn
     */
    public int draw(UniformRandomProvider rng, int[] out) {
        if (batch == n) {
            System.arraycopy(permutation, 0, out, 0, n);
            return n;
        }
        if (sampler == BatchSampler.BERNOULLI) {
            return bernoulli(rng, out);
        }
        // A partial Fisher-Yates shuffle: from any arrangement it leaves a uniform B-subset in front.
        for (int i = 0; i < batch; i++) {
            int j = i + rng.nextInt(n - i);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
            out[i] = permutation[i];
        }
        return batch;
    }

    /**
     * Independent inclusions with probability exactly threshold / 2^53 (B/n to within 2^-53): each
     * index compares 16 fresh bits with the threshold's top 16 bits, and only on equality (probability
     * 2^-16) draws the 37 low bits, so one 64-bit draw serves four indices.
     */
    private int bernoulli(UniformRandomProvider rng, int[] out) {
        int count = 0;
        long bits = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 3) == 0) {
                bits = rng.nextLong();
            }
            int high = (int) (bits & 0xFFFF);
            bits >>>= 16;
            // Branch-free on the common path (a coin flip near p = 1/2 would defeat branch prediction).
            int include = (high - thresholdHigh) >>> 31;
            if (high == thresholdHigh) {
                include = (rng.nextLong() >>> (64 - LOW_BITS)) < thresholdLow ? 1 : 0;
            }
            out[count] = i;
            count += include;
        }
        return count;
    }
}
