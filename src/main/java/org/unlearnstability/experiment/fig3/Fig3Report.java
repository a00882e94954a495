package org.unlearnstability.experiment.fig3;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unlearnstability.experiment.ExperimentOutcome;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.report.Column;
import org.unlearnstability.report.CsvTable;
import org.unlearnstability.report.Curve;
import org.unlearnstability.report.JsonNumbers;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.Keyed;
import org.unlearnstability.report.LinePlot;
import org.unlearnstability.report.LineStyle;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.report.PlotAxis;
import org.unlearnstability.report.Provenance;

/**
 * The outputs of Figure 3 in {@code <out>/fig3/}: fig3.csv and fig3.json (one row per cell and learning rate, the
 * columns of {@link Fig3Column}; the JSON also holds the spec, the findings and the curves), per learning rate a
 * figure of predicted against observed growth and a figure of forgetting by forget kind (PNG and SVG), and fig3.md.
 */
final class Fig3Report {
    private static final Color[] KIND_COLOURS = {new Color(0x3B6FB6), new Color(0xC8383C), new Color(0xE69F00),
        new Color(0x2CA02C)};

    private final Fig3Spec spec;
    private final SpecFile file;
    private final List<Fig3Cell> cells;
    private final List<Fig3Row> rows;
    private final Fig3Findings findings;
    private final int testSize;

    Fig3Report(Fig3Spec spec, SpecFile file, List<Fig3Cell> cells, int testSize) {
        this.testSize = testSize;
        this.spec = spec;
        this.file = file;
        this.cells = List.copyOf(cells);
        this.rows = rows(spec, cells);
        this.findings = Fig3Findings.of(rows, spec.etas(), spec.repeats());
    }

    /** Rows ordered by learning rate, then kind and size. */
    static List<Fig3Row> rows(Fig3Spec spec, List<Fig3Cell> cells) {
        List<Fig3Row> rows = new ArrayList<>();
        for (int e = 0; e < spec.etas().size(); e++) {
            for (Fig3Cell cell : cells) {
                rows.add(new Fig3Row(cell, cell.runs().get(e)));
            }
        }
        return rows;
    }

    Fig3Findings findings() {
        return findings;
    }

    CsvTable table() {
        return Column.table(List.of(Fig3Column.values()), rows);
    }

