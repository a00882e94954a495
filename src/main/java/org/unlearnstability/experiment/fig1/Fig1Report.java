package org.unlearnstability.experiment.fig1;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.unlearnstability.dynamics.Verdict;
import org.unlearnstability.experiment.ExperimentOutcome;
import org.unlearnstability.report.CategoricalScale;
import org.unlearnstability.report.Category;
import org.unlearnstability.report.Column;
import org.unlearnstability.report.CsvTable;
import org.unlearnstability.report.Curve;
import org.unlearnstability.report.Figure;
import org.unlearnstability.report.Heatmap;
import org.unlearnstability.report.HeatmapCell;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.LineStyle;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.report.PlotAxis;
import org.unlearnstability.report.ProseNumber;
import org.unlearnstability.report.Provenance;

/**
 * The outputs of Figure 1 in {@code <out>/fig1/}: the table (fig1.csv and fig1.json, one row per cell,
 * learning rate and sampler), one heatmap per learning rate and sampler (PNG and SVG: the Monte Carlo
 * verdict in colour, the Theorem 2.2 boundary solid, the Theorem 2.3 boundary dashed, the exact
 * mean-square boundary etaStar = eta, and the boundary where the almost-sure growth becomes visible to
 * the protocol), and fig1.md (how to read them, the agreement of the three verdicts, and timing).
 */
final class Fig1Report {
    /** Where the quick-spec test of mvn verify leaves its timing, read when present. */
    static final Path VERIFY_TIMING = Path.of("target", "timings", "fig1-quick-verify.txt");

    private static final Color CONVERGE = new Color(0x3B6FB6);
    private static final Color DIVERGE = new Color(0xC8383C);
    private static final Color TIE = new Color(0xB0B0B0);
    private static final Color ALMOST_SURE = new Color(0x7B3294);
    /** The normal quantile of a two-sided 95 % band. */
    static final double Z95 = 1.96;
    private static final CategoricalScale VERDICTS = CategoricalScale.of(
            new Category("MC converges", CONVERGE), new Category("MC diverges", DIVERGE),
            new Category("MC tie", TIE));

    private final Fig1Spec spec;
    private final Fig1Construction construction;
    private final String specPath;
    private final String folder;
    private final List<Fig1Cell> cells;
    private final List<Fig1Row> rows;

    /**
     * @param threads worker threads
     * @param cached cells read from the cache
     * @param cells all cells
     * @param computeSeconds the computation of every cell (coherence, exact dynamics, Monte Carlo) with cache reads
     * @param cores processors available to the JVM
     * @param coldRun the recorded run that computed every cell, if any
     */
    record Timing(int threads, int cached, int cells, double computeSeconds, int cores,
            java.util.Optional<Fig1Experiment.ColdRun> coldRun) {
    }

    /**
     * @param spec the spec
     * @param construction its construction
     * @param specPath the spec file, as named in the report
     * @param folder the output folder below the output directory
     * @param cells every cell, in (Q, B) order
     */
    Fig1Report(Fig1Spec spec, Fig1Construction construction, String specPath, String folder, List<Fig1Cell> cells) {
        this.spec = spec;
        this.construction = construction;
        this.specPath = specPath;
        this.folder = folder;
        this.cells = cells;
        this.rows = rows(spec, cells);
    }

    /** Rows ordered by sampler, learning rate, then (Q, B), as in the spec. */
    static List<Fig1Row> rows(Fig1Spec spec, List<Fig1Cell> cells) {
        List<Fig1Row> rows = new ArrayList<>();
        for (String sampler : spec.samplers()) {
            for (double eta : spec.etas()) {
                for (Fig1Cell cell : cells) {
                    for (Fig1Cell.Run run : cell.runs()) {
                        if (run.sampler().equals(sampler) && run.eta() == eta) {
                            rows.add(Fig1Row.of(cell, run, spec.visibleGrowthRate()));
                        }
                    }
                }
            }
        }
        return rows;
    }

    CsvTable table() {
        return Column.table(List.of(Fig1Column.values()), rows);
    }

