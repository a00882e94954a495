package org.unlearnstability.experiment.fig2;

import java.util.List;

/**
 * The outcome of the Figure 2 sweep: every cell of the grid (d-major: cell index
 * d_index * |signalNorms| + mu_index) and, per extra sigma0 value, the sensitivity cells.
 *
 * @param spec the spec that was run
 * @param cells the grid cells, d-major
 * @param sensitivity one entry per extra sigma0
 */
public record Fig2Result(Fig2Spec spec, List<CellSummary> cells, List<SensitivityRun> sensitivity) {

    /** Copies the lists. */
    public Fig2Result {
        cells = List.copyOf(cells);
        sensitivity = List.copyOf(sensitivity);
    }

    /**
     * The cells of one extra sigma0, d-major over the sensitivity dimensions and all signal norms.
     *
     * @param initSigma sigma0
     * @param cells the cells
     */
    public record SensitivityRun(double initSigma, List<CellSummary> cells) {

        /** Copies the list. */
        public SensitivityRun {
            cells = List.copyOf(cells);
        }
    }

    /**
     * @param dIndex index into spec().dimensions()
     * @param muIndex index into spec().signalNorms()
     * @return that cell
     */
    public CellSummary cell(int dIndex, int muIndex) {
        return cells.get(dIndex * spec.signalNorms().size() + muIndex);
    }
}
