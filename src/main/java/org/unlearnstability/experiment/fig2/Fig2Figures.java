package org.unlearnstability.experiment.fig2;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.unlearnstability.report.ContinuousScale;
import org.unlearnstability.report.Curve;
import org.unlearnstability.report.Figure;
import org.unlearnstability.report.Heatmap;
import org.unlearnstability.report.LinePlot;
import org.unlearnstability.report.LineStyle;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.report.Palette;
import org.unlearnstability.report.PlotAxis;

/**
 * The figures of the Figure 2 sweep: heatmaps over (||mu||, d) of the paper's three panels (training
 * loss, test error, forget loss after unlearning) and of the beyond-paper metrics (forget-loss increase,
 * gap to retraining, membership-inference AUC after unlearning, unlearning coherence sigma), each with the
 * contours "test error = 0.25" and "training loss = 0.1" that bound the memorisation region; and
 * Theorem 2.4's coherence against SNR, sigma / (n_r n_f) and the ratios to bounds (10) and (11).
 */
final class Fig2Figures {
    /** The smallest colour-scale span of a heatmap whose cells are all equal (a scale needs hi &gt; lo). */
    private static final double FLAT_SPAN = 1e-12;
    /** The span of such a scale relative to its value, so that the value reads unchanged on the legend. */
    private static final double FLAT_RELATIVE_SPAN = 1e-6;
    private Fig2Figures() {
    }

    static void write(Fig2Result result, OutputDirectory out) throws IOException {
        List<Fig2Metric> heatmaps = new ArrayList<>(List.of(Fig2Metric.TRAIN_LOSS, Fig2Metric.TEST_ERROR,
                Fig2Metric.FORGET_LOSS_AFTER, Fig2Metric.FORGET_LOSS_INCREASE, Fig2Metric.RETRAIN_GAP,
                Fig2Metric.MIA_AUC_AFTER));
        if (result.spec().coherence()) {
            heatmaps.addAll(List.of(Fig2Metric.SIGMA, Fig2Metric.LAMBDA_MIN_A, Fig2Metric.NEGATIVE_COUNT_A,
                    Fig2Metric.RHO));
        }
        Map<String, Supplier<Figure>> figures = new LinkedHashMap<>();
        for (Fig2Metric m : heatmaps) {
            figures.put("heatmap-" + m.key(), () -> heatmap(result, m));
        }
        if (result.spec().coherence() && result.spec().signalNorms().stream().allMatch(mu -> mu > 0)) {
            figures.put("coherence-vs-snr", () -> coherencePlot(result));
            figures.put("theorem24-ratios-vs-snr", () -> boundPlot(result));
        }
        Figure.writeAllPngAndSvg(out, figures);
    }

    static Heatmap heatmap(Fig2Result result, Fig2Metric metric) {
        Fig2Spec spec = result.spec();
        int[] muOrder = order(spec.signalNorms().stream().mapToDouble(Double::doubleValue).toArray());
        int[] dOrder = order(spec.dimensions().stream().mapToDouble(Integer::doubleValue).toArray());
        double[] mus = new double[muOrder.length];
        double[] ds = new double[dOrder.length];
        double[][] values = new double[muOrder.length][dOrder.length];
        for (int i = 0; i < muOrder.length; i++) {
            mus[i] = spec.signalNorms().get(muOrder[i]);
            for (int j = 0; j < dOrder.length; j++) {
                ds[j] = spec.dimensions().get(dOrder[j]);
                values[i][j] = result.cell(dOrder[j], muOrder[i]).mean(metric);
            }
        }
        boolean logMu = mus[0] > 0;
        Heatmap.Builder builder = Heatmap.builder(scale(metric, values))
                .title(metric.key() + " (mean of " + spec.repeats() + " repeats)")
                .subtitle("section 3.2 / Figure 2; red: test error = 0.25 (above it to the left), "
                        + "magenta: training loss = 0.1 (below it to the upper right)")
                .axes(logMu ? PlotAxis.log("||mu||") : PlotAxis.linear("||mu||"), PlotAxis.integers("d"))
                .grid(mus, ds, values);
        builder.curve(contour(result, Fig2Metric.TEST_ERROR, 0.25, "test error = 0.25", LineStyle.SOLID, Color.RED,
                dOrder));
        builder.curve(contour(result, Fig2Metric.TRAIN_LOSS, 0.1, "training loss = 0.1", LineStyle.DASHED,
                Color.MAGENTA, dOrder));
        return builder.build();
    }

