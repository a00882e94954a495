package org.unlearnstability.coherence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.family.FamilyGenerators;
import org.unlearnstability.family.FamilyGenerators.Generated;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;

class CoherenceAnalysisTest {
    private static final long SEED = 20261129L;
    private static final Gen<Generated> FAMILIES = FamilyGenerators.families(5, 4);

    /** A family with hyper-parameters drawn uniformly from their domain (eta does not matter here). */
    private record Case(Generated generated, double alpha, int batch) {
        Hyperparameters hyper() {
            return new Hyperparameters(0.5, alpha, batch);
        }

        HessianFamily family() {
            return generated.family();
        }
    }

    private static Gen<Case> cases() {
        Gen<Double> alphas = SourceDSL.doubles().between(0.0, 1.0).mix(Generate.pick(List.of(0.0, 1.0)), 20);
        return FAMILIES.zip(alphas, Generate.longRange(0, Long.MAX_VALUE), (g, alpha, b) -> {
            int limit = Math.min(g.family().nRetain(), g.family().nForget());
            return new Case(g, alpha, 1 + (int) (b % limit));
        });
    }

    /**
     * alpha = 1 puts all weight on the forget set; when every forget Hessian is zero every mix-Hessian vanishes,
     * S = 0 and sigma = 0 / 0 is undefined (NaN; the audit's counterexample to Lemma 2.1's upper bound is such a family; the frontier
     * crashed on it when the structured bounds' start underflowed).
     */
    @Test
    void vanishingMixHessiansGiveZeroCoherence() {
        HessianFamily family = new HessianFamily(
                List.of(DiagonalHessian.of(new double[] {0.0}), DiagonalHessian.of(new double[] {1.0})),
                List.of(DiagonalHessian.of(new double[] {0.0})));
        CoherenceAnalysis coherence = CoherenceAnalysis.of(FamilyGeometry.of(family), new Hyperparameters(0.125, 1.0,
                1), 1e-9);
        assertEquals(0.0, coherence.lambdaMaxS().upper());
        assertTrue(Double.isNaN(coherence.sigma()), "sigma " + coherence.sigma());
    }

    @Test
    void gramRouteEqualsTheLiteralDefinitionWithMatrixRoots() {
        qt().withFixedSeed(SEED).withExamples(150).forAll(cases()).checkAssert(c -> {
            NoiseConstants noise = NoiseConstants.of(c.hyper(), c.family().nRetain(), c.family().nForget());
            FamilyGeometry geometry = FamilyGeometry.of(c.family());
            MixCoherenceMatrix s = new MixCoherenceMatrix(geometry, noise.cRPrime(), noise.cFPrime());
            RealMatrix literal = LiteralCoherence.mixCoherenceMatrix(c.family(), noise);
            int nf = c.family().nForget();
            double scale = Math.max(1.0, literal.getNorm1());
            for (int p = 0; p < s.size(); p++) {
                for (int q = 0; q < s.size(); q++) {
                    String where = c + " entry " + p + "," + q;
                    assertEquals(literal.getEntry(p, q), s.entry(p / nf, p % nf, q / nf, q % nf), 1e-7 * scale, where);
                }
            }
            double sigma = CoherenceAnalysis.of(geometry, c.hyper()).sigma();
            double literalSigma = LiteralCoherence.sigma(c.family(), noise);
            assertEquals(literalSigma, sigma, 1e-7 * Math.abs(literalSigma), c::toString);
        });
    }

    @Test
    void certifiedBracketContainsTheDenseEigenvalue() {
        qt().withFixedSeed(SEED + 1).withExamples(150).forAll(cases()).checkAssert(c -> {
            NoiseConstants noise = NoiseConstants.of(c.hyper(), c.family().nRetain(), c.family().nForget());
            CertifiedEigenvalue bracket = CoherenceAnalysis.of(c.family(), c.hyper()).lambdaMaxS();
            double dense = LiteralCoherence.lambdaMax(LiteralCoherence.mixCoherenceMatrix(c.family(), noise));
            double slack = 1e-9 * Math.max(1.0, dense);
            assertTrue(bracket.lower() <= dense + slack && dense <= bracket.upper() + slack,
                    () -> c + ": " + dense + " outside " + bracket);
            assertTrue(bracket.relativeWidth() <= PerronRoot.DEFAULT_TOLERANCE, () -> c + ": " + bracket);
        });
    }

    @Test
    void maxLambdaOfPairMixHessiansEqualsBruteForce() {
        qt().withFixedSeed(SEED + 2).withExamples(150).forAll(cases()).checkAssert(c -> {
            NoiseConstants noise = NoiseConstants.of(c.hyper(), c.family().nRetain(), c.family().nForget());
            double brute = 0.0;
            for (Hessian hr : c.family().retain()) {
                for (Hessian hf : c.family().forget()) {
                    brute = Math.max(brute, LiteralCoherence.lambdaMax(LiteralCoherence.mixedPair(hr, hf, noise)));
                }
            }
            double fast = PairMixHessians.maxLambdaMax(FamilyGeometry.of(c.family()), noise.cRPrime(), noise.cFPrime());
            assertEquals(brute, fast, 1e-9 * Math.max(1.0, brute), c::toString);
        });
    }

