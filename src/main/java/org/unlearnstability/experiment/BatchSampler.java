package org.unlearnstability.experiment;

import java.util.Locale;

/**
 * How the mini-batches D_{r,k} and D_{f,k} of update (2) are drawn. The paper models them as
 * Bernoulli selections (section 2.1: each sample kept independently with probability B/n); training
 * code usually draws exactly B samples without replacement. Both sets are drawn independently.
 */
public enum BatchSampler {
    /** Each sample of a set of size n is in the batch independently with probability B/n. */
    BERNOULLI("bernoulli"),
    /** Exactly B distinct samples, uniformly at random, from each set. */
    WITHOUT_REPLACEMENT("without-replacement");

    private final String id;

    BatchSampler(String id) {
        this.id = id;
    }

    /** @return the name used in specs and outputs */
    public String id() {
        return id;
    }

    /**
     * @param id a name used in specs
     * @return the sampler
     * @throws IllegalArgumentException naming the accepted values
     */
    public static BatchSampler fromId(String id) {
        for (BatchSampler s : values()) {
            if (s.id.equals(id.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown batch sampler '" + id
                + "' (expected bernoulli or without-replacement)");
    }
}
