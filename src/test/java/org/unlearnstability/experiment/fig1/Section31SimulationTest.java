package org.unlearnstability.experiment.fig1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;

/**
 * The counting simulation against update (2) applied literally, batch by batch, with the
 * construction's Hessians; and its statistics against the exact law.
 */
class Section31SimulationTest {
    private static final long SEED = 20261201L;

    @Test
    void countingEqualsTheLiteralUpdateOnTheSameBatches() {
        qt().withFixedSeed(SEED).withExamples(200)
                .forAll(Section31LawTest.cases(20), SourceDSL.integers().between(1, 300),
                        SourceDSL.longs().between(0, Long.MAX_VALUE))
                .checkAssert((c, steps, seed) -> {
                    Section31Law law = new Section31Law(c.n(), c.q(), c.batch(), c.alpha(), c.sampler());
                    double[] etas = {c.eta(), 0.5 * c.eta()};
                    double[] counted = new Section31Simulation(law, etas, steps)
                            .logGrowth(RandomStreams.stream(seed, 1));
                    for (int e = 0; e < etas.length; e++) {
                        double literal = literalLogGrowth(law, c.alpha(), etas[e], steps,
                                RandomStreams.stream(seed, 1));
                        String label = c + " steps=" + steps + " seed=" + seed + " eta=" + etas[e];
                        if (literal == Double.NEGATIVE_INFINITY) {
                            assertTrue(counted[e] < -30 * Math.log(10) || counted[e] == literal, label);
                        } else {
                            assertEquals(literal, counted[e], 1e-9 * Math.max(1.0, Math.abs(literal)), label);
                        }
                    }
                });
    }

    /**
     * Update (2) with the family's Hessians: w &lt;- w - eta [(1-alpha)/B sum_{r in batch} H_r w - alpha/B
     * sum_{f in batch} H_f w], renormalised every step so the logarithm of the norm never overflows.
     */
    static double literalLogGrowth(Section31Law law, double alpha, double eta, int steps, UniformRandomProvider rng) {
        HessianFamily family = PaperConstruction.section31(law.n(), law.q());
        int d = law.dimension();
        double[] w = RandomStreams.gaussian(rng, d);
        double logNorm = Math.log(norm(w));
        double logScale = 0.0;
        Section31Batches batches = new Section31Batches(law, rng);
        double[] hw = new double[d];
        for (int k = 0; k < steps; k++) {
            batches.next();
            double[] gradient = new double[d];
            int b = law.batch();
            for (int i = 0; i < batches.retainGroup(); i++) {
                add(gradient, family.retain().get(i), w, hw, (1 - alpha) / b);
            }
            for (int i = 0; i < batches.retainSingletons(); i++) {
                add(gradient, family.retain().get(law.q() + batches.retainSingleton(i)), w, hw, (1 - alpha) / b);
            }
            for (int i = 0; i < batches.forgetGroup(); i++) {
                add(gradient, family.forget().get(i), w, hw, -alpha / b);
            }
            for (int i = 0; i < batches.forgetSingletons(); i++) {
                add(gradient, family.forget().get(law.q() + batches.forgetSingleton(i)), w, hw, -alpha / b);
            }
            for (int j = 0; j < d; j++) {
                w[j] -= eta * gradient[j];
            }
            double scale = norm(w);
            if (scale == 0.0) {
                return Double.NEGATIVE_INFINITY;
            }
            logScale += Math.log(scale);
            for (int j = 0; j < d; j++) {
                w[j] /= scale;
            }
        }
        return logScale - logNorm;
    }

    private static void add(double[] gradient, Hessian h, double[] w, double[] hw, double weight) {
        h.multiply(w, hw);
        for (int j = 0; j < gradient.length; j++) {
            gradient[j] += weight * hw[j];
        }
    }

    private static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    }

    @Test
    void averageGrowthRateApproachesTheExactLyapunovExponent() {
        // Law of large numbers along one long run: (1/K) ln||w_K|| -> max_c E log|J_cc| almost surely;
        // the per-step log factor has a bounded spread, so K = 20000 pins it to a few 1e-3 here.
        int[][] cells = {{50, 1, 1}, {50, 5, 10}, {50, 20, 3}, {10, 2, 5}, {50, 50, 25}};
        for (BatchSampler sampler : BatchSampler.values()) {
            for (int[] cell : cells) {
                Section31Law law = new Section31Law(cell[0], cell[1], cell[2], 0.1, sampler);
                double[] etas = {0.25, 1.0};
                int steps = 20000;
                double[] growth = new Section31Simulation(law, etas, steps).logGrowth(RandomStreams.stream(SEED, 7));
                for (int e = 0; e < etas.length; e++) {
                    double exact = law.lyapunov(etas[e]);
                    // A maximum over d coordinates of random walks: allow sqrt(2 ln d) more deviations.
                    double spread = logDeviation(law, etas[e]);
                    double tolerance = (4 + Math.sqrt(2 * Math.log(law.dimension()))) * spread / Math.sqrt(steps)
                            + 20.0 / steps;
                    assertEquals(exact, growth[e] / steps, tolerance,
                            sampler + " n,Q,B=" + Arrays.toString(cell) + " eta=" + etas[e]);
                }
            }
        }
    }

    /** The larger standard deviation of log|J_cc| per step over the coordinates that are never zeroed. */
    private static double logDeviation(Section31Law law, double eta) {
        double[] pmf = law.groupPmf();
        double mean = 0.0;
        double second = 0.0;
        for (int xr = 0; xr <= law.q(); xr++) {
            for (int xf = 0; xf <= law.q(); xf++) {
                if (pmf[xr] * pmf[xf] == 0.0) {
                    continue;
                }
                double l = Math.log(Math.abs(law.factor(eta, xr, xf)));
                mean += pmf[xr] * pmf[xf] * l;
                second += pmf[xr] * pmf[xf] * l * l;
            }
        }
        double p = law.singletonInclusion();
        double[] probabilities = {p * (1 - p), p * (1 - p), p * p};
        double[] logs = {Math.log(Math.abs(law.factor(eta, 1, 0))), Math.log(Math.abs(law.factor(eta, 0, 1))),
            Math.log(Math.abs(law.factor(eta, 1, 1)))};
        double singleMean = 0.0;
        double singleSecond = 0.0;
        for (int i = 0; i < 3 && p < 1.0; i++) {
            singleMean += probabilities[i] * logs[i];
            singleSecond += probabilities[i] * logs[i] * logs[i];
        }
        // A coordinate that is zeroed with positive probability (log = -infinity) cannot carry the top exponent.
        double group = mean == Double.NEGATIVE_INFINITY ? 0.0 : second - mean * mean;
        double single = singleMean == Double.NEGATIVE_INFINITY ? 0.0 : singleSecond - singleMean * singleMean;
        return Math.sqrt(Math.max(0.0, Math.max(group, single)));
    }
}
