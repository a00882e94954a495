package org.unlearnstability.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What every chart builder collects besides its data: title, subtitle, the two axes and the curves (drawn in the
 * order added; over the cells of a heatmap).
 *
 * @param <B> the concrete builder, returned by every setter so that calls chain
 */
public abstract class ChartBuilder<B extends ChartBuilder<B>> {
    String title = "";
    String subtitle = "";
    PlotAxis xAxis = PlotAxis.linear("x");
    PlotAxis yAxis = PlotAxis.linear("y");
    final List<Curve> curves = new ArrayList<>();

    ChartBuilder() {
    }

    /** @return this builder as its concrete type */
    abstract B self();

    /**
     * @param text the title
     * @return this builder
     */
    public B title(String text) {
        this.title = text;
        return self();
    }

    /**
     * @param text a subtitle below the title, such as {@code "eta = 0.5, Bernoulli batches"}
     * @return this builder
     */
    public B subtitle(String text) {
        this.subtitle = text;
        return self();
    }

    /**
     * @param horizontal the horizontal axis
     * @param vertical the vertical axis
     * @return this builder
     */
    public B axes(PlotAxis horizontal, PlotAxis vertical) {
        this.xAxis = horizontal;
        this.yAxis = vertical;
        return self();
    }

    /**
     * @param curve a curve, drawn in the order added
     * @return this builder
     */
    public B curve(Curve curve) {
        curves.add(curve);
        return self();
    }

    /**
     * @return the titles, axes and curves collected
     * @throws IllegalArgumentException when a curve has a non-positive coordinate on a log axis
     */
    ChartFrame frame() {
        for (Curve curve : curves) {
            ChartStyle.requirePositive(curve, xAxis, yAxis);
        }
        return new ChartFrame(title, subtitle, xAxis, yAxis, curves);
    }
}
