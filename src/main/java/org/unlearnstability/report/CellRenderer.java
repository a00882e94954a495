package org.unlearnstability.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Fills each {@link HeatmapCell} of a {@link CellDataset} with the colour its {@link ColourScale} gives.
 * Unlike JFreeChart's XYBlockRenderer the rectangles may differ in size and position. Cells are filled
 * without anti-aliasing, so that neighbours meet without the hairline seams anti-aliased edges leave.
 */
final class CellRenderer extends AbstractXYItemRenderer {
    private static final long serialVersionUID = 1L;

    private final transient ColourScale scale;

    /** @param scale the colour of each value */
    CellRenderer(ColourScale scale) {
        this.scale = scale;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        boolean svg = g2 instanceof SVGGraphics2D;
        if (svg && item == 0) {
            // SVG viewers anti-alias fills, leaving seams between cells; crispEdges on one group avoids them.
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("id", "heatmap-cells",
                    "shape-rendering", "crispEdges"));
        }
        fillCell(g2, dataArea, plot, domainAxis, rangeAxis, ((CellDataset) dataset).cell(item));
        if (svg && item == dataset.getItemCount(series) - 1) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "heatmap-cells");
        }
    }

    private void fillCell(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis,
            ValueAxis rangeAxis, HeatmapCell cell) {
        Color colour = scale.colourOf(cell.value());
        if (colour == null) {
            return;
        }
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double x0 = domainAxis.valueToJava2D(cell.xMin(), dataArea, xEdge);
        double x1 = domainAxis.valueToJava2D(cell.xMax(), dataArea, xEdge);
        double y0 = rangeAxis.valueToJava2D(cell.yMin(), dataArea, yEdge);
        double y1 = rangeAxis.valueToJava2D(cell.yMax(), dataArea, yEdge);
        // Corners, not origin plus width: neighbours then share bit-identical edges and leave no gap.
        Path2D.Double block = new Path2D.Double();
        block.moveTo(x0, y0);
        block.lineTo(x1, y0);
        block.lineTo(x1, y1);
        block.lineTo(x0, y1);
        block.closePath();
        // Without anti-aliasing, neighbouring cells share their edge pixels exactly (no hairline seams).
        Object antialias = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g2.setPaint(colour);
        g2.fill(block);
        if (antialias != null) {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialias);
        }
    }

    @Override
    public Range findDomainBounds(XYDataset dataset) {
        return bounds((CellDataset) dataset, HeatmapCell::xMin, HeatmapCell::xMax);
    }

    @Override
    public Range findRangeBounds(XYDataset dataset) {
        return bounds((CellDataset) dataset, HeatmapCell::yMin, HeatmapCell::yMax);
    }

    private static Range bounds(CellDataset cells, ToDoubleFunction<HeatmapCell> min,
            ToDoubleFunction<HeatmapCell> max) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cells.getItemCount(0); i++) {
            low = Math.min(low, min.applyAsDouble(cells.cell(i)));
            high = Math.max(high, max.applyAsDouble(cells.cell(i)));
        }
        return new Range(low, high);
    }
}
