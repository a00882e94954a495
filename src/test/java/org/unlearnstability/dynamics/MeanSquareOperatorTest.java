package org.unlearnstability.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.Lanczos;
import org.unlearnstability.rng.RandomStreams;

class MeanSquareOperatorTest {
    private static final long SEED = 3_2026_1129L;

    @Test
    void closedFormSecondMomentEqualsTheSumOverEveryBatchPattern() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(DynamicsCases.cases(4, 4)).checkAssert(c -> {
            List<BatchEnumeration.Pattern> patterns = BatchEnumeration.patterns(c.family(), c.hyper(), c.sampler());
            RealMatrix x = randomSymmetric(c.family().dimension(), c.generated().seed());
            RealMatrix expected = BatchEnumeration.secondMoment(patterns, x);
            double[][] actual = MeanSquareOperator.of(c.family(), c.hyper(), c.sampler()).apply(x.getData());
            double scale = Math.max(1.0, expected.getNorm1());
            for (int p = 0; p < actual.length; p++) {
                for (int q = 0; q < actual.length; q++) {
                    assertEquals(expected.getEntry(p, q), actual[p][q], 1e-11 * scale, c + " entry " + p + "," + q);
                }
            }
        });
    }

    @Test
    void rhoEqualsTheLargestEigenvalueOfTheEnumeratedOperatorAndItsSpectralRadius() {
        qt().withFixedSeed(SEED + 1).withExamples(200).forAll(DynamicsCases.cases(4, 4)).checkAssert(c -> {
            int d = c.family().dimension();
            RealMatrix t = BatchEnumeration.operatorMatrix(BatchEnumeration.patterns(c.family(), c.hyper(),
                    c.sampler()), d);
            double[] spectrum = new EigenDecompositionSymmetric(t.add(t.transpose()).scalarMultiply(0.5))
                    .getEigenvalues();
            double max = Arrays.stream(spectrum).max().orElseThrow();
            double radius = Arrays.stream(spectrum).map(Math::abs).max().orElseThrow();
            // Krein-Rutman: for the positive self-adjoint map T the spectral radius is the top eigenvalue.
            assertEquals(radius, max, 1e-10 * radius, () -> c + ": spectral radius is not the top eigenvalue");
            SpectralRadius rho = MeanSquareOperator.of(c.family(), c.hyper(), c.sampler()).rho();
            assertEquals(radius, rho.rhoFull(), 1e-9 * Math.max(1.0, radius), () -> c + ": " + rho);
        });
    }

    @Test
    void closedFormForDiagonalFamiliesEqualsLanczosOnTheSameOperator() {
        qt().withFixedSeed(SEED + 2).withExamples(150).forAll(DynamicsCases.cases(7, 6)).checkAssert(c -> {
            ReducedFamily reduced = ReducedFamily.of(c.family(), c.alpha());
            if (!reduced.isDiagonal() || reduced.rank() == 0) {
                return;
            }
            MeanSquareOperator operator = MeanSquareOperator.of(reduced, c.hyper(), c.sampler());
            double closed = operator.rho().rho();
            double lanczos = Lanczos.largest(operator.operator(), MeanSquareOperator.identity(reduced.rank()))
                    .value();
            assertEquals(lanczos, closed, 1e-10 * Math.max(1.0, closed), c::toString);
        });
    }

    @Test
    void formedNoiseMatrixAndMatrixFreeRouteAgree() {
        qt().withFixedSeed(SEED + 4).withExamples(100).forAll(DynamicsCases.cases(6, 5)).checkAssert(c -> {
            ReducedFamily reduced = ReducedFamily.of(c.family(), c.alpha());
            NoiseOperator noise = NoiseOperator.of(reduced, c.batch(), c.sampler());
            NoiseOperator formed = noise.onRoute(true);
            NoiseOperator free = noise.onRoute(false);
            int s = SymmetricCoordinates.dimension(reduced.rank());
            if (s == 0) {
                return;
            }
            double[] x = RandomStreams.gaussian(RandomStreams.stream(c.generated().seed(), 8), s);
            double[] viaMatrix = new double[s];
            double[] matrixFree = new double[s];
            formed.applyPacked(x, viaMatrix);
            free.applyPacked(x, matrixFree);
            double scale = Math.max(1e-300, noise.magnitude() * Arrays.stream(x).map(Math::abs).max().orElse(0.0));
            assertTrue(formed.isExplicit() && !free.isExplicit());
            for (int i = 0; i < s; i++) {
                assertEquals(matrixFree[i], viaMatrix[i], 1e-13 * s * scale, c + " coordinate " + i);
            }
        });
    }

    @Test
    void meanSquareIsTheTraceOfIteratedSecondMoments() {
        qt().withFixedSeed(SEED + 3).withExamples(100).forAll(DynamicsCases.cases(4, 3)).checkAssert(c -> {
            int d = c.family().dimension();
            List<BatchEnumeration.Pattern> patterns = BatchEnumeration.patterns(c.family(), c.hyper(), c.sampler());
            MeanSquareOperator operator = MeanSquareOperator.of(c.family(), c.hyper(), c.sampler());
            double[] start = RandomStreams.gaussian(RandomStreams.stream(c.generated().seed(), 5), d);
            double[] fromIdentity = operator.meanSquare(4);
            double[] fromStart = operator.meanSquare(start, 4);
            RealMatrix x = MatrixUtils.createRealIdentityMatrix(d);
            RealMatrix y = MatrixUtils.createColumnRealMatrix(start).multiply(MatrixUtils.createRowRealMatrix(start));
            for (int k = 0; k < 4; k++) {
                x = BatchEnumeration.secondMoment(patterns, x);
                y = BatchEnumeration.secondMoment(patterns, y);
                assertEquals(x.getTrace(), fromIdentity[k], 1e-10 * x.getTrace(), c + " k=" + (k + 1));
                assertEquals(y.getTrace(), fromStart[k], 1e-10 * Math.max(y.getTrace(), 1e-300), c + " k=" + (k + 1));
            }
        });
    }

    @Test
    void commonNullSpaceIsDetectedAndContributesExactlyOnePerDirection() {
        // d = 4; every Hessian lives on the first two coordinates.
        double[][] g = {{1, 2, 0, 0}, {0, 1, 0, 0}, {3, -1, 0, 0}};
        List<Hessian> retain = List.of(FactorHessian.rankOne(g[0]), FactorHessian.rankOne(g[1]));
        List<Hessian> forget = List.of(FactorHessian.rankOne(g[2]), FactorHessian.rankOne(g[1]));
        HessianFamily family = new HessianFamily(retain, forget);
        Hyperparameters hyper = new Hyperparameters(0.2, 0.3, 1);
        SpectralRadius rho = MeanSquareOperator.of(family, hyper).rho();
        assertTrue(rho.nullSpace());
        assertEquals(2, rho.rangeDimension());
        double[] meanSquare = MeanSquareOperator.of(family, hyper).meanSquare(3);
        HessianFamily range = new HessianFamily(project(retain), project(forget));
        double[] onRange = MeanSquareOperator.of(range, hyper).meanSquare(3);
        assertFalse(MeanSquareOperator.of(range, hyper).rho().nullSpace());
        for (int k = 0; k < 3; k++) {
            assertEquals(onRange[k] + 2.0, meanSquare[k], 1e-12 * meanSquare[k]);
        }
        assertEquals(MeanSquareOperator.of(range, hyper).rho().rho(), rho.rho(), 1e-10);
    }

    @Test
    void diagonalFamiliesKeepTheirOwnCoordinatesAndDropUntouchedOnes() {
        List<Hessian> retain = List.of(DiagonalHessian.of(new double[] {2, 0, 1}),
                DiagonalHessian.of(new double[] {0, 0, 3}));
        List<Hessian> forget = List.of(DiagonalHessian.of(new double[] {1, 0, 0}));
        HessianFamily family = new HessianFamily(retain, forget);
        Hyperparameters hyper = new Hyperparameters(0.3, 0.25, 1);
        SpectralRadius rho = MeanSquareOperator.of(family, hyper).rho();
        assertTrue(rho.nullSpace());
        assertEquals("diagonal", rho.method());
        // By hand: K_pp = j_p^2 + C_r sum_r h_rp^2 + C_f sum_f h_fp^2 on coordinates 0 and 2.
        NoiseConstants noise = NoiseConstants.of(hyper, 2, 1);
        double j0 = 1 - 0.3 * (0.75 * 1.0 - 0.25 * 1.0);
        double j2 = 1 - 0.3 * (0.75 * 2.0);
        double k0 = j0 * j0 + noise.cR() * 4 + noise.cF() * 1;
        double k2 = j2 * j2 + noise.cR() * (1 + 9);
        assertEquals(Math.max(k0, k2), rho.rho(), 1e-15);
        assertEquals(k0 + k2 + 1.0, MeanSquareOperator.of(family, hyper).meanSquare(1)[0], 1e-14);
    }

    @Test
    void samplersAgreeOnTheMeanSquareWhenSupportsWithinEachSetAreDisjoint() {
        HessianFamily family = org.unlearnstability.family.PaperConstruction.section31(10, 1);
        Hyperparameters hyper = new Hyperparameters(0.4, 0.2, 3);
        double[] bernoulli = MeanSquareOperator.of(family, hyper, BatchSampler.BERNOULLI).meanSquare(4);
        double[] withoutReplacement = MeanSquareOperator.of(family, hyper, BatchSampler.WITHOUT_REPLACEMENT)
                .meanSquare(4);
        for (int k = 0; k < 4; k++) {
            assertEquals(bernoulli[k], withoutReplacement[k], 1e-12 * bernoulli[k]);
        }
        HessianFamily shared = org.unlearnstability.family.PaperConstruction.section31(10, 4);
        double b = MeanSquareOperator.of(shared, hyper, BatchSampler.BERNOULLI).meanSquare(1)[0];
        double w = MeanSquareOperator.of(shared, hyper, BatchSampler.WITHOUT_REPLACEMENT).meanSquare(1)[0];
        assertTrue(w < b, "a shared direction has less batch noise without replacement: " + w + " vs " + b);
    }

    @Test
    void aSetWithZeroWeightChangesNeitherRhoNorEtaStarNorTheMeanSquare() {
        // At alpha = 0 (forget silent) or 1 (retain silent) the silent set moves nothing in update (3), so
        // the dynamics must equal those of the family with that set's Hessians replaced by zeros.
        Gen<Double> silentAlphas = Generate.pick(List.of(0.0, 1.0));
        qt().withFixedSeed(SEED + 7).withExamples(150).forAll(DynamicsCases.cases(5, 4), silentAlphas)
                .checkAssert((c, alpha) -> {
                    Hyperparameters hyper = new Hyperparameters(c.eta(), alpha, c.batch());
                    HessianFamily family = c.family();
                    HessianFamily silenced = silenced(family, alpha);
                    BatchSampler sampler = c.sampler();
                    SpectralRadius given = MeanSquareOperator.of(family, hyper, sampler).rho();
                    SpectralRadius zeroed = MeanSquareOperator.of(silenced, hyper, sampler).rho();
                    String label = c + " at alpha " + alpha;
                    assertEquals(zeroed.rho(), given.rho(), 1e-9 * Math.max(1.0, zeroed.rho()), label + " rho");
                    assertEquals(zeroed.nullSpace(), given.nullSpace(), label + " null space");
                    double etaGiven = CriticalLearningRate.of(family, alpha, hyper.batch(), sampler).etaStar();
                    double etaZeroed = CriticalLearningRate.of(silenced, alpha, hyper.batch(), sampler).etaStar();
                    assertEquals(etaZeroed, etaGiven, 1e-9 * Math.max(1.0, etaZeroed), label + " etaStar");
                    double[] msGiven = MeanSquareOperator.of(family, hyper, sampler).meanSquare(3);
                    double[] msZeroed = MeanSquareOperator.of(silenced, hyper, sampler).meanSquare(3);
                    for (int k = 0; k < 3; k++) {
                        assertEquals(msZeroed[k], msGiven[k], 1e-9 * Math.max(1.0, msZeroed[k]), label + " E||w||^2");
                    }
                });
    }

    @Test
    void aDirectionOnlyTheSilentForgetSetTouchesIsANullDirection() {
        HessianFamily family = new HessianFamily(List.of(DiagonalHessian.of(new double[] {1.0, 0.0})),
                List.of(DiagonalHessian.of(new double[] {0.0, 1.0})));
        CriticalLearningRate critical = CriticalLearningRate.of(family, 0.0, 1, BatchSampler.BERNOULLI);
        assertEquals(2.0, critical.etaStar(), 1e-12, "J = 1 - eta on e1 alone, no batch noise at B = n");
        SpectralRadius rho = MeanSquareOperator.of(family, new Hyperparameters(0.5, 0.0, 1)).rho();
        assertTrue(rho.nullSpace());
        assertEquals(0.25, rho.rho(), 1e-12);
    }

    private static HessianFamily silenced(HessianFamily family, double alpha) {
        int d = family.dimension();
        List<Hessian> zeros = new java.util.ArrayList<>();
        for (int i = 0; i < (alpha == 0.0 ? family.nForget() : family.nRetain()); i++) {
            zeros.add(DiagonalHessian.of(new double[d]));
        }
        return alpha == 0.0 ? new HessianFamily(family.retain(), zeros) : new HessianFamily(zeros, family.forget());
    }

    private static List<Hessian> project(List<Hessian> set) {
        return set.stream().map(h -> (Hessian) FactorHessian.rankOne(
                Arrays.copyOf(((FactorHessian) h).columns()[0], 2))).toList();
    }

    static RealMatrix randomSymmetric(int d, long seed) {
        UniformRandomProvider rng = RandomStreams.stream(seed, 17);
        double[][] x = new double[d][d];
        for (int p = 0; p < d; p++) {
            for (int q = p; q < d; q++) {
                x[p][q] = RandomStreams.gaussian(rng);
                x[q][p] = x[p][q];
            }
        }
        return MatrixUtils.createRealMatrix(x);
    }
}
