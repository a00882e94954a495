package org.unlearnstability.experiment.fig1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.unlearnstability.experiment.SpecFile;

/**
 * The boundary curves against the per-cell conditions they summarise: (7) holds exactly in the cells
 * below the Theorem 2.2 curve and (8) exactly in those above the Theorem 2.3 curve (the closed forms
 * against StabilityThresholds), and the exact mean-square and visible-growth curves separate the cells
 * where etaStar &lt; eta and lyapunov &gt; ln(ratio)/K from the others.
 */
class PhaseBoundariesTest {

    @Test
    void curvesSeparateTheCellsWhereTheirConditionHolds() {
        Path quick = Path.of("specs", "experiments", "fig1-quick.json");
        Fig1Spec spec = Fig1Spec.read("quick", SpecFile.read(quick).tree());
        List<Fig1Cell> cells = new ArrayList<>();
        Fig1Computation computation = new Fig1Computation(spec);
        for (int q : spec.q().values()) {
            Fig1Computation.Row row = computation.coherence(q);
            row.cells().forEach(c -> cells.add(computation.cell(c, row.family())));
        }
        Map<Integer, List<Fig1Cell>> byBatch = new TreeMap<>();
        cells.forEach(c -> byBatch.computeIfAbsent(c.batch(), b -> new ArrayList<>()).add(c));
        List<List<Fig1Cell>> columns = new ArrayList<>(byBatch.values());
        int checked = 0;
        int almostSure = 0;
        for (double eta : spec.etas()) {
            for (String sampler : spec.samplers()) {
                PhaseBoundaries.Boundary t22 = PhaseBoundaries.theorem22(columns, eta);
                PhaseBoundaries.Boundary t23 = PhaseBoundaries.theorem23(columns, eta, spec.nRetain());
                PhaseBoundaries.Boundary ms = PhaseBoundaries.meanSquare(columns, eta, sampler);
                PhaseBoundaries.Boundary zero = PhaseBoundaries.almostSureZero(columns, eta, sampler);
                for (int i = 0; i < columns.size(); i++) {
                    for (Fig1Cell cell : columns.get(i)) {
                        Fig1Cell.Run run = PhaseBoundaries.run(cell, sampler, eta);
                        String label = "Q=" + cell.q() + " B=" + cell.batch() + " eta=" + eta + " " + sampler;
                        if (!nearly(cell.sigma(), t22.sigma()[i])) {
                            assertEquals(cell.sigma() < t22.sigma()[i], run.cond7(), "(7) below the curve, " + label);
                            checked++;
                        }
                        if (!Double.isNaN(t23.sigma()[i]) && !nearly(cell.sigma(), t23.sigma()[i])) {
                            assertEquals(cell.sigma() > t23.sigma()[i], run.cond8(), "(8) above the curve, " + label);
                            checked++;
                        }
                        if (!Double.isNaN(ms.sigma()[i])) {
                            assertEquals(cell.sigma() < ms.sigma()[i], run.etaStar() < eta, "rho > 1 below, " + label);
                        }
                        if (!Double.isNaN(zero.sigma()[i])) {
                            assertEquals(cell.sigma() < zero.sigma()[i], run.lyapunov() > 0.0,
                                    "lyapunov > 0 below, " + label);
                            almostSure++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 200, "enough cells on either side: " + checked);
        assertTrue(almostSure > 100, "enough cells beside the almost-sure curve: " + almostSure);
    }

    private static boolean nearly(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.abs(b));
    }
}
