package org.unlearnstability.frontier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.StabilityAnalysis;
import org.unlearnstability.engine.LocalTaskEngine;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.family.FamilyReader;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.report.Keyed;
import org.unlearnstability.report.Progress;
import org.unlearnstability.theory.StabilityThresholds;

/** The frontier agrees cell by cell with analyze's StabilityAnalysis and StabilityThresholds. */
class FrontierTest {
    private static Progress silent(long cells) {
        return new Progress("test", cells, new PrintStream(OutputStream.nullOutputStream()), Progress.Style.LINES,
                Duration.ofMinutes(1), System::nanoTime);
    }

    /** A rank-one factor family in R^6: the frontier works in span coordinates, the reference does not. */
    private static HessianFamily factorFamily() {
        return factorFamily(3, 2);
    }

    private static HessianFamily factorFamily(int nRetain, int nForget) {
        java.util.Random rng = new java.util.Random(11);
        List<Hessian> retain = new java.util.ArrayList<>();
        List<Hessian> forget = new java.util.ArrayList<>();
        for (int i = 0; i < nRetain + nForget; i++) {
            double[] g = new double[6];
            for (int p = 0; p < 6; p++) {
                g[p] = rng.nextGaussian();
            }
            (i < nRetain ? retain : forget).add(FactorHessian.rankOne(g));
        }
        return new HessianFamily(retain, forget);
    }

    @Test
    void everyCellEqualsAnalyzeAtTheSameHyperparameters() {
        for (HessianFamily family : List.of(FamilyReader.readJson(Path.of("specs/examples/tiny.json")).family(),
                factorFamily())) {
            double eta = 0.3;
            FrontierSpec spec = FrontierSpec.of(new double[] {0.0, 0.1, 0.5, 1.0}, new int[] {1, 2},
                    OptionalDouble.of(eta));
            Frontier frontier;
            try (TaskEngine engine = new LocalTaskEngine(2)) {
                frontier = Frontier.compute(family, spec, 1e-10, engine, silent(8));
            }
            assertEquals(8, frontier.cells().size());
            for (FrontierCell cell : frontier.cells()) {
                Hyperparameters hyper = new Hyperparameters(eta, cell.alpha(), cell.batch());
                StabilityAnalysis dynamics = StabilityAnalysis.of(family, hyper, 1);
                CoherenceAnalysis coherence = CoherenceAnalysis.of(family, hyper);
                StabilityThresholds thresholds = StabilityThresholds.of(coherence, hyper, family.nRetain(),
                        family.nForget());
                String where = "alpha " + cell.alpha() + ", B " + cell.batch();
                close(dynamics.etaStar(), cell.etaStar(), where + " etaStar");
                close(dynamics.rho(), cell.rho(), where + " rho");
                close(dynamics.lambdaMinA(), cell.lambdaMinA(), where + " lambdaMinA");
                assertEquals(dynamics.negativeCountA(), cell.negativeCountA(), where + " negativeCountA");
                close(thresholds.eta7(), cell.eta7(), where + " eta7");
                close(thresholds.eta8(), cell.eta8(), where + " eta8");
                close(thresholds.etaCoherenceFree(), cell.etaCoherenceFree(), where + " etaCoherenceFree");
                close(coherence.sigma(), cell.sigma(), where + " sigma");
                assertEquals(cell.etaStar() > 0, cell.stable());
            }
        }
    }

    @Test
    void atTheDefaultWidthEveryCellBracketsAnalyzesSigma() {
        HessianFamily family = factorFamily();
        FrontierSpec spec = FrontierSpec.of(FrontierSpec.defaultAlphas(), new int[] {1, 2}, OptionalDouble.empty());
        Frontier frontier = Frontier.compute(family, spec, silent(Frontier.tasks(family, spec)));
        for (FrontierCell cell : frontier.cells()) {
            Hyperparameters hyper = new Hyperparameters(1.0, cell.alpha(), cell.batch());
            double sigma = CoherenceAnalysis.of(family, hyper).sigma();
            String where = "alpha " + cell.alpha() + ", B " + cell.batch() + ": " + cell;
            double slack = 1e-12 * sigma;
            assertTrue(cell.sigmaLower() - slack <= sigma && sigma <= cell.sigmaUpper() + slack, where);
            assertTrue(cell.sigmaLower() <= cell.sigma() && cell.sigma() <= cell.sigmaUpper(), where);
            assertTrue(cell.sigmaUpper() - cell.sigmaLower() <= Frontier.DEFAULT_SIGMA_WIDTH * cell.sigmaUpper(),
                    where);
        }
    }

