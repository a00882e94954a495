package org.unlearnstability.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

/**
 * Fills each {@link HeatmapCell} of a {@link CellDataset} with the colour its {@link ColourScale} gives.
 * Unlike JFreeChart's XYBlockRenderer the rectangles may differ in size and position. Each cell's outline
 * is drawn in its own colour as well, which closes the hairline seams anti-aliasing leaves between
 * neighbouring cells in PNG and SVG viewers.
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
        HeatmapCell cell = ((CellDataset) dataset).cell(item);
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
        Rectangle2D block = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0),
                Math.abs(y1 - y0));
        g2.setPaint(colour);
        g2.fill(block);
        g2.setStroke(new BasicStroke(1.0f));
        g2.draw(block);
    }

    @Override
    public Range findDomainBounds(XYDataset dataset) {
        CellDataset cells = (CellDataset) dataset;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cells.getItemCount(0); i++) {
            low = Math.min(low, cells.cell(i).xMin());
            high = Math.max(high, cells.cell(i).xMax());
        }
        return new Range(low, high);
    }

    @Override
    public Range findRangeBounds(XYDataset dataset) {
        CellDataset cells = (CellDataset) dataset;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cells.getItemCount(0); i++) {
            low = Math.min(low, cells.cell(i).yMin());
            high = Math.max(high, cells.cell(i).yMax());
        }
        return new Range(low, high);
    }
}