    /** @return the JSON document: spec, findings, rows, and per cell and learning rate the curves */
    ObjectNode json(CsvTable table) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("spec", spec.toJson());
        root.set("findings", JsonNumbers.finiteOrNull(JsonOutput.mapper().valueToTree(findings)));
        root.set("rows", table.toJson());
        ArrayNode curves = root.putArray("curves");
        for (Fig3Row row : rows) {
            ObjectNode node = curves.addObject();
            node.put("kind", row.cell().kind());
            node.put("size", row.cell().size());
            node.put("eta", row.run().eta());
            node.set("exactMeanSquare", JsonOutput.mapper().valueToTree(row.run().exactCurve()));
            node.set("observedSeparation", JsonOutput.mapper().valueToTree(row.run().observedCurve()));
            node.set("distanceFromOptimum", JsonOutput.mapper().valueToTree(row.run().optimumCurve()));
            node.set("forgetLoss", JsonOutput.mapper().valueToTree(row.run().forgetLossCurve()));
        }
        return root;
    }

    ExperimentOutcome write(OutputDirectory out, double seconds, Provenance provenance) throws IOException {
        String folder = file.outputName();
        CsvTable table = table();
        provenance.writeCsv(table, out.resolve(folder + "/fig3.csv"));
        JsonOutput.write(out.resolve(folder + "/fig3.json"), provenance.attachTo(json(table)));
        OutputDirectory figures = OutputDirectory.create(out.root().resolve(folder));
        List<String> names = new ArrayList<>();
        for (int e = 0; e < spec.etas().size(); e++) {
            String growth = "fig3-growth-eta" + spec.etas().get(e);
            growthPlot(e).writePngAndSvg(figures, growth);
            String forgetting = "fig3-forgetting-eta" + spec.etas().get(e);
            forgettingPlot(e).writePngAndSvg(figures, forgetting);
            names.add(growth + ".png");
            names.add(forgetting + ".png");
        }
        Fig3Markdown markdown = new Fig3Markdown(spec, file, cells, rows, findings, testSize);
        out.writeString(folder + "/fig3.md", markdown.render(names, seconds, provenance.threads()));
        List<String> shown = names.stream().filter(n -> n.contains("eta" + spec.etas().get(indexOfIndexEta())))
                .map(n -> folder + "/" + n).toList();
        return new ExperimentOutcome("Figure 3 (beyond the paper): linear stability against a network trained on "
                + "real digits", file.path().toString(), spec.seed(), shown, markdown.indexSummary(folder),
                ExperimentOutcome.golden(spec.toJson(), table), Duration.ZERO);
    }

    /** The learning rate shown in the index: the middle one of the grid. */
    private int indexOfIndexEta() {
        return spec.etas().size() / 2;
    }

    /** The largest forget size of each kind: the exact prediction (dashed) against the network's separation. */
    LinePlot growthPlot(int e) {
        int size = spec.forgetSizes().stream().mapToInt(Integer::intValue).max().orElseThrow();
        double start = spec.perturbation() * spec.perturbation();
        LinePlot.Builder plot = LinePlot.builder()
                .title(String.format(Locale.ROOT, "Figure 3: growth of a perturbation, eta = %s, n_f = %d",
                        spec.etas().get(e), size))
                .subtitle("solid: network, mean ||w_k' - w_k||^2 / ||delta||^2 on shared batches; dashed: exact "
                        + "linear mean square Tr T^k(delta delta^T) / ||delta||^2")
                .axes(PlotAxis.integers("unlearning step k"), PlotAxis.log("squared separation / ||delta||^2"));
        for (Fig3Cell cell : cells) {
            if (cell.size() != size) {
                continue;
            }
            Color colour = KIND_COLOURS[cell.forgetKind().ordinal()];
            Fig3Cell.EtaRun run = cell.runs().get(e);
            double[] observed = scaled(run.observedCurve(), 1 / start);
            plot.curve(Curve.of(cell.kind() + " network", colour, LineStyle.SOLID, steps(observed.length), observed));
            double[] exact = scaled(run.exactCurve(), 1 / start);
            plot.curve(Curve.of(cell.kind() + " linear theory", colour, LineStyle.DASHED, steps(exact.length), exact));
        }
        return plot.build();
    }

    /** Forget loss after unlearning (solid) and after retraining (dashed) against n_f, per kind. */
    LinePlot forgettingPlot(int e) {
        LinePlot.Builder plot = LinePlot.builder()
                .title(String.format(Locale.ROOT, "Figure 3: forgetting by forget kind, eta = %s", spec.etas().get(e)))
                .subtitle(String.format(Locale.ROOT, "solid: forget loss after %d steps of update (2) from w*; dashed: "
                        + "retrained from w_0 on the retain set; dotted: at w*", spec.steps()))
                .axes(PlotAxis.integers("forget-set size n_f"), PlotAxis.log("mean forget loss"));
        for (ForgetKind kind : ForgetKind.values()) {
            List<Fig3Cell> ofKind = cells.stream().filter(c -> c.forgetKind() == kind).toList();
            double[] sizes = ofKind.stream().mapToDouble(Fig3Cell::size).toArray();
            Color colour = KIND_COLOURS[kind.ordinal()];
            plot.curve(Curve.of(kind.key() + " unlearned", colour, LineStyle.SOLID, sizes,
                    ofKind.stream().mapToDouble(c -> c.runs().get(e).forgetLossAfter()).toArray()).withMarkers());
            plot.curve(Curve.of(kind.key() + " retrained", colour, LineStyle.DASHED, sizes,
                    ofKind.stream().mapToDouble(c -> c.retrain().forgetLoss()).toArray()));
            plot.curve(Curve.of(kind.key() + " at w*", colour, LineStyle.DOTTED, sizes,
                    ofKind.stream().mapToDouble(Fig3Cell::forgetLossBefore).toArray()));
        }
        return plot.build();
    }

    private static double[] steps(int n) {
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = i;
        }
        return k;
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    /** @return the Markdown legend of the columns */
    static String legend() {
        return Keyed.legendTable(List.of(Fig3Column.values()));
    }
}