    private static ContinuousScale scale(Fig2Metric metric, double[][] values) {
        double lo = Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(Double::isFinite).min().orElse(0);
        double hi = Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(Double::isFinite).max().orElse(1);
        if (!(hi > lo)) {
            hi = lo + Math.max(FLAT_SPAN, Math.abs(lo) * FLAT_RELATIVE_SPAN);
        }
        return ContinuousScale.linear(metric.key(), lo, hi);
    }

    /** Per d, the ||mu|| where the metric's mean crosses the level (NaN where it does not). */
    private static Curve contour(Fig2Result result, Fig2Metric metric, double level, String name, LineStyle style,
            Color colour, int[] dOrder) {
        double[] x = new double[dOrder.length];
        double[] y = new double[dOrder.length];
        for (int j = 0; j < dOrder.length; j++) {
            x[j] = Fig2Markdown.crossing(result, dOrder[j], metric, level);
            y[j] = result.spec().dimensions().get(dOrder[j]);
        }
        return Curve.of(name, colour, style, x, y);
    }

    /** A line plot over the SNR ||mu|| / (sigma sqrt(d)) of Theorem 2.4, on a log axis. */
    private static LinePlot.Builder againstSnr(String title, String subtitle, PlotAxis yAxis) {
        return LinePlot.builder().title(title).subtitle(subtitle)
                .axes(PlotAxis.log("SNR = ||mu|| / (sigma sqrt(d))"), yAxis);
    }

    private static LinePlot coherencePlot(Fig2Result result) {
        LinePlot.Builder plot = againstSnr("Theorem 2.4: unlearning coherence against SNR",
                "sigma / (n_r n_f) at the trained solution, one line per d (mean of repeats)",
                PlotAxis.linear("sigma / (n_r n_f)"));
        perDimension(result, Fig2Metric.SIGMA_OVER_PAIRS, plot, LineStyle.SOLID, "");
        return plot.build();
    }

    private static LinePlot boundPlot(Fig2Result result) {
        LinePlot.Builder plot = againstSnr("Theorem 2.4: measured quantity / bound expression",
                "solid: lambda_max(S) / (10); dotted: max lambda_max(D_rf) / (11); one colour per d",
                PlotAxis.log("ratio"));
        perDimension(result, Fig2Metric.BOUND10_RATIO, plot, LineStyle.SOLID, "(10) ");
        perDimension(result, Fig2Metric.BOUND11_RATIO, plot, LineStyle.DOTTED, "(11) ");
        return plot.build();
    }

    private static void perDimension(Fig2Result result, Fig2Metric metric, LinePlot.Builder plot, LineStyle style,
            String prefix) {
        Fig2Spec spec = result.spec();
        int[] muOrder = order(spec.signalNorms().stream().mapToDouble(Double::doubleValue).toArray());
        int dims = spec.dimensions().size();
        for (int di = 0; di < dims; di++) {
            double[] x = new double[muOrder.length];
            double[] y = new double[muOrder.length];
            for (int i = 0; i < muOrder.length; i++) {
                CellSummary c = result.cell(di, muOrder[i]);
                x[i] = c.mean(Fig2Metric.SNR);
                y[i] = c.mean(metric);
            }
            Color colour = Palette.VIRIDIS.at(dims == 1 ? 0.0 : 0.9 * di / (dims - 1.0));
            String name = prefix + "d = " + spec.dimensions().get(di);
            plot.curve(new Curve(name, colour, style, Curve.DEFAULT_WIDTH, true, x, y));
        }
    }

    private static int[] order(double[] values) {
        return java.util.stream.IntStream.range(0, values.length).boxed()
                .sorted((a, b) -> Double.compare(values[a], values[b])).mapToInt(Integer::intValue).toArray();
    }
}
