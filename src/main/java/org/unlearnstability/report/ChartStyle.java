package org.unlearnstability.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The look shared by every figure of the reports: fonts, white backgrounds, axes built from a
 * {@link PlotAxis}, curves drawn from {@link Curve}s, and the legend. Kept in one place so that the
 * figures of the audit, of Figure 1 and of Figure 2 look alike.
 */
final class ChartStyle {
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Color GRID = new Color(0xDDDDDD);
    static final Color FRAME = new Color(0x555555);

    private static final double MARKER_SIZE = 6.0;

    private ChartStyle() {
    }

    /**
     * @param title the title, or empty for none
     * @param subtitle the subtitle, or empty for none
     * @param plot the plot
     * @return the chart, white, without JFreeChart's automatic legend
     */
    static JFreeChart chart(String title, String subtitle, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        if (!subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE_FONT);
            sub.setPaint(FRAME);
            chart.addSubtitle(sub);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(FRAME);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return chart;
    }

    /**
     * @param spec the axis description
     * @return a JFreeChart axis with the shared fonts and compact tick labels
     */
    static ValueAxis axis(PlotAxis spec) {
        ValueAxis axis;
        if (spec.log()) {
            LogAxis log = new RoundLogAxis(spec.label());
            log.setNumberFormatOverride(new CompactFormat(false));
            log.setSmallestValue(Double.MIN_NORMAL);
            axis = log;
        } else {
            NumberAxis linear = new NumberAxis(spec.label());
            linear.setAutoRangeIncludesZero(false);
            linear.setNumberFormatOverride(new CompactFormat(false));
            if (spec.integerTicks()) {
                linear.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            axis = linear;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setAxisLinePaint(FRAME);
        axis.setTickMarkPaint(FRAME);
        if (spec.hasRange()) {
            axis.setRange(spec.lower(), spec.upper());
        }
        return axis;
    }

    /**
     * @param curve a curve
     * @param xAxis the horizontal axis it is drawn against
     * @param yAxis the vertical axis
     * @throws IllegalArgumentException when a point has a non-positive coordinate on a log axis (NaN is fine)
     */
    static void requirePositive(Curve curve, PlotAxis xAxis, PlotAxis yAxis) {
        double[] x = curve.x();
        double[] y = curve.y();
        for (int p = 0; p < x.length; p++) {
            if ((xAxis.log() && x[p] <= 0.0) || (yAxis.log() && y[p] <= 0.0)) {
                throw new IllegalArgumentException("curve '" + curve.name() + "': point " + p + " = (" + x[p] + ", "
                        + y[p] + ") cannot be drawn on a log axis");
            }
        }
    }

    /**
     * @param curves the curves
     * @return one series per curve, points in the given order (NaN kept, so lines break there)
     */
    static XYSeriesCollection dataset(List<Curve> curves) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            // Keys carry the index: two curves may share a legend name but are still separate series.
            XYSeries series = new XYSeries(i + ": " + curve.name(), false, true);
            double[] x = curve.x();
            double[] y = curve.y();
            for (int p = 0; p < x.length; p++) {
                series.add(x[p], y[p], false);
            }
            dataset.addSeries(series);
        }
        return dataset;
    }

    /**
     * @param curves the curves, in dataset order
     * @return a renderer drawing each curve as one path (so dashes run on across points) in its own style
     */
    static XYLineAndShapeRenderer renderer(List<Curve> curves) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        Ellipse2D dot = new Ellipse2D.Double(-MARKER_SIZE / 2, -MARKER_SIZE / 2, MARKER_SIZE, MARKER_SIZE);
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            renderer.setSeriesPaint(i, curve.colour());
            renderer.setSeriesStroke(i, curve.style().stroke(curve.width()));
            renderer.setSeriesLinesVisible(i, curve.style() != LineStyle.NONE);
            renderer.setSeriesShapesVisible(i, curve.markers());
            renderer.setSeriesShape(i, dot);
        }
        return renderer;
    }

    /**
     * @param curve a curve
     * @return its legend entry: a short stretch of its line (and a dot when it has markers)
     */
    static LegendItem legendItem(Curve curve) {
        Line2D line = new Line2D.Double(-14.0, 0.0, 14.0, 0.0);
        Ellipse2D dot = new Ellipse2D.Double(-MARKER_SIZE / 2, -MARKER_SIZE / 2, MARKER_SIZE, MARKER_SIZE);
        BasicStroke stroke = curve.style().stroke(curve.width());
        LegendItem item = new LegendItem(curve.name(), null, null, null, curve.markers(), dot, curve.markers(),
                curve.colour(), false, curve.colour(), stroke, curve.style() != LineStyle.NONE, line, stroke,
                curve.colour());
        item.setLabelFont(LEGEND_FONT);
        return item;
    }

    /**
     * @param chart the chart
     * @param plot its plot, whose fixed legend items are shown
     * @param items the legend entries; no legend when empty
     */
    static void legend(JFreeChart chart, XYPlot plot, LegendItemCollection items) {
        if (items.getItemCount() == 0) {
            return;
        }
        plot.setFixedLegendItems(items);
        LegendTitle legend = new LegendTitle(plot);
        legend.setItemFont(LEGEND_FONT);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        chart.addSubtitle(legend);
    }
}
