package org.unlearnstability.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.StabilityAnalysis;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.theory.StabilityThresholds;

/**
 * A factor family and the same family rebuilt from the Gram matrix of its factor columns (span
 * coordinates) give every quantity the tool computes to 1e-9 relative.
 */
class FactorGramTest {
    /** The agreement the issue asks for. */
    private static final double RELATIVE = 1e-9;
    private static final long SEED = 0x11_6A4L;

    /** A random rank-k family; some samples repeat an earlier one, so the Gram can be singular. */
    record Case(HessianFamily family, Hyperparameters hyper) {
    }

    static Case randomCase(long seed) {
        Random rng = new Random(seed);
        int nRetain = 1 + rng.nextInt(4);
        int nForget = 1 + rng.nextInt(3);
        int k = 1 + rng.nextInt(3);
        int m = (nRetain + nForget) * k;
        int d = rng.nextBoolean() ? m + 1 + rng.nextInt(6) : 1 + rng.nextInt(m + 2);
        List<Hessian> all = new ArrayList<>();
        for (int i = 0; i < nRetain + nForget; i++) {
            if (i > 0 && rng.nextInt(5) == 0) {
                all.add(all.get(rng.nextInt(i)));
                continue;
            }
            double scale = Math.pow(10, rng.nextInt(3) - 1);
            double[][] columns = new double[k][d];
            for (double[] column : columns) {
                for (int p = 0; p < d; p++) {
                    column[p] = scale * rng.nextGaussian();
                }
            }
            all.add(FactorHessian.ofColumns(d, columns));
        }
        double[] alphas = {0.0, 0.2, 0.5, 0.9, 1.0};
        Hyperparameters hyper = new Hyperparameters(0.05 + 2 * rng.nextDouble(), alphas[rng.nextInt(alphas.length)],
                1 + rng.nextInt(Math.min(nRetain, nForget)));
        return new Case(new HessianFamily(all.subList(0, nRetain), all.subList(nRetain, all.size())), hyper);
    }

    @Test
    void spanCoordinatesGiveTheSameCoherenceThresholdsAndDynamics() {
        qt().withFixedSeed(SEED).withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            Case c = randomCase(seed);
            HessianFamily span = FactorGram.of(c.family()).spanFamily();
            assertEquals(c.family().ambientDimension(), span.ambientDimension(), "d");
            assertSameAnswers(c.family(), span, c.hyper(), "seed " + seed);
        });
    }

    @Test
    void aStoredGramGivesTheSameAnswersAsTheFactors() {
        qt().withFixedSeed(SEED + 1).withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Case c = randomCase(seed);
            int k = ((FactorHessian) c.family().retain().get(0)).rank();
            double[][] gram = gramOf(c.family());
            HessianFamily stored = FactorGram.stored("k.npz", gram, c.family().nRetain(), c.family().nForget(), k,
                    c.family().ambientDimension()).spanFamily();
            assertSameAnswers(c.family(), stored, c.hyper(), "seed " + seed);
        });
    }

    @Test
    void onlyFactorFamiliesWithFewerColumnsThanDimensionsMove() {
        HessianFamily diagonal = new HessianFamily(List.of(DiagonalHessian.of(new double[] {1, 2})),
                List.of(DiagonalHessian.of(new double[] {2, 1})));
        assertSame(diagonal, FactorGram.inSpanCoordinates(diagonal));
        HessianFamily full = new HessianFamily(List.of(FactorHessian.rankOne(new double[] {1, 0})),
                List.of(FactorHessian.rankOne(new double[] {0, 1})));
        assertSame(full, FactorGram.inSpanCoordinates(full));
        HessianFamily thin = new HessianFamily(List.of(FactorHessian.rankOne(new double[] {1, 0, 0, 2})),
                List.of(FactorHessian.rankOne(new double[] {0, 1, 1, 0})));
        HessianFamily moved = FactorGram.inSpanCoordinates(thin);
        assertEquals(2, moved.dimension());
        assertEquals(4, moved.ambientDimension());
    }

    private static double[][] gramOf(HessianFamily family) {
        List<double[]> columns = new ArrayList<>();
        for (Hessian h : family.all()) {
            columns.addAll(Arrays.asList(((FactorHessian) h).columns()));
        }
        double[][] gram = new double[columns.size()][columns.size()];
        for (int i = 0; i < gram.length; i++) {
            for (int j = 0; j < gram.length; j++) {
                for (int p = 0; p < columns.get(i).length; p++) {
                    gram[i][j] += columns.get(i)[p] * columns.get(j)[p];
                }
            }
        }
        return gram;
    }

    private static void assertSameAnswers(HessianFamily original, HessianFamily span, Hyperparameters hyper,
            String where) {
        CoherenceAnalysis a = CoherenceAnalysis.of(original, hyper);
        CoherenceAnalysis b = CoherenceAnalysis.of(span, hyper);
        close(a.sigma(), b.sigma(), where + " sigma");
        close(a.lambdaMaxS().lower(), b.lambdaMaxS().lower(), where + " lambdaMaxS lower");
        close(a.lambdaMaxS().upper(), b.lambdaMaxS().upper(), where + " lambdaMaxS upper");
        close(a.maxLambdaMaxDrf(), b.maxLambdaMaxDrf(), where + " max lambda_max(D_rf)");
        close(a.lambdaMaxD(), b.lambdaMaxD(), where + " lambda_max(D)");
        close(a.retainSingle().sigma(), b.retainSingle().sigma(), where + " single retain");
        StabilityThresholds ta = StabilityThresholds.of(a, hyper, original.nRetain(), original.nForget());
        StabilityThresholds tb = StabilityThresholds.of(b, hyper, original.nRetain(), original.nForget());
        close(ta.eta7(), tb.eta7(), where + " eta7");
        close(ta.eta8(), tb.eta8(), where + " eta8");
        close(ta.etaCoherenceFree(), tb.etaCoherenceFree(), where + " etaCoherenceFree");
        StabilityAnalysis da = StabilityAnalysis.of(original, hyper, 3);
        StabilityAnalysis db = StabilityAnalysis.of(span, hyper, 3);
        close(da.rho(), db.rho(), where + " rho");
        close(da.etaStar(), db.etaStar(), where + " etaStar");
        close(da.normJ(), db.normJ(), where + " ||J||");
        assertEquals(da.nullSpace(), db.nullSpace(), where + " null space");
        close(da.lambdaMinA(), db.lambdaMinA(), where + " lambdaMinA");
        assertEquals(da.negativeCountA(), db.negativeCountA(), where + " negativeCountA");
        for (int k = 0; k < 3; k++) {
            close(da.exactMeanSquare()[k], db.exactMeanSquare()[k], where + " E||w_k||^2, k = " + (k + 1));
            close(da.traceN()[k], db.traceN()[k], where + " Tr(N_k)");
            close(da.traceJ2k()[k], db.traceJ2k()[k], where + " Tr(J^2k)");
            close(da.traceM()[k], db.traceM()[k], where + " Tr(M_k)");
        }
    }

    /** Equal to 1e-9 relative; both infinite or both NaN count as equal. */
    private static void close(double expected, double actual, String what) {
        if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
            assertEquals(expected, actual, what);
            return;
        }
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        if (Math.abs(expected - actual) > RELATIVE * scale) {
            throw new AssertionError(what + ": factors give " + expected + ", the Gram gives " + actual
                    + " (relative difference " + Math.abs(expected - actual) / scale + ")");
        }
    }
}
