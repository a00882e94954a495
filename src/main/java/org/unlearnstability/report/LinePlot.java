package org.unlearnstability.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;

/**
 * Curves over two axes, either of which may be logarithmic: for instance the unlearning coherence sigma
 * against the SNR ||mu|| / (sigma sqrt d) of section 3.2 (Theorem 2.4), or a bound's ratio against the
 * batch size. Each {@link Curve} has its own colour, stroke and optional markers, and a legend entry.
 */
public final class LinePlot extends Figure {
    private final String title;
    private final String subtitle;
    private final PlotAxis xAxis;
    private final PlotAxis yAxis;
    private final List<Curve> curves;

    private LinePlot(Builder builder) {
        this.title = builder.title;
        this.subtitle = builder.subtitle;
        this.xAxis = builder.xAxis;
        this.yAxis = builder.yAxis;
        this.curves = List.copyOf(builder.curves);
    }

    /** @return a builder for a line plot */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the curves */
    public List<Curve> curves() {
        return curves;
    }

    @Override
    public JFreeChart toChart() {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(ChartStyle.axis(xAxis));
        plot.setRangeAxis(ChartStyle.axis(yAxis));
        plot.setRenderer(0, ChartStyle.renderer(curves));
        plot.setDataset(0, ChartStyle.dataset(curves));
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot);
        LegendItemCollection items = new LegendItemCollection();
        curves.forEach(curve -> items.add(ChartStyle.legendItem(curve)));
        ChartStyle.legend(chart, plot, items);
        return chart;
    }

    /** Collects the curves, axes and titles of a line plot. */
    public static final class Builder extends ChartBuilder<Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * @return the plot
         * @throws IllegalArgumentException when there is no curve, or a log axis meets a non-positive value
         */
        public LinePlot build() {
            if (curves.isEmpty()) {
                throw new IllegalArgumentException("line plot '" + title + "' has no curves");
            }
            for (Curve curve : curves) {
                ChartStyle.requirePositive(curve, xAxis, yAxis);
            }
            return new LinePlot(this);
        }
    }
}
