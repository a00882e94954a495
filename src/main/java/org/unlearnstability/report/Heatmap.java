package org.unlearnstability.report;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * A heatmap over two parameters with curves drawn over it: the phase diagram of Figure 1 (Monte Carlo
 * verdict per (B, Q) or (B, sigma) cell in blue, red or grey, with the Theorem 2.2, Theorem 2.3 and exact
 * boundaries), the heatmaps of Figure 2 over (d, ||mu||), and the tightness ratios eta7/etaStar and
 * eta8/etaStar over (Q, B).
 *
 * <p>Cells are rectangles in data coordinates ({@link HeatmapCell}), given one by one or as a grid of
 * centres whose edges lie halfway between neighbours. A categorical heatmap gets a legend with one square
 * per category; a continuous one gets a colour bar on the right. Each curve gets a legend entry with its
 * line style. Unless an axis has a fixed range, the axes span exactly the cells, and curves are clipped
 * to them.
 */
public final class Heatmap extends Figure {
    private final ChartFrame frame;
    private final ColourScale scale;
    private final List<HeatmapCell> cells;

    private Heatmap(ChartFrame frame, ColourScale scale, List<HeatmapCell> cells) {
        this.frame = frame;
        this.scale = scale;
        this.cells = List.copyOf(cells);
    }

    /**
     * @param scale how cell values map to colours
     * @return a builder for a heatmap with that scale
     */
    public static Builder builder(ColourScale scale) {
        return new Builder(scale);
    }

    /** @return the cells */
    public List<HeatmapCell> cells() {
        return cells;
    }

    /** @return the curves drawn over the cells */
    public List<Curve> curves() {
        return frame.curves();
    }

    /** @return the colour scale */
    public ColourScale scale() {
        return scale;
    }

    @Override
    public JFreeChart toChart() {
        List<Curve> curves = frame.curves();
        ValueAxis domain = ChartStyle.axis(frame.xAxis());
        ValueAxis range = ChartStyle.axis(frame.yAxis());
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(domain);
        plot.setRangeAxis(range);
        // Renderers first: a dataset without its renderer is ranged by renderer 0.
        plot.setRenderer(0, new CellRenderer(scale));
        plot.setRenderer(1, ChartStyle.renderer(curves));
        plot.setDataset(0, new CellDataset(cells));
        plot.setDataset(1, ChartStyle.dataset(curves));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        fitAxes(domain, range);
        JFreeChart chart = ChartStyle.chart(frame.title(), frame.subtitle(), plot);
        LegendItemCollection items = new LegendItemCollection();
        if (scale instanceof CategoricalScale categorical) {
            for (Category category : categorical.categories()) {
                items.add(categoryItem(category));
            }
        } else if (scale instanceof ContinuousScale continuous) {
            chart.addSubtitle(colourBar(continuous));
        }
        curves.forEach(curve -> items.add(ChartStyle.legendItem(curve)));
        ChartStyle.legend(chart, plot, items);
        return chart;
    }

    private void fitAxes(ValueAxis domain, ValueAxis range) {
        double[] extent = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (HeatmapCell cell : cells) {
            extent[0] = Math.min(extent[0], cell.xMin());
            extent[1] = Math.max(extent[1], cell.xMax());
            extent[2] = Math.min(extent[2], cell.yMin());
            extent[3] = Math.max(extent[3], cell.yMax());
        }
        if (!frame.xAxis().hasRange()) {
            domain.setRange(extent[0], extent[1]);
        }
        if (!frame.yAxis().hasRange()) {
            range.setRange(extent[2], extent[3]);
        }
    }

    private static LegendItem categoryItem(Category category) {
        LegendItem item = new LegendItem(category.label(), null, null, null,
                new Rectangle2D.Double(-6.0, -6.0, 12.0, 12.0), category.colour());
        item.setLabelFont(ChartStyle.LEGEND_FONT);
        return item;
    }

