package org.unlearnstability.frontier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.hipparchus.util.FastMath;
import org.unlearnstability.report.Column;
import org.unlearnstability.report.ContinuousScale;
import org.unlearnstability.report.CsvTable;
import org.unlearnstability.report.Heatmap;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.Keyed;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.report.PlotAxis;
import org.unlearnstability.report.Provenance;

/**
 * Writes a stability frontier (specs/frontier.md): frontier.csv (one row per cell, the columns of
 * {@link FrontierColumn}), frontier.json (the family's sizes, the grid, the column documentation, the
 * cells and the summary) and heatmaps over (alpha, B) of etaStar and of eta7 / etaStar, as PNG and SVG.
 */
public final class FrontierReport {
    /** The files written, relative to the output directory. */
    public static final List<String> FILES = List.of("frontier.csv", "frontier.csv.json", "frontier.json",
            "frontier-etaStar.png",
            "frontier-etaStar.svg", "frontier-eta7-ratio.png", "frontier-eta7-ratio.svg");

    private FrontierReport() {
    }

    /**
     * @param out the output directory
     * @param frontier the frontier
     * @param provenance what made it (version, build, input files, options), in frontier.json and the CSV's sidecar
     * @throws IOException when a file cannot be written
     */
    public static void write(OutputDirectory out, Frontier frontier, Provenance provenance) throws IOException {
        CsvTable table = table(frontier);
        out.writeString("frontier.csv", table.toCsv());
        out.writeString("frontier.csv.json", provenance.sidecar("frontier.csv"));
        out.writeString("frontier.json", JsonOutput.toText(provenance.attachTo(json(frontier, table))));
        etaStarHeatmap(frontier).writePngAndSvg(out, "frontier-etaStar");
        ratioHeatmap(frontier).writePngAndSvg(out, "frontier-eta7-ratio");
    }

    /**
     * @param frontier the frontier
     * @return one row per cell, one column per {@link FrontierColumn}
     */
    public static CsvTable table(Frontier frontier) {
        return Column.table(List.of(FrontierColumn.values()), frontier.cells());
    }

    private static ObjectNode json(Frontier frontier, CsvTable table) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("nRetain", frontier.nRetain());
        json.put("nForget", frontier.nForget());
        json.put("d", frontier.dimension());
        if (frontier.spec().eta().isPresent()) {
            json.put("eta", frontier.spec().eta().getAsDouble());
        } else {
            json.putNull("eta");
        }
        ArrayNode alphas = json.putArray("alphas");
        for (double alpha : frontier.spec().alphas()) {
            alphas.add(alpha);
        }
        ArrayNode batches = json.putArray("batches");
        for (int batch : frontier.spec().batches()) {
            batches.add(batch);
        }
        json.set("columns", Keyed.docs(List.of(FrontierColumn.values())));
        json.set("cells", table.toJson());
        json.put("summary", frontier.summary().text());
        return json;
    }

    private static Heatmap etaStarHeatmap(Frontier frontier) {
        double[][] values = grid(frontier, FrontierCell::etaStar);
        double top = 0.0;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    top = Math.max(top, v);
                }
            }
        }
        return base(frontier, ContinuousScale.linear("etaStar (0: unstable for every eta)", 0.0, top > 0 ? top : 1.0),
                values).title("Critical learning rate etaStar of the exact mean-square dynamics").build();
    }

    private static Heatmap ratioHeatmap(Frontier frontier) {
        double[][] values = grid(frontier, FrontierCell::eta7OverEtaStar);
        double lo = 1.0;
        double hi = 1.0;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v) && v > 0.0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        // Symmetric in log10 around 1, so equal colours mean equal factors on either side.
        double span = Math.max(Math.max(FastMath.log10(hi), -FastMath.log10(lo)), 0.05);
        return base(frontier, ContinuousScale.diverging("eta7 / etaStar (below 1: (7) on the wrong side)",
                FastMath.pow(10, -span), 1.0, FastMath.pow(10, span), true), values)
                .title("Theorem 2.2 threshold eta7 against the exact etaStar").build();
    }

    private static Heatmap.Builder base(Frontier frontier, ContinuousScale scale, double[][] values) {
        double[] batches = java.util.Arrays.stream(frontier.spec().batchValues()).asDoubleStream().toArray();
        boolean logBatches = batches.length > 1;
        return Heatmap.builder(scale)
                .subtitle(String.format(java.util.Locale.ROOT, "n_r = %d, n_f = %d, d = %d, Bernoulli batches;"
                        + " blank: undefined", frontier.nRetain(), frontier.nForget(), frontier.dimension()))
                .axes(PlotAxis.linear("forget weight alpha"),
                        logBatches ? PlotAxis.log("batch size B") : PlotAxis.linear("batch size B"))
                .grid(frontier.spec().alphaValues(), batches, values);
    }

    /** values[i][j] for alpha i and batch j; non-finite values are blank. */
    private static double[][] grid(Frontier frontier, java.util.function.ToDoubleFunction<FrontierCell> value) {
        int nb = frontier.spec().batches().size();
        double[][] values = new double[frontier.spec().alphas().size()][nb];
        List<FrontierCell> cells = frontier.cells();
        for (int c = 0; c < cells.size(); c++) {
            double v = value.applyAsDouble(cells.get(c));
            values[c / nb][c % nb] = Double.isFinite(v) ? v : Double.NaN;
        }
        return values;
    }
}