    @Test
    void theThreadCountDoesNotChangeAnyCell() {
        // 11 alphas x 3 batch sizes below n_f: 28 distinct mixing weights, three chains.
        HessianFamily family = factorFamily(6, 4);
        FrontierSpec spec = FrontierSpec.of(FrontierSpec.defaultAlphas(), new int[] {1, 2, 3, 4},
                OptionalDouble.of(0.2));
        assertEquals(3 + 11, Frontier.tasks(family, spec));
        List<FrontierCell> one;
        List<FrontierCell> three;
        try (TaskEngine engine = new LocalTaskEngine(1)) {
            one = Frontier.compute(family, spec, 1e-6, engine, silent(1)).cells();
        }
        try (TaskEngine engine = new LocalTaskEngine(3)) {
            three = Frontier.compute(family, spec, 1e-6, engine, silent(1)).cells();
        }
        assertEquals(one, three);
    }

    private static void close(double expected, double actual, String what) {
        if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
            assertEquals(expected, actual, what);
        } else {
            assertEquals(expected, actual, 1e-9 * Math.max(1e-300, Math.abs(expected)), what);
        }
    }

    @Test
    void withoutEtaRhoIsNaNAndTheThresholdsStillCome() {
        HessianFamily family = factorFamily();
        Frontier frontier = Frontier.compute(family, FrontierSpec.of(new double[] {0.2}, new int[] {1},
                OptionalDouble.empty()), silent(1));
        FrontierCell cell = frontier.cells().get(0);
        assertTrue(Double.isNaN(cell.rho()));
        Hyperparameters hyper = new Hyperparameters(7.0, 0.2, 1); // eta does not enter the thresholds
        close(StabilityThresholds.of(CoherenceAnalysis.of(family, hyper), hyper, 3, 2).eta7(), cell.eta7(), "eta7");
    }

    @Test
    void defaultGridFollowsTheIssue() {
        assertArrayEquals(new int[] {1, 2, 5, 10, 25, 50}, FrontierSpec.defaultBatches(500, 50));
        assertArrayEquals(new int[] {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000},
                FrontierSpec.defaultBatches(1000, 4000));
        assertArrayEquals(new int[] {1, 2, 5, 7}, FrontierSpec.defaultBatches(7, 9));
        assertArrayEquals(new int[] {1}, FrontierSpec.defaultBatches(1, 9));
        double[] alphas = FrontierSpec.defaultAlphas();
        assertEquals(11, alphas.length);
        assertEquals(0.3, alphas[3]);
        assertEquals(1.0, alphas[10]);
    }

    @Test
    void badGridsAreRejected() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> FrontierSpec.of(
                java.util.stream.IntStream.range(0, 2_000).mapToDouble(i -> i / 2_000.0).toArray(), new int[] {1},
                OptionalDouble.empty()));
        assertTrue(tooMany.getMessage().contains("at most 1,001 alphas"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrontierSpec.of(new double[] {0.5, 0.2}, new int[] {1},
                OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> FrontierSpec.of(new double[] {1.5}, new int[] {1},
                OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> FrontierSpec.of(new double[] {0.5}, new int[] {0},
                OptionalDouble.empty()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Frontier.compute(
                factorFamily(), FrontierSpec.of(new double[] {0.5}, new int[] {3}, OptionalDouble.empty()),
                silent(1)));
        assertEquals("batch size 3 exceeds min(n_r, n_f) = 2", e.getMessage());
    }

    @Test
    void summarySaysWhereItIsStableAndWhichDirectionsExpand() {
        Frontier frontier = Frontier.compute(factorFamily(), FrontierSpec.of(new double[] {0.0, 1.0}, new int[] {1},
                OptionalDouble.empty()), silent(2));
        FrontierSummary summary = frontier.summary();
        assertEquals(1, summary.stable().size(), "alpha = 0 only retains: stable; alpha = 1 only ascends: unstable");
        assertEquals(0.0, summary.best().orElseThrow().alpha());
        String text = summary.text();
        assertTrue(text.startsWith("Unlearning is mean-square stable for some learning rate in 1 of 2 (alpha, B)"
                + " cells."), text);
        assertTrue(text.contains("from alpha = 1 on, A = (1 - alpha) H_R - alpha H_F has negative eigenvalues (up to 2"
                + " directions"), text);
    }

    @Test
    void specDocumentsEveryColumn() throws Exception {
        String doc = Files.readString(Path.of("specs/frontier.md"));
        String table = Keyed.legendTable(List.of(FrontierColumn.values()));
        assertTrue(doc.contains(table), "specs/frontier.md must carry the legend of FrontierColumn:\n" + table);
    }
}
