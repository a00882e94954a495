package org.unlearnstability.experiment.fig1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;

/**
 * The cluster variants' exact law against what it must equal: at overlap 1 the section 3.1 closed forms, at every
 * overlap the general mean-square operator of the dynamics package on the construction's own family; and its
 * Monte Carlo protocol grows at the exact top Lyapunov exponent.
 */
class ClusterLawTest {
    private static final long SEED = 20261205L;

    /** One case: construction, hyper-parameters and sampler. */
    record Case(int n, int q, double overlap, int batch, double alpha, double eta, BatchSampler sampler) {
        ClusterConstruction construction() {
            return new ClusterConstruction(overlap);
        }
    }

    static Gen<Case> cases(int maxN, Gen<Double> overlaps) {
        return SourceDSL.integers().between(2, maxN).flatMap(n -> overlaps.flatMap(o -> SourceDSL.integers()
                .between(1, new ClusterConstruction(o).maxQ(n)).flatMap(q -> SourceDSL.integers().between(1, n)
                        .flatMap(b -> SourceDSL.doubles().between(0.0, 0.9).zip(SourceDSL.doubles().between(0.01, 2.0),
                                Generate.enumValues(BatchSampler.class),
                                (alpha, eta, sampler) -> new Case(n, q, o, b, alpha, eta, sampler))))));
    }

    @Test
    void atFullOverlapItIsTheSection31Law() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(cases(30, Generate.constant(1.0))).checkAssert(c -> {
            CoordinateLaw cluster = c.construction().law(c.n(), c.q(), c.batch(), c.alpha(), c.sampler());
            Section31Law paper = new Section31Law(c.n(), c.q(), c.batch(), c.alpha(), c.sampler());
            double eta = c.eta();
            assertClose(paper.rho(eta), ((ClusterLaw) cluster).rho(eta), c);
            assertClose(paper.lyapunov(eta), cluster.lyapunov(eta), c);
            assertClose(paper.log10MeanSquareGrowth(eta, 1000), cluster.log10MeanSquareGrowth(eta, 1000), c);
            assertClose(paper.groupZeroProbability(eta), cluster.groupZeroProbability(eta), c);
        });
    }

    @Test
    void familyAtFullOverlapIsTheSection31FamilyAndOtherwiseDiffers() {
        HessianFamily paper = PaperConstruction.section31(12, 4);
        HessianFamily full = new ClusterConstruction(1.0).family(12, 4);
        HessianFamily none = new ClusterConstruction(0.0).family(12, 4);
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(diagonal(paper.forget().get(i)), diagonal(full.forget().get(i)), "forget " + i);
            assertArrayEquals(diagonal(paper.retain().get(i)), diagonal(none.retain().get(i)), "retain " + i);
        }
        assertNotEquals(0.0, diagonal(none.forget().get(0))[1], "forget cluster sample 0 on e_2 at overlap 0");
        assertEquals(6, new ClusterConstruction(0.0).maxQ(12));
        assertEquals(8, new ClusterConstruction(0.5).maxQ(12));
        assertEquals(12, new ClusterConstruction(1.0).maxQ(12));
    }

    @Test
    void meanSquareEqualsTheGeneralOperatorOnTheConstructionsFamily() {
        Gen<Double> overlaps = Generate.pick(java.util.List.of(0.0, 0.25, 0.5, 0.75, 1.0));
        qt().withFixedSeed(SEED).withExamples(200).forAll(cases(16, overlaps)).checkAssert(c -> {
            ClusterLaw law = (ClusterLaw) c.construction().law(c.n(), c.q(), c.batch(), c.alpha(), c.sampler());
            HessianFamily family = c.construction().family(c.n(), c.q());
            double rho = MeanSquareOperator.of(family, new Hyperparameters(c.eta(), c.alpha(), c.batch()),
                    c.sampler()).rho().rho();
            assertEquals(rho, law.rho(c.eta()), 1e-10 * Math.max(1.0, rho), c.toString());
        });
    }

    @Test
    void runsGrowAtTheExactTopLyapunovExponent() {
        Case[] cells = {new Case(8, 3, 0.0, 4, 0.3, 0.7, BatchSampler.BERNOULLI),
            new Case(8, 4, 0.5, 6, 0.5, 0.9, BatchSampler.WITHOUT_REPLACEMENT),
            new Case(10, 5, 1.0, 3, 0.1, 1.3, BatchSampler.BERNOULLI)};
        int steps = 4000;
        int repeats = 40;
        for (Case c : cells) {
            CoordinateLaw law = c.construction().law(c.n(), c.q(), c.batch(), c.alpha(), c.sampler());
            double lyapunov = law.lyapunov(c.eta());
            assertTrue(Double.isFinite(lyapunov), c.toString());
            double[] rates = new double[repeats];
            double mean = 0.0;
            for (int r = 0; r < repeats; r++) {
                UniformRandomProvider rng = RandomStreams.stream(SEED, r);
                rates[r] = law.logGrowth(new double[] {c.eta()}, steps, rng)[0] / steps;
                mean += rates[r] / repeats;
            }
            double variance = 0.0;
            for (double rate : rates) {
                variance += (rate - mean) * (rate - mean) / (repeats - 1);
            }
            // ln||w_K|| / K differs from the top exponent by the sampling error and by O(ln d / K) (w_0, the norm).
            double tolerance = 6.0 * Math.sqrt(variance / repeats) + (Math.log(c.n()) + 6.0) / steps;
            assertEquals(lyapunov, mean, tolerance, c.toString());
        }
    }

    private static double[] diagonal(Hessian h) {
        return ((DiagonalHessian) h).diagonal();
    }

    private static void assertClose(double expected, double actual, Case c) {
        if (Double.isInfinite(expected)) {
            assertEquals(expected, actual, c.toString());
        } else {
            assertEquals(expected, actual, 1e-10 * Math.max(1.0, Math.abs(expected)), c.toString());
        }
    }
}
