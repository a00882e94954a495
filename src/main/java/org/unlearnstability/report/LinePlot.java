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
    private final ChartFrame frame;

    private LinePlot(ChartFrame frame) {
        this.frame = frame;
    }

    /** @return a builder for a line plot */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the curves */
    public List<Curve> curves() {
        return frame.curves();
    }

    @Override
    public JFreeChart toChart() {
        XYPlot plot = new XYPlot();
        List<Curve> curves = frame.curves();
        plot.setDomainAxis(ChartStyle.axis(frame.xAxis()));
        plot.setRangeAxis(ChartStyle.axis(frame.yAxis()));
        plot.setRenderer(0, ChartStyle.renderer(curves));
        plot.setDataset(0, ChartStyle.dataset(curves));
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        JFreeChart chart = ChartStyle.chart(frame.title(), frame.subtitle(), plot);
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
            return new LinePlot(frame());
        }
    }
}
