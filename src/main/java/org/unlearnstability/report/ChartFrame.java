package org.unlearnstability.report;

import java.util.List;

/**
 * What a {@link Heatmap} and a {@link LinePlot} share around their data, as collected by {@link ChartBuilder}:
 * the titles, the two axes and the curves.
 *
 * @param title the title
 * @param subtitle the subtitle below it (empty for none)
 * @param xAxis the horizontal axis
 * @param yAxis the vertical axis
 * @param curves the curves, in drawing order
 */
record ChartFrame(String title, String subtitle, PlotAxis xAxis, PlotAxis yAxis, List<Curve> curves) {
    /** Copies the curves. */
    ChartFrame {
        curves = List.copyOf(curves);
    }
}
