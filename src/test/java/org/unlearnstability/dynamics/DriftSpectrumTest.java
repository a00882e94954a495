package org.unlearnstability.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;

class DriftSpectrumTest {
    private static final long SEED = 2026_1205L;

    /** The smallest eigenvalue of the dense drift A = (1-alpha) mean_R - alpha mean_F, and its negative count. */
    private static double[] denseDriftEigenvalues(HessianFamily family, double alpha) {
        int d = family.dimension();
        double[][] a = new double[d][d];
        accumulate(a, (1 - alpha) / family.nRetain(), family.retain());
        accumulate(a, -alpha / family.nForget(), family.forget());
        return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a, false)).getEigenvalues();
    }

    private static void accumulate(double[][] a, double weight, List<Hessian> set) {
        int d = a.length;
        double[] e = new double[d];
        double[] column = new double[d];
        for (Hessian h : set) {
            for (int j = 0; j < d; j++) {
                e[j] = 1.0;
                h.multiply(e, column);
                e[j] = 0.0;
                for (int i = 0; i < d; i++) {
                    a[i][j] += weight * column[i];
                }
            }
        }
    }

    @Test
    void lambdaMinIsTheSmallestEigenvalueOfTheDenseDrift() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(DynamicsCases.cases(6, 5)).checkAssert(c -> {
            DriftSpectrum drift = DriftSpectrum.of(c.family(), c.alpha());
            double[] eigenvalues = denseDriftEigenvalues(c.family(), c.alpha());
            double min = Double.POSITIVE_INFINITY;
            for (double v : eigenvalues) {
                min = Math.min(min, v);
            }
            // Rounding in A is relative to the Hessians it combines, not to A (which may cancel to 0).
            double scale = 0.0;
            for (Hessian h : c.family().all()) {
                scale = Math.max(scale, h.lambdaMax());
            }
            assertEquals(min, drift.lambdaMin(), 1e-12 * scale, c::toString);
        });
    }

    @Test
    void aNegativeDriftEigenvalueIsExactlyWhatMakesEtaStarZero() {
        qt().withFixedSeed(SEED + 1).withExamples(200).forAll(DynamicsCases.cases(6, 5)).checkAssert(c -> {
            StabilityAnalysis analysis = StabilityAnalysis.of(c.family(), c.hyper(), 1);
            if (analysis.negativeCountA() > 0) {
                assertEquals(0.0, analysis.etaStar(), c::toString);
            }
        });
    }

    /**
     * Sylvester's law of inertia: with rank-one H_i = g_i g_i^T and linearly independent g_i, A = G diag(w) G^T with
     * w_r = (1-alpha)/n_r > 0 and w_f = -alpha/n_f < 0 has exactly n_f negative eigenvalues for 0 < alpha < 1.
     */
    @Test
    void rankOneFamiliesWithIndependentGradientsHaveExactlyNfNegativeDirections() {
        qt().withFixedSeed(SEED + 2).withExamples(100).forAll(SourceDSL.integers().between(1, 6),
                SourceDSL.integers().between(1, 6), SourceDSL.doubles().between(0.01, 0.99),
                SourceDSL.longs().all()).checkAssert((nRetain, nForget, alpha, seed) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    int d = nRetain + nForget + random.nextInt(4);
                    HessianFamily family = new HessianFamily(rankOnes(random, nRetain, d),
                            rankOnes(random, nForget, d));
                    DriftSpectrum drift = DriftSpectrum.of(family, alpha);
                    assertEquals(nForget, drift.negativeCount(), () -> "n_r=" + nRetain + " n_f=" + nForget + " d=" + d
                            + " alpha=" + alpha + " seed=" + seed);
                });
    }

    private static List<Hessian> rankOnes(SplittableRandom random, int n, int d) {
        List<Hessian> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] g = new double[d];
            for (int p = 0; p < d; p++) {
                g[p] = random.nextDouble(-1.0, 1.0);
            }
            out.add(FactorHessian.rankOne(g));
        }
        return out;
    }
}
