package org.unlearnstability.experiment;

import java.util.Locale;
import org.unlearnstability.dynamics.BatchSampler;

/**
 * The names of the batch samplers in specs and outputs: "bernoulli" (the paper's model) and
 * "without-replacement".
 */
public final class SamplerName {
    private SamplerName() {
    }

    /**
     * @param sampler a sampler
     * @return its name in specs and outputs
     */
    public static String of(BatchSampler sampler) {
        return sampler.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param name a name used in specs
     * @return the sampler
     * @throws IllegalArgumentException naming the accepted values
     */
    public static BatchSampler parse(String name) {
        for (BatchSampler sampler : BatchSampler.values()) {
            if (of(sampler).equals(name)) {
                return sampler;
            }
        }
        throw new IllegalArgumentException("unknown batch sampler '" + name
                + "' (expected bernoulli or without-replacement)");
    }
}