    @Test
    void sigmaIsInvariantUnderPermutingSamples() {
        qt().withFixedSeed(SEED + 3).withExamples(100).forAll(cases()).checkAssert(c -> {
            List<Hessian> retain = new ArrayList<>(c.family().retain());
            List<Hessian> forget = new ArrayList<>(c.family().forget());
            Collections.shuffle(retain, new Random(c.generated().seed()));
            Collections.shuffle(forget, new Random(c.generated().seed() + 1));
            double original = CoherenceAnalysis.of(c.family(), c.hyper()).sigma();
            double permuted = CoherenceAnalysis.of(new HessianFamily(retain, forget), c.hyper()).sigma();
            assertEquals(original, permuted, 1e-9 * original, c::toString);
        });
    }

    @Test
    void sigmaIsInvariantUnderOrthogonalChangeOfBasis() {
        qt().withFixedSeed(SEED + 4).withExamples(100).forAll(cases()).checkAssert(c -> {
            RealMatrix q = randomOrthogonal(c.family().dimension(), c.generated().seed());
            HessianFamily rotated = new HessianFamily(rotate(c.family().retain(), q), rotate(c.family().forget(), q));
            double original = CoherenceAnalysis.of(c.family(), c.hyper()).sigma();
            double turned = CoherenceAnalysis.of(rotated, c.hyper()).sigma();
            assertEquals(original, turned, 1e-8 * original, c::toString);
        });
    }

    @Test
    void sigmaIsInvariantUnderScalingEveryHessian() {
        qt().withFixedSeed(SEED + 5).withExamples(100).forAll(cases(), SourceDSL.doubles().between(1e-3, 1e3))
                .checkAssert((c, factor) -> {
                    HessianFamily scaled = new HessianFamily(scale(c.family().retain(), factor),
                            scale(c.family().forget(), factor));
                    double original = CoherenceAnalysis.of(c.family(), c.hyper()).sigma();
                    double rescaled = CoherenceAnalysis.of(scaled, c.hyper()).sigma();
                    assertEquals(original, rescaled, 1e-8 * original, () -> c + " scaled by " + factor);
                });
    }

    @Test
    void singleSetCoherenceLiesBetweenOneAndNTimesRootRank() {
        qt().withFixedSeed(SEED + 6).withExamples(150).forAll(FAMILIES).checkAssert(g -> {
            FamilyGeometry geometry = FamilyGeometry.of(g.family());
            checkSingleSetBounds(g, SingleSetCoherence.retain(geometry), g.family().retain());
            checkSingleSetBounds(g, SingleSetCoherence.forget(geometry), g.family().forget());
        });
    }

    private static void checkSingleSetBounds(Generated g, SingleSetCoherence single, List<Hessian> set) {
        if (single.maxLambdaMaxH() == 0.0) {
            return;
        }
        int maxRank = set.stream().mapToInt(h -> Math.min(h.dimension(), h.representationRank())).max().orElse(1);
        double upper = set.size() * Math.sqrt(maxRank);
        assertTrue(single.sigma() >= 1 - 1e-9 && single.sigma() <= upper * (1 + 1e-9),
                () -> g + ": sigma_single = " + single.sigma() + " not in [1, " + upper + "]");
        assertEquals(LiteralCoherence.singleSetSigma(set), single.sigma(), 1e-7 * single.sigma(), g::toString);
    }

    @Test
    void withAlphaZeroMixCoherenceIsNForgetTimesRetainSingleSetCoherence() {
        qt().withFixedSeed(SEED + 7).withExamples(150).forAll(cases()).checkAssert(c -> {
            Hyperparameters retainOnly = new Hyperparameters(0.5, 0.0, c.batch());
            CoherenceAnalysis analysis = CoherenceAnalysis.of(c.family(), retainOnly);
            double expected = c.family().nForget() * analysis.retainSingle().sigma();
            assertEquals(expected, analysis.sigma(), 1e-8 * expected, c::toString);
        });
    }

    @Test
    void mixHessianEigenvalueMatchesDenseMeanOfPairs() {
        qt().withFixedSeed(SEED + 8).withExamples(100).forAll(cases()).checkAssert(c -> {
            NoiseConstants noise = NoiseConstants.of(c.hyper(), c.family().nRetain(), c.family().nForget());
            int d = c.family().dimension();
            RealMatrix sum = MatrixUtils.createRealMatrix(d, d);
            for (Hessian hr : c.family().retain()) {
                for (Hessian hf : c.family().forget()) {
                    sum = sum.add(LiteralCoherence.mixedPair(hr, hf, noise));
                }
            }
            double expected = LiteralCoherence.lambdaMax(
                    sum.scalarMultiply(1.0 / (c.family().nRetain() * c.family().nForget())));
            double actual = CoherenceAnalysis.of(c.family(), c.hyper()).lambdaMaxD();
            assertEquals(expected, actual, 1e-9 * Math.max(1.0, expected), c::toString);
        });
    }

    private static RealMatrix randomOrthogonal(int d, long seed) {
        UniformRandomProvider rng = RandomStreams.stream(seed, 99);
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = RandomStreams.gaussian(rng, d);
        }
        return new QRDecomposition(MatrixUtils.createRealMatrix(a)).getQ();
    }

    private static List<Hessian> rotate(List<Hessian> set, RealMatrix q) {
        List<Hessian> out = new ArrayList<>();
        for (Hessian h : set) {
            RealMatrix m = q.multiply(h.toMatrix()).multiply(q.transpose());
            RealMatrix symmetric = m.add(m.transpose()).scalarMultiply(0.5);
            out.add(DenseHessian.of(symmetric.getData()));
        }
        return out;
    }

    private static List<Hessian> scale(List<Hessian> set, double factor) {
        List<Hessian> out = new ArrayList<>();
        for (Hessian h : set) {
            out.add(h.scale(factor));
        }
        return out;
    }
}
