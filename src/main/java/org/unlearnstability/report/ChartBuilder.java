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
     * @param axis the horizontal axis
     * @return this builder
     */
    public B xAxis(PlotAxis axis) {
        this.xAxis = axis;
        return self();
    }

    /**
     * @param axis the vertical axis
     * @return this builder
     */
    public B yAxis(PlotAxis axis) {
        this.yAxis = axis;
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
}