    ExperimentOutcome write(OutputDirectory out, Timing timing, Provenance provenance) throws IOException {
        CsvTable table = table();
        provenance.writeCsv(table, out.resolve(folder + "/fig1.csv"));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("rows", table.toJson());
        JsonOutput.write(out.resolve(folder + "/fig1.json"), provenance.attachTo(json));
        List<String> figures = new ArrayList<>();
        OutputDirectory figureDirectory = OutputDirectory.create(out.root().resolve(folder));
        Map<String, Supplier<Heatmap>> panels = new LinkedHashMap<>();
        for (String sampler : spec.samplers()) {
            for (double eta : spec.etas()) {
                String name = figureName(eta, sampler);
                panels.put(name, () -> heatmap(eta, sampler));
                figures.add(folder + "/" + name + ".png");
            }
        }
        Figure.writeAllPngAndSvg(figureDirectory, panels);
        Fig1Findings findings = Fig1Findings.of(spec, rows);
        out.writeString(folder + "/fig1.md", markdown(figures, findings, timing));
        return new ExperimentOutcome("Figure 1: phase diagram of unlearning divergence (section 3.1)",
                specPath, spec.seed(), figures, indexSummary(findings),
                ExperimentOutcome.golden(spec.toJson(), table), Duration.ZERO);
    }

    static String figureName(double eta, String sampler) {
        return "fig1-eta" + eta + "-" + sampler;
    }

    /** Cells grouped by B, columns in increasing B. */
    private List<List<Fig1Cell>> columns() {
        Map<Integer, List<Fig1Cell>> byBatch = new TreeMap<>();
        for (Fig1Cell cell : cells) {
            byBatch.computeIfAbsent(cell.batch(), b -> new ArrayList<>()).add(cell);
        }
        return new ArrayList<>(byBatch.values());
    }

    Heatmap heatmap(double eta, String sampler) {
        Heatmap.Builder map = Heatmap.builder(VERDICTS)
                .title(String.format(Locale.ROOT, "%s, eta = %s, %s batches (n_r = n_f = %d, alpha = %s)",
                        construction.title(), eta, sampler, spec.nRetain(), spec.alpha()))
                .subtitle(String.format(Locale.ROOT, "colour: majority of %d runs of %d steps with ||w_K||/||w_0|| "
                        + ">= %s; curves: where each condition flips", spec.repeats(), spec.steps(),
                        ProseNumber.format(spec.divergenceRatio())))
                .axes(PlotAxis.integers("batch size B"),
                        PlotAxis.log("unlearning coherence sigma (one row per Q, log scale)"));
        double visibleRate = spec.visibleGrowthRate();
        for (List<Fig1Cell> column : columns()) {
            List<Fig1Cell> sorted = new ArrayList<>(column);
            sorted.sort(java.util.Comparator.comparingDouble(Fig1Cell::sigma));
            double[] edges = HeatmapCell.edges(sorted.stream().mapToDouble(Fig1Cell::sigma).toArray(), true);
            for (int i = 0; i < sorted.size(); i++) {
                Fig1Cell cell = sorted.get(i);
                Fig1Row row = Fig1Row.of(cell, PhaseBoundaries.run(cell, sampler, eta), visibleRate);
                String label = switch (row.mcVerdict()) {
                    case DIVERGE -> "MC diverges";
                    case TIE -> "MC tie";
                    default -> "MC converges";
                };
                map.cell(cell.batch() - 0.5, cell.batch() + 0.5, edges[i], edges[i + 1], label);
            }
        }
        List<List<Fig1Cell>> columns = columns();
        PhaseBoundaries.Boundary t22 = PhaseBoundaries.theorem22(columns, eta);
        PhaseBoundaries.Boundary t23 = PhaseBoundaries.theorem23(columns, eta, spec.nRetain());
        PhaseBoundaries.Boundary ms = PhaseBoundaries.meanSquare(columns, eta, sampler);
        PhaseBoundaries.Boundary as = PhaseBoundaries.almostSure(columns, eta, sampler, visibleRate);
        map.curve(Curve.of("Theorem 2.2: (7) holds below", Color.BLACK, LineStyle.SOLID, t22.batch(),
                positive(t22.sigma())));
        map.curve(Curve.of("Theorem 2.3: (8) holds above", Color.BLACK, LineStyle.DASHED, t23.batch(),
                positive(t23.sigma())));
        map.curve(Curve.of("exact mean square: etaStar = eta", new Color(0xF2A900), LineStyle.SOLID, ms.batch(),
                positive(ms.sigma())).withWidth(3.0f));
        map.curve(Curve.of("almost sure: Lyapunov = ln(ratio)/K", new Color(0x00A6A6), LineStyle.DOTTED, as.batch(),
                positive(as.sigma())).withWidth(3.0f));
        PhaseBoundaries.Boundary zero = PhaseBoundaries.almostSureZero(columns, eta, sampler);
        map.curve(Curve.of("almost sure: Lyapunov = 0", ALMOST_SURE, LineStyle.SOLID, zero.batch(),
                positive(zero.sigma())).withWidth(3.0f));
        PhaseBoundaries.Boundary low = PhaseBoundaries.monteCarloZero(columns, eta, sampler, -Z95);
        PhaseBoundaries.Boundary high = PhaseBoundaries.monteCarloZero(columns, eta, sampler, Z95);
        map.curve(Curve.of("runs: estimated Lyapunov = 0, -1.96 s.e.", ALMOST_SURE, LineStyle.DASHED, low.batch(),
                positive(low.sigma())));
        map.curve(Curve.of("runs: estimated Lyapunov = 0, +1.96 s.e.", ALMOST_SURE, LineStyle.DOTTED, high.batch(),
                positive(high.sigma())));
        return map.build();
    }

