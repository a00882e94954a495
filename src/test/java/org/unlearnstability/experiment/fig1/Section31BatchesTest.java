package org.unlearnstability.experiment.fig1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.rng.RandomStreams;

/**
 * The batch sequence has the law the samplers promise: exactly B distinct samples without replacement;
 * independent inclusion with probability B/n for Bernoulli batches (checked on frequencies, joint
 * frequencies and group counts, within 5 standard errors).
 */
class Section31BatchesTest {
    private static final int STEPS = 200_000;

    @Test
    void withoutReplacementDrawsExactlyBDistinctSamples() {
        for (int[] nqb : new int[][] {{10, 1, 10}, {10, 3, 4}, {50, 7, 23}, {8, 8, 3}, {5, 2, 1}}) {
            Section31Law law = new Section31Law(nqb[0], nqb[1], nqb[2], 0.1, BatchSampler.WITHOUT_REPLACEMENT);
            Section31Batches batches = new Section31Batches(law, RandomStreams.stream(11, nqb[0], nqb[1], nqb[2]));
            for (int k = 0; k < 2000; k++) {
                batches.next();
                assertEquals(law.batch(), batches.retainGroup() + batches.retainSingletons());
                assertEquals(law.batch(), batches.forgetGroup() + batches.forgetSingletons());
                boolean[] seen = new boolean[law.singletons()];
                for (int i = 0; i < batches.retainSingletons(); i++) {
                    assertTrue(!seen[batches.retainSingleton(i)], "a singleton drawn twice in one batch");
                    seen[batches.retainSingleton(i)] = true;
                }
            }
        }
    }

    @Test
    void frequenciesMatchTheSamplersLaw() {
        for (BatchSampler sampler : BatchSampler.values()) {
            for (int[] nqb : new int[][] {{10, 3, 4}, {12, 1, 6}, {9, 5, 2}}) {
                checkFrequencies(new Section31Law(nqb[0], nqb[1], nqb[2], 0.1, sampler),
                        RandomStreams.stream(12, nqb[0], nqb[1], nqb[2], sampler.ordinal()));
            }
        }
    }

    private static void checkFrequencies(Section31Law law, UniformRandomProvider rng) {
        Section31Batches batches = new Section31Batches(law, rng);
        int s = law.singletons();
        long[] groupCounts = new long[law.q() + 1];
        long[] included = new long[s];
        long firstTwo = 0;
        long groupZeroAndFirst = 0;
        for (int k = 0; k < STEPS; k++) {
            batches.next();
            groupCounts[batches.retainGroup()]++;
            boolean[] in = new boolean[s];
            for (int i = 0; i < batches.retainSingletons(); i++) {
                in[batches.retainSingleton(i)] = true;
                included[batches.retainSingleton(i)]++;
            }
            if (s >= 2 && in[0] && in[1]) {
                firstTwo++;
            }
            if (s >= 1 && in[0] && batches.retainGroup() == 0) {
                groupZeroAndFirst++;
            }
        }
        String label = law.sampler() + " n=" + law.n() + " Q=" + law.q() + " B=" + law.batch();
        double[] pmf = law.groupPmf();
        for (int x = 0; x <= law.q(); x++) {
            assertFrequency(pmf[x], groupCounts[x], label + " P(X=" + x + ")");
        }
        double p = law.singletonInclusion();
        for (int c = 0; c < s; c++) {
            assertFrequency(p, included[c], label + " P(singleton " + c + " in batch)");
        }
        if (law.sampler() == BatchSampler.BERNOULLI) {
            if (s >= 2) {
                assertFrequency(p * p, firstTwo, label + " P(singletons 0 and 1 both in batch)");
            }
            if (s >= 1) {
                assertFrequency(pmf[0] * p, groupZeroAndFirst, label + " P(X = 0 and singleton 0 in batch)");
            }
        } else if (s >= 2) {
            double n = law.n();
            double b = law.batch();
            assertFrequency(b * (b - 1) / (n * (n - 1)), firstTwo, label + " P(singletons 0 and 1 both in batch)");
        }
    }

    private static void assertFrequency(double probability, long count, String label) {
        double expected = probability * STEPS;
        double sd = Math.sqrt(STEPS * probability * (1 - probability));
        assertTrue(Math.abs(count - expected) <= 5 * sd + 1e-9,
                label + ": expected " + expected + " +- " + sd + ", got " + count);
    }
}
