package org.unlearnstability.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.FamilyGenerators;
import org.unlearnstability.family.FamilyGenerators.Kind;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;

class UnlearningSimulationTest {
    private static final long SEED = 6_2026_1129L;
    /** Agreement is checked at 4 standard errors: a 95% interval would fail by chance in 1 case of 20. */
    private static final double STANDARD_ERRORS = 4.0;

    private static SimulationConfig moments(BatchSampler sampler, int runs, int steps, long seed) {
        return new SimulationConfig(sampler, steps, runs, 1e6, seed, 1, steps, false);
    }

    /** The sample mean of ||w_k||^2 over R runs agrees with Tr(T^k(I)) of the same sampler. */
    @Test
    void monteCarloMeanSquareAgreesWithTheExactOperator() {
        qt().withFixedSeed(SEED).withExamples(40).forAll(DynamicsCases.cases(4, 4)).checkAssert(c -> {
            SimulationResult result = UnlearningSimulation.run(c.family(), c.hyper(),
                    moments(c.sampler(), 3000, 3, c.generated().seed()));
            for (int k = 0; k < 3; k++) {
                assertAgrees(result, k, result.exactMeanSquare()[k], c.toString());
            }
        });
    }

    @Test
    void monteCarloFromAFixedStartAgreesWithTheExactOperator() {
        qt().withFixedSeed(SEED + 1).withExamples(20).forAll(DynamicsCases.cases(4, 4)).checkAssert(c -> {
            double[] start = RandomStreams.gaussian(RandomStreams.stream(c.generated().seed(), 3),
                    c.family().dimension());
            SimulationResult result = UnlearningSimulation.run(c.family(), c.hyper(),
                    moments(c.sampler(), 3000, 3, c.generated().seed()), start);
            double[] exact = MeanSquareOperator.of(c.family(), c.hyper(), c.sampler()).meanSquare(start, 3);
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(exact, result.exactMeanSquare(), 0.0);
                assertAgrees(result, k, exact[k], c.toString());
            }
        });
    }

    /** The check above has power: batches without replacement are told apart from Bernoulli batches. */
    @Test
    void theMeanSquareCheckSeparatesTheTwoSamplers() {
        // Two identical samples per set and B = 1: without replacement the batch mean is fixed, with
        // Bernoulli batches its size varies, so the second moments differ by a factor of about three.
        Hessian h = DiagonalHessian.of(new double[] {1.0, 0.5});
        HessianFamily family = new HessianFamily(List.of(h, h), List.of(h, h));
        Hyperparameters hyper = new Hyperparameters(1.0, 0.2, 1);
        SimulationResult withoutReplacement = UnlearningSimulation.run(family, hyper,
                moments(BatchSampler.WITHOUT_REPLACEMENT, 3000, 2, 5));
        double bernoulli = MeanSquareOperator.of(family, hyper, BatchSampler.BERNOULLI).meanSquare(2)[1];
        double standardError = (withoutReplacement.meanSquareUpper()[1] - withoutReplacement.meanSquare()[1]) / 1.96;
        assertAgrees(withoutReplacement, 1, withoutReplacement.exactMeanSquare()[1], "without replacement");
        assertTrue(Math.abs(withoutReplacement.meanSquare()[1] - bernoulli) > 10 * standardError,
                "the Bernoulli value " + bernoulli + " should be far from the without-replacement estimate "
                        + withoutReplacement.meanSquare()[1] + " +- " + standardError);
    }

    private static void assertAgrees(SimulationResult result, int k, double exact, String where) {
        double mean = result.meanSquare()[k];
        double standardError = (result.meanSquareUpper()[k] - mean) / 1.96;
        assertTrue(Math.abs(mean - exact) <= STANDARD_ERRORS * standardError + 1e-12 * exact,
                () -> where + " k=" + (k + 1) + ": estimate " + mean + " +- " + standardError + " vs exact " + exact);
    }

    /** For d = 1, log|w_K / w_0| = sum_k log|J_k|: the growth rate is E log|J_k|, known by enumeration. */
    @Test
    void growthRateOfAScalarFamilyIsTheMeanLogOfTheUpdateFactor() {
        List<Hessian> retain = List.of(diag(1.0), diag(2.5), diag(0.7), diag(1.9));
        List<Hessian> forget = List.of(diag(3.1), diag(0.4), diag(2.2));
        HessianFamily family = new HessianFamily(retain, forget);
        for (BatchSampler sampler : BatchSampler.values()) {
            for (double eta : new double[] {0.3, 1.7}) {
                Hyperparameters hyper = new Hyperparameters(eta, 0.35, 2);
                double exact = 0.0;
                double square = 0.0;
                for (BatchEnumeration.Pattern pattern : BatchEnumeration.patterns(family, hyper, sampler)) {
                    double log = Math.log(Math.abs(pattern.jk().getEntry(0, 0)));
                    exact += pattern.probability() * log;
                    square += pattern.probability() * log * log;
                }
                int steps = 400;
                int runs = 200;
                SimulationResult result = UnlearningSimulation.run(family, hyper,
                        new SimulationConfig(sampler, steps, runs, 1e300, 9, 2, 0, false));
                double standardError = Math.sqrt((square - exact * exact) / steps / runs);
                String where = sampler + " eta=" + eta + ": " + result.lyapunov() + " vs " + exact;
                assertEquals(exact, result.lyapunov(), STANDARD_ERRORS * standardError, where);
                assertTrue(result.lyapunovLower() < exact + STANDARD_ERRORS * standardError, where);
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        HessianFamily family = FamilyGenerators.generate(Kind.MIXED, 3, 6, 5).family();
        Hyperparameters hyper = new Hyperparameters(0.4 / family.retain().get(0).lambdaMax(), 0.3, 1);
        for (BatchSampler sampler : BatchSampler.values()) {
            SimulationConfig config = new SimulationConfig(sampler, 300, 9, 1000, 42, 1, 5, true);
            SimulationResult one = UnlearningSimulation.run(family, hyper, config);
            SimulationResult two = UnlearningSimulation.run(family, hyper, config.withThreads(2));
            assertEquals(one.divergedRuns(), two.divergedRuns());
            assertEquals(one.simulatedSteps(), two.simulatedSteps());
            assertArrayEquals(one.meanSquare(), two.meanSquare(), 0.0);
            assertArrayEquals(one.meanSquareUpper(), two.meanSquareUpper(), 0.0);
            assertEquals(one.lyapunov(), two.lyapunov(), 0.0);
            assertEquals(one.rho(), two.rho());
        }
    }

    @Test
    void divergingRunsStopEarlyAndConvergingRunsGoTheDistance() {
        HessianFamily family = PaperConstruction.section31(20, 4);
        SimulationConfig paper = SimulationConfig.paper(1).withThreads(2);
        SimulationResult diverging = UnlearningSimulation.run(family, new Hyperparameters(0.95, 0.3, 1), paper);
        assertEquals(Verdict.DIVERGE, diverging.verdict());
        assertEquals(10, diverging.divergedRuns());
        assertTrue(diverging.simulatedSteps() < 10L * 1000, "early stopping saves steps");
        assertTrue(diverging.rho().rho() > 1.0);
        SimulationResult converging = UnlearningSimulation.run(family, new Hyperparameters(0.05, 0.1, 10), paper);
        assertEquals(Verdict.CONVERGE, converging.verdict());
        assertEquals(0, converging.divergedRuns());
        assertEquals(10L * 1000, converging.simulatedSteps());
        assertTrue(converging.lyapunov() < 0.0);
        assertEquals(UnlearningSimulation.divergedRuns(family, new Hyperparameters(0.95, 0.3, 1), paper),
                diverging.divergedRuns());
    }

    @Test
    void hugeGrowthNeverReachesTheOutputsAsInfinityOrNaN() {
        HessianFamily family = FamilyGenerators.generate(Kind.DENSE, 5, 4, 4).family();
        double eta = 2.0 / family.forget().get(0).lambdaMax();
        SimulationConfig literal = new SimulationConfig(BatchSampler.BERNOULLI, 1000, 6, 1000, 3, 2, 1000, false);
        SimulationResult result = UnlearningSimulation.run(family, new Hyperparameters(eta, 1.0, 1), literal);
        assertEquals(6L * 1000, result.simulatedSteps());
        assertTrue(Double.isFinite(result.lyapunov()) && result.lyapunov() > 0.5, () -> "" + result.lyapunov());
        for (double log10 : result.log10MeanSquare()) {
            assertTrue(Double.isFinite(log10));
        }
        assertTrue(result.log10MeanSquare()[999] > 300, "the mean square is beyond the double range here");
    }

    @Test
    void majorityVerdictReportsTiesAsTies() {
        assertEquals(Verdict.TIE, Verdict.majority(5, 10));
        assertEquals(Verdict.DIVERGE, Verdict.majority(6, 10));
        assertEquals(Verdict.CONVERGE, Verdict.majority(4, 10));
        assertEquals(Verdict.DIVERGE, Verdict.majority(1, 1));
    }

    @Test
    void batchDrawsHaveTheStatedDistributions() {
        int n = 7;
        int batch = 3;
        int draws = 200_000;
        UniformRandomProvider rng = RandomStreams.stream(8, 0);
        for (BatchSampler sampler : BatchSampler.values()) {
            BatchDraw draw = new BatchDraw(sampler, n, batch);
            int[] out = new int[n];
            long[] hits = new long[n];
            long total = 0;
            for (int t = 0; t < draws; t++) {
                int count = draw.draw(rng, out);
                Set<Integer> seen = new HashSet<>();
                for (int i = 0; i < count; i++) {
                    hits[out[i]]++;
                    assertTrue(seen.add(out[i]), "indices are distinct");
                }
                if (sampler == BatchSampler.WITHOUT_REPLACEMENT) {
                    assertEquals(batch, count);
                }
                total += count;
            }
            double p = (double) batch / n;
            double sd = Math.sqrt(p * (1 - p) / draws);
            for (int i = 0; i < n; i++) {
                assertEquals(p, (double) hits[i] / draws, 5 * sd, sampler + " index " + i);
            }
            assertEquals(batch, (double) total / draws, 5 * Math.sqrt(n * p * (1 - p) / draws), sampler.toString());
        }
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        HessianFamily family = PaperConstruction.section31(5, 2);
        IllegalArgumentException tooLarge = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> UnlearningSimulation.run(family,
                        new Hyperparameters(0.1, 0.1, 6), SimulationConfig.paper(1)));
        assertTrue(tooLarge.getMessage().contains("exceeds"), tooLarge.getMessage());
        assertFalse(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SimulationConfig(BatchSampler.BERNOULLI, 10, 1, 0.5, 1, 1, 0, true)).getMessage().isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> UnlearningSimulation.run(family, new Hyperparameters(0.1, 0.1, 1), SimulationConfig.paper(1),
                        new double[family.dimension()]));
    }

    private static Hessian diag(double value) {
        return DiagonalHessian.of(new double[] {value});
    }
}
