package org.unlearnstability.experiment.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.coherence.FamilyGeometry;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.report.Progress;
import org.unlearnstability.theory.StabilityThresholds;

/**
 * How tight the thresholds of Theorems 2.2 and 2.3 are on the paper's own construction (section 3.1:
 * n_r = n_f = 50, alpha = 0.1, H_i = m e_1 e_1^T for i <= Q and m e_{i-Q+1} e_{i-Q+1}^T otherwise,
 * m = 2n/Q, d = n - Q + 1, the forget set built like the retain set), over Q x B: sigma, the exact etaStar,
 * eta7, eta8 and the ratios eta7 / etaStar and eta8 / etaStar. (7) claims divergence from eta7 on and the
 * dynamics converge below etaStar, so a ratio7 below 1 puts (7) on the wrong side; (8) claims convergence
 * up to eta8, so a ratio8 above 1 puts (8) on the wrong side.
 *
 * <p>The construction is diagonal, so etaStar comes from the closed form of the dynamics package
 * (T acts on the diagonal as a d x d nonnegative matrix; off-diagonal entries decouple and never exceed
 * it) and the coherence from the Gram matrix, computed once per Q ({@link FamilyGeometry}) and reused
 * across B.
 */
public final class TightnessGrid {
    /** n_r = n_f of section 3.1. */
    static final int N = 50;
    /** alpha of section 3.1. */
    static final double ALPHA = 0.1;
    /** The Q values of the grid. */
    static final int[] QS = {1, 2, 5, 10, 25, 50};
    /** The B values of the grid. */
    static final int[] BS = {1, 2, 5, 10, 20, 25, 40, 50};

    private TightnessGrid() {
    }

    /**
     * One cell.
     *
     * @param q Q
     * @param b B
     * @param sigma the unlearning coherence (Definition 4)
     * @param etaStar the exact critical learning rate
     * @param eta7 the smallest eta at which (7) holds
     * @param eta8 the largest eta at which (8) holds
     * @param etaCoherenceFree (7) with sigma at its floor (proof of Theorem 2.2: etaStar <= etaCoherenceFree <= eta7)
     */
    public record Cell(int q, int b, double sigma, double etaStar, double eta7, double eta8, double etaCoherenceFree) {
        /** @return eta7 / etaStar */
        public double ratio7() {
            return eta7 / etaStar;
        }

        /** @return eta8 / etaStar */
        public double ratio8() {
            return eta8 / etaStar;
        }

        /** @return whether (7) sits on the wrong side (claims divergence where the dynamics converge) */
        public boolean wrong7() {
            return ratio7() < 1.0;
        }

        /** @return whether (8) sits on the wrong side (claims convergence where the dynamics do not converge) */
        public boolean wrong8() {
            return ratio8() > 1.0;
        }
    }

    /**
     * @param progress advanced once per cell
     * @return the cells, Q-major, in grid order
     */
    static List<Cell> compute(Progress progress) {
        List<Cell> cells = new ArrayList<>();
        for (int q : QS) {
            HessianFamily family = PaperConstruction.section31(N, q);
            FamilyGeometry geometry = FamilyGeometry.of(family);
            cells.addAll(IntStream.range(0, BS.length).parallel().mapToObj(j -> {
                Cell cell = cell(family, geometry, q, BS[j]);
                progress.advance();
                return cell;
            }).toList());
        }
        return cells;
    }

    private static Cell cell(HessianFamily family, FamilyGeometry geometry, int q, int b) {
        // sigma, eta7 and eta8 do not depend on eta; eta = 1 is a placeholder.
        Hyperparameters hyper = new Hyperparameters(1.0, ALPHA, b);
        CoherenceAnalysis analysis = CoherenceAnalysis.of(geometry, hyper);
        StabilityThresholds thresholds = StabilityThresholds.of(analysis, hyper, N, N);
        double etaStar = CriticalLearningRate.of(family, ALPHA, b).etaStar();
        return new Cell(q, b, analysis.sigma(), etaStar, thresholds.eta7(), thresholds.eta8(),
                thresholds.etaCoherenceFree());
    }
}
