package org.unlearnstability.cnn;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * The mini-batches of an unlearning run (section 3.2): at step k one retain batch D_{r,k} and one
 * forget batch D_{f,k} of B samples each (eq. (2)). Each set is walked through in a fresh random
 * order per pass; a pass ends when fewer than B unused samples remain (those are skipped), and
 * each set keeps its own pass counter. Both implementations of the network replay the same
 * schedule, so their iterates can be compared step by step.
 *
 * @param retainBatches per step, the retain sample indices
 * @param forgetBatches per step, the forget sample indices
 */
public record UnlearningSchedule(int[][] retainBatches, int[][] forgetBatches) {

    /**
     * @param protocol the protocol (its forget/retain split, batch and steps)
     * @param rng the schedule stream
     * @return the unlearning batches of the protocol
     */
    public static UnlearningSchedule of(CnnProtocol protocol, UniformRandomProvider rng) {
        UnlearningProtocol u = protocol.unlearning();
        return sample(rng, protocol.retainSet(), protocol.forgetSet(), u.batch(), u.steps());
    }

    /**
     * @param rng the schedule stream
     * @param retain the retain set's sample indices
     * @param forget the forget set's sample indices
     * @param batch B
     * @param steps the number of steps
     * @return the schedule
     */
    public static UnlearningSchedule sample(UniformRandomProvider rng, int[] retain, int[] forget, int batch,
            int steps) {
        if (batch > retain.length || batch > forget.length) {
            throw new IllegalArgumentException("batch " + batch + " exceeds a set size (" + retain.length + ", "
                    + forget.length + ")");
        }
        return new UnlearningSchedule(batches(rng, retain, batch, steps), batches(rng, forget, batch, steps));
    }

    private static int[][] batches(UniformRandomProvider rng, int[] set, int batch, int steps) {
        int[][] batches = new int[steps][batch];
        int[] order = set.clone();
        int cursor = order.length;
        for (int k = 0; k < steps; k++) {
            if (cursor + batch > order.length) {
                order = set.clone();
                PermutationSampler.shuffle(rng, order);
                cursor = 0;
            }
            System.arraycopy(order, cursor, batches[k], 0, batch);
            cursor += batch;
        }
        return batches;
    }

    /** @return the number of steps */
    public int steps() {
        return retainBatches.length;
    }

    /**
     * Step k's weighted batch of update (2): the retain batch's samples weighted (1 - alpha) / |B_r|, then the
     * forget batch's weighted -alpha / |B_f|, so that one gradient step on sum_i omega_i l_i is the update.
     *
     * @param k the step
     * @param alpha the forget weight
     * @return the samples and their weights omega, in that order
     */
    public WeightedBatch weightedBatch(int k, double alpha) {
        int[] retain = retainBatches[k];
        int[] forget = forgetBatches[k];
        int[] samples = new int[retain.length + forget.length];
        double[] omega = new double[samples.length];
        for (int j = 0; j < retain.length; j++) {
            samples[j] = retain[j];
            omega[j] = (1 - alpha) / retain.length;
        }
        for (int j = 0; j < forget.length; j++) {
            samples[retain.length + j] = forget[j];
            omega[retain.length + j] = -alpha / forget.length;
        }
        return new WeightedBatch(samples, omega);
    }

    /**
     * One step's samples and their weights in update (2).
     *
     * @param samples sample indices, retain batch first
     * @param omega the weight of each
     */
    public record WeightedBatch(int[] samples, double[] omega) {
    }
}