    /** The log axis cannot show sigma = 0 (the theorem curves at B = n): such points break the curve. */
    private static double[] positive(double[] sigma) {
        double[] shown = sigma.clone();
        for (int i = 0; i < shown.length; i++) {
            if (!(shown[i] > 0.0)) {
                shown[i] = Double.NaN;
            }
        }
        return shown;
    }

    private String indexSummary(Fig1Findings findings) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """
                %d cells (Q = %d..%d, B = %d..%d) x %d learning rates x %d samplers, %d runs of %d steps each. \
                Details, agreement tables and timing: [fig1.md](%s/fig1.md); data: [fig1.csv](%s/fig1.csv), \
                [fig1.json](%s/fig1.json).

                """, cells.size(), spec.q().from(), spec.q().to(), spec.batch().from(), spec.batch().to(),
                spec.etas().size(), spec.samplers().size(), spec.repeats(), spec.steps(), folder, folder, folder));
        for (Fig1Agreement a : findings.samplers()) {
            text.append(String.format(Locale.ROOT, """
                    - %s: of %d rows, the exact mean square diverges in %d and the Monte Carlo majority in %d; \
                    mean square diverges but MC converges in %d, MC diverges but mean square converges in %d; \
                    MC disagrees with "Lyapunov > ln(ratio)/K" in %d (ties excluded). \
                    """, a.sampler(), a.rows().size(), a.count(r -> r.msVerdict() == Verdict.DIVERGE),
                    a.count(r -> r.mcVerdict() == Verdict.DIVERGE), a.meanSquareOnly(), a.monteCarloOnly(),
                    a.monteCarloVersusVisibleLyapunov()));
            text.append(String.format(Locale.ROOT, """
                    (7) holds in %d rows, of which the mean square converges in %d; (8) holds in %d rows, of which \
                    the mean square diverges in %d.
                    """, a.count(r -> r.run().cond7()),
                    a.count(r -> r.run().cond7() && r.msVerdict() == Verdict.CONVERGE), a.count(r -> r.run().cond8()),
                    a.count(r -> r.run().cond8() && r.msVerdict() == Verdict.DIVERGE)));
        }
        return text.toString();
    }

    private String markdown(List<String> figures, Fig1Findings findings, Timing timing) throws IOException {
        return new Fig1Markdown(spec, construction, specPath, cells, findings, timing, verifyTiming())
                .render(figures.stream().map(f -> f.substring(folder.length() + 1)).toList());
    }

    private static String verifyTiming() throws IOException {
        return Files.isRegularFile(VERIFY_TIMING) ? Files.readString(VERIFY_TIMING).strip() : "";
    }
}
