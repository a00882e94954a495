package org.unlearnstability.experiment.claims;

import java.util.List;

/**
 * What the tightness grid shows: the cells where (7) or (8) sits on the wrong side of the exact etaStar, and the
 * extreme finite ratios (claims.md, the reproduction index and tightness.md state them).
 *
 * @param cells the number of cells of the grid
 * @param wrong7 the cells with eta7 &lt; etaStar, in grid order
 * @param wrong8 the cells with eta8 &gt; etaStar, in grid order
 * @param smallestRatio7 the smallest finite eta7 / etaStar (NaN when none is finite)
 * @param largestRatio8 the largest finite eta8 / etaStar (NaN when none is finite)
 */
record TightnessFindings(int cells, List<TightnessGrid.Cell> wrong7, List<TightnessGrid.Cell> wrong8,
        double smallestRatio7, double largestRatio8) {

    /** Copies the lists. */
    TightnessFindings {
        wrong7 = List.copyOf(wrong7);
        wrong8 = List.copyOf(wrong8);
    }

    /**
     * @param grid the cells of the grid
     * @return its findings
     */
    static TightnessFindings of(List<TightnessGrid.Cell> grid) {
        return new TightnessFindings(grid.size(), grid.stream().filter(TightnessGrid.Cell::wrong7).toList(),
                grid.stream().filter(TightnessGrid.Cell::wrong8).toList(),
                grid.stream().mapToDouble(TightnessGrid.Cell::ratio7).filter(Double::isFinite).min().orElse(Double.NaN),
                grid.stream().mapToDouble(TightnessGrid.Cell::ratio8).filter(Double::isFinite).max()
                        .orElse(Double.NaN));
    }
}