    private static PaintScaleLegend colourBar(ContinuousScale continuous) {
        NumberAxis axis = new NumberAxis(continuous.label());
        axis.setRange(continuous.coordinate(continuous.lower()), continuous.coordinate(continuous.upper()));
        axis.setNumberFormatOverride(new CompactFormat(continuous.log()));
        if (continuous.log() && axis.getRange().getLength() >= 2.0) {
            // Whole decades only: ticks at 10^0.5 would be labelled with awkward values.
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        axis.setLabelFont(ChartStyle.LABEL_FONT);
        axis.setTickLabelFont(ChartStyle.TICK_FONT);
        PaintScaleLegend legend = new PaintScaleLegend(new AxisPaintScale(continuous), axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(16.0);
        legend.setSubdivisionCount(256);
        legend.setStripOutlineVisible(true);
        legend.setFrame(BlockBorder.NONE);
        legend.setMargin(new RectangleInsets(4, 12, 4, 4));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }

    /** The colour bar samples its axis linearly, so on a log scale the axis runs over log10 of the value. */
    private record AxisPaintScale(ContinuousScale scale) implements PaintScale {
        @Override
        public double getLowerBound() {
            return scale.coordinate(scale.lower());
        }

        @Override
        public double getUpperBound() {
            return scale.coordinate(scale.upper());
        }

        @Override
        public java.awt.Paint getPaint(double coordinate) {
            return scale.palette().at(scale.position(coordinate));
        }
    }

    /** Collects the cells, curves, axes and titles of a heatmap. */
    public static final class Builder extends ChartBuilder<Builder> {
        private final ColourScale scale;
        private final List<HeatmapCell> cells = new ArrayList<>();
        private final List<Grid> grids = new ArrayList<>();

        private Builder(ColourScale scale) {
            this.scale = scale;
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * @param cell a cell with a numeric value (a category index on a categorical scale)
         * @return this builder
         */
        public Builder cell(HeatmapCell cell) {
            cells.add(cell);
            return this;
        }

        /**
         * @param xMin the left edge
         * @param xMax the right edge
         * @param yMin the bottom edge
         * @param yMax the top edge
         * @param category the cell's category; null leaves it blank
         * @return this builder
         * @throws IllegalArgumentException when the scale is not categorical or has no such category
         */
        public Builder cell(double xMin, double xMax, double yMin, double yMax, @Nullable String category) {
            cells.add(new HeatmapCell(xMin, xMax, yMin, yMax, categoryIndex(category)));
            return this;
        }

        /**
         * A regular grid: cell (i, j) is centred on (x[i], y[j]) and holds {@code values[i][j]} (NaN blank).
         *
         * @param x strictly increasing x centres
         * @param y strictly increasing y centres
         * @param values one row per x centre, one entry per y centre
         * @return this builder
         */
        public Builder grid(double[] x, double[] y, double[][] values) {
            requireShape(x.length, y.length, values.length);
            double[][] copy = new double[values.length][];
            for (int i = 0; i < values.length; i++) {
                requireShape(x.length, y.length, values[i].length, i);
                copy[i] = values[i].clone();
            }
            grids.add(new Grid(x.clone(), y.clone(), copy));
            return this;
        }

        /**
         * A regular categorical grid: cell (i, j) is centred on (x[i], y[j]) and has category
         * {@code categories[i][j]} (null blank).
         *
         * @param x strictly increasing x centres
         * @param y strictly increasing y centres
         * @param categories one row per x centre, one label per y centre
         * @return this builder
         */
        public Builder grid(double[] x, double[] y, @Nullable String[][] categories) {
            double[][] values = new double[categories.length][];
            for (int i = 0; i < categories.length; i++) {
                values[i] = new double[categories[i].length];
                for (int j = 0; j < categories[i].length; j++) {
                    values[i][j] = categoryIndex(categories[i][j]);
                }
            }
            return grid(x, y, values);
        }

        /**
         * @return the heatmap
         * @throws IllegalArgumentException when there are no cells, or a log axis meets a non-positive value
         */
        public Heatmap build() {
            List<HeatmapCell> all = new ArrayList<>(cells);
            for (Grid grid : grids) {
                grid.addCells(all, xAxis.log(), yAxis.log());
            }
            if (all.isEmpty()) {
                throw new IllegalArgumentException("heatmap '" + title + "' has no cells");
            }
            for (HeatmapCell cell : all) {
                scale.colourOf(cell.value());
                if ((xAxis.log() && !(cell.xMin() > 0.0)) || (yAxis.log() && !(cell.yMin() > 0.0))) {
                    throw new IllegalArgumentException("heatmap '" + title + "': cell " + cell
                            + " reaches a non-positive value on a log axis");
                }
            }
            return new Heatmap(frame(), scale, all);
        }

        private double categoryIndex(@Nullable String category) {
            if (!(scale instanceof CategoricalScale categorical)) {
                throw new IllegalArgumentException("category '" + category + "' given to a heatmap with a "
                        + "continuous colour scale");
            }
            return category == null ? Double.NaN : categorical.indexOf(category);
        }

        private static void requireShape(int nx, int ny, int rows) {
            if (rows != nx) {
                throw new IllegalArgumentException("grid values have " + rows + " rows but there are " + nx
                        + " x centres (" + ny + " y centres)");
            }
        }

        private static void requireShape(int nx, int ny, int length, int row) {
            if (length != ny) {
                throw new IllegalArgumentException("grid row " + row + " has " + length + " values but there are "
                        + ny + " y centres");
            }
        }
    }

    /** A regular grid, expanded into cells once the axes (linear or log) are known. */
    private record Grid(double[] x, double[] y, double[][] values) {
        void addCells(List<HeatmapCell> cells, boolean xLog, boolean yLog) {
            double[] xEdges = HeatmapCell.edges(x, xLog);
            double[] yEdges = HeatmapCell.edges(y, yLog);
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < y.length; j++) {
                    cells.add(new HeatmapCell(xEdges[i], xEdges[i + 1], yEdges[j], yEdges[j + 1], values[i][j]));
                }
            }
        }
    }
}
