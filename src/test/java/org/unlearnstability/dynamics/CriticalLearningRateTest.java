package org.unlearnstability.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;

class CriticalLearningRateTest {
    private static final long SEED = 4_2026_1129L;

    @Test
    void pencilEigenvalueAgreesWithBisectionOnRho() {
        int[] finite = new int[1];
        qt().withFixedSeed(SEED).withExamples(150).forAll(DynamicsCases.positiveDriftCases(5, 4)).checkAssert(c -> {
            CriticalLearningRate pencil = CriticalLearningRate.of(c.family(), c.alpha(), c.batch(), c.sampler());
            double bisection = CriticalLearningRate.bisection(c.family(), c.alpha(), c.batch(), c.sampler(), 1e-12);
            if (pencil.etaStar() == 0.0) {
                assertEquals(0.0, bisection, c::toString);
                return;
            }
            assertEquals(bisection, pencil.etaStar(), 1e-9 * bisection, () -> c + ": " + pencil);
            finite[0]++;
        });
        assertTrue(finite[0] >= 75, "only " + finite[0] + " of 150 cases had a positive etaStar");
    }

    @Test
    void rhoIsOneAtAFinitePositiveEtaStar() {
        int[] finite = new int[1];
        qt().withFixedSeed(SEED + 1).withExamples(200).forAll(DynamicsCases.positiveDriftCases(6, 5)).checkAssert(c -> {
            CriticalLearningRate critical = CriticalLearningRate.of(c.family(), c.alpha(), c.batch(), c.sampler());
            double etaStar = critical.etaStar();
            if (!(etaStar > 0.0) || Double.isInfinite(etaStar)) {
                return;
            }
            Hyperparameters atStar = new Hyperparameters(etaStar, c.alpha(), c.batch());
            double rho = MeanSquareOperator.of(c.family(), atStar, c.sampler()).rho().rho();
            assertEquals(1.0, rho, 1e-9, () -> c + ": " + critical);
            finite[0]++;
        });
        assertTrue(finite[0] >= 100, "only " + finite[0] + " of 200 cases had a positive etaStar");
    }

    @Test
    void etaStarIsZeroExactlyWhenRhoStaysAtLeastOneForEveryEta() {
        qt().withFixedSeed(SEED + 2).withExamples(100).forAll(DynamicsCases.cases(5, 4),
                SourceDSL.doubles().between(1e-3, 10.0)).checkAssert((c, eta) -> {
                    CriticalLearningRate critical = CriticalLearningRate.of(c.family(), c.alpha(), c.batch(),
                            c.sampler());
                    double rho = MeanSquareOperator.of(c.family(), new Hyperparameters(eta, c.alpha(), c.batch()),
                            c.sampler()).rho().rho();
                    if (critical.expanding()) {
                        assertEquals(0.0, critical.etaStar());
                        assertTrue(rho >= 1.0 - 1e-12, () -> c + " eta=" + eta + ": rho = " + rho);
                    } else {
                        boolean below = eta < critical.etaStar();
                        // Away from the boundary the two descriptions must agree.
                        if (Math.abs(eta / critical.etaStar() - 1) > 1e-6) {
                            assertEquals(below, rho < 1.0, () -> c + " eta=" + eta + ": rho = " + rho + ", "
                                    + critical);
                        }
                    }
                });
    }

    @Test
    void sectionThreeOneMatchesTheHandDerivedFormula() {
        // Diagonal family, H_R = H_F = Hbar: a_p = (1 - 2 alpha) hbar_p, s_p = c_r sum_r h_rp^2 + c_f sum_f h_fp^2,
        // etaStar = min_p 2 a_p / (a_p^2 + s_p). Coordinate 1: hbar = 2, sum h^2 = Q m^2; others: hbar = m/n, m^2.
        int n = 50;
        double alpha = 0.1;
        for (int q : new int[] {1, 2, 5, 10, 25, 50}) {
            for (int b : new int[] {1, 5, 10, 25, 49}) {
                HessianFamily family = PaperConstruction.section31(n, q);
                double m = 2.0 * n / q;
                double cr = (1 - alpha) * (1 - alpha) / n * (1.0 / b - 1.0 / n);
                double cf = alpha * alpha / n * (1.0 / b - 1.0 / n);
                double a1 = (1 - 2 * alpha) * 2.0;
                double s1 = (cr + cf) * q * m * m;
                double expected = 2 * a1 / (a1 * a1 + s1);
                if (q < n) {
                    double a = (1 - 2 * alpha) * m / n;
                    double s = (cr + cf) * m * m;
                    expected = Math.min(expected, 2 * a / (a * a + s));
                }
                double actual = CriticalLearningRate.of(family, alpha, b).etaStar();
                assertEquals(expected, actual, 1e-12 * expected, "Q=" + q + " B=" + b);
            }
        }
    }

    @Test
    void forgetOnlyAscentExpandsAtEveryLearningRate() {
        HessianFamily family = PaperConstruction.section31(10, 3);
        CriticalLearningRate critical = CriticalLearningRate.of(family, 1.0, 2);
        assertTrue(critical.expanding());
        assertEquals(0.0, critical.etaStar());
    }
}
