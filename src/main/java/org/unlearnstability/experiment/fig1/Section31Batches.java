package org.unlearnstability.experiment.fig1;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.unlearnstability.dynamics.BatchSampler;

/**
 * The batch sequence of update (2) on the section 3.1 construction, drawn step by step from one
 * random stream. Only what the update can see is drawn: how many of the Q group samples (all with
 * the Hessian m e_1 e_1^T) are in each batch, and which singleton samples are.
 *
 * <p>Per set and step: the group count X (Binomial(Q, B/n) for Bernoulli batches, Hypergeometric(n,
 * Q, B) without replacement), then the number Y of singletons (Binomial(n - Q, B/n), independent of X,
 * for Bernoulli batches; B - X without replacement), then Y distinct singletons uniformly at random
 * (a partial Fisher-Yates shuffle). Under Bernoulli batches this is exactly independent inclusion of
 * every sample with probability B/n. The retain batch is drawn before the forget batch.
 */
final class Section31Batches {
    private final BatchSampler sampler;
    private final int batch;
    private final UniformRandomProvider rng;
    private final SharedStateDiscreteSampler group;
    private final @Nullable SharedStateDiscreteSampler singletonCount;
    private final int[] retainOrder;
    private final int[] forgetOrder;
    private int retainGroup;
    private int forgetGroup;
    private int retainSingletons;
    private int forgetSingletons;

    /**
     * @param law the construction and sampler
     * @param rng the run's stream
     */
    Section31Batches(Section31Law law, UniformRandomProvider rng) {
        this.sampler = law.sampler();
        this.batch = law.batch();
        this.rng = rng;
        this.group = AliasMethodDiscreteSampler.of(rng, law.groupPmf());
        int s = law.singletons();
        if (sampler == BatchSampler.BERNOULLI && s > 0) {
            BinomialDistribution y = new BinomialDistribution(s, law.singletonInclusion());
            double[] pmf = new double[s + 1];
            for (int k = 0; k <= s; k++) {
                pmf[k] = y.probability(k);
            }
            this.singletonCount = AliasMethodDiscreteSampler.of(rng, pmf);
        } else {
            this.singletonCount = null;
        }
        this.retainOrder = identity(s);
        this.forgetOrder = identity(s);
    }

    private static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Draws the next step's retain batch, then its forget batch. */
    void next() {
        retainGroup = group.sample();
        retainSingletons = singletonsAfter(retainGroup);
        shufflePrefix(retainOrder, retainSingletons);
        forgetGroup = group.sample();
        forgetSingletons = singletonsAfter(forgetGroup);
        shufflePrefix(forgetOrder, forgetSingletons);
    }

    private int singletonsAfter(int groupCount) {
        if (sampler == BatchSampler.WITHOUT_REPLACEMENT) {
            return batch - groupCount;
        }
        SharedStateDiscreteSampler count = singletonCount;
        return count == null ? 0 : count.sample();
    }

    /** A uniform k-subset of the singletons in order[0..k): Fisher-Yates, stopped after k swaps. */
    private void shufflePrefix(int[] order, int k) {
        int size = order.length;
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(size - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** @return X_r, the group samples in this step's retain batch */
    int retainGroup() {
        return retainGroup;
    }

    /** @return X_f, the group samples in this step's forget batch */
    int forgetGroup() {
        return forgetGroup;
    }

    /** @return how many singletons are in this step's retain batch */
    int retainSingletons() {
        return retainSingletons;
    }

    /** @return how many singletons are in this step's forget batch */
    int forgetSingletons() {
        return forgetSingletons;
    }

    /**
     * @param i 0 &lt;= i &lt; retainSingletons()
     * @return the i-th singleton in the retain batch, 0-based (coordinate i + 1, sample Q + i)
     */
    int retainSingleton(int i) {
        return retainOrder[i];
    }

    /**
     * @param i 0 &lt;= i &lt; forgetSingletons()
     * @return the i-th singleton in the forget batch, 0-based
     */
    int forgetSingleton(int i) {
        return forgetOrder[i];
    }
}
