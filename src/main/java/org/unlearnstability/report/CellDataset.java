package org.unlearnstability.report;

import java.util.List;
import org.jfree.data.xy.AbstractXYZDataset;

/**
 * The cells of a {@link Heatmap} as a one-series JFreeChart dataset: x and y are the cell centres, z the
 * value; {@link CellRenderer} reads the full rectangles through {@link #cell(int)}.
 */
final class CellDataset extends AbstractXYZDataset {
    private static final long serialVersionUID = 1L;

    private final List<HeatmapCell> cells;

    /** @param cells the cells */
    CellDataset(List<HeatmapCell> cells) {
        this.cells = List.copyOf(cells);
    }

    /**
     * @param item the item index
     * @return its cell
     */
    HeatmapCell cell(int item) {
        return cells.get(item);
    }

    @Override
    public int getSeriesCount() {
        return 1;
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return "cells";
    }

    @Override
    public int getItemCount(int series) {
        return cells.size();
    }

    @Override
    public Number getX(int series, int item) {
        HeatmapCell cell = cells.get(item);
        return 0.5 * (cell.xMin() + cell.xMax());
    }

    @Override
    public Number getY(int series, int item) {
        HeatmapCell cell = cells.get(item);
        return 0.5 * (cell.yMin() + cell.yMax());
    }

    @Override
    public Number getZ(int series, int item) {
        return cells.get(item).value();
    }
}
