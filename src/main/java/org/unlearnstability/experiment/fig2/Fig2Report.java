package org.unlearnstability.experiment.fig2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.report.CsvTable;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.report.Provenance;

/**
 * Writes the Figure 2 reports into one directory (reports/fig2): fig2.csv and fig2.json (every cell
 * with mean and std of every metric; the JSON also holds the spec, the findings and the sigma0
 * sensitivity cells), the heatmaps and coherence plots of {@link Fig2Figures}, and fig2.md (the
 * findings with numbers). Every file is written atomically.
 */
public final class Fig2Report {
    private Fig2Report() {
    }

    /**
     * @param result the sweep result
     * @param outDir the directory (created if missing)
     * @param provenance what made the run, attached to fig2.json and in the sidecar fig2.csv.json
     * @throws IOException when a file cannot be written
     */
    public static void write(Fig2Result result, Path outDir, Provenance provenance) throws IOException {
        OutputDirectory out = OutputDirectory.create(outDir);
        Fig2Findings findings = Fig2Findings.of(result.cells());
        provenance.writeCsv(table(result.cells()), out.resolve("fig2.csv"));
        JsonOutput.write(out.resolve("fig2.json"), provenance.attachTo(json(result, findings)));
        Fig2Figures.write(result, out);
        out.writeString("fig2.md", Fig2Markdown.of(result, findings));
    }

    /**
     * @param result the sweep result
     * @param findings its findings
     * @return the JSON document: spec, findings, cells, sensitivity runs (undefined numbers are null)
     */
    public static ObjectNode json(Fig2Result result, Fig2Findings findings) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("spec", new ObjectMapper().valueToTree(result.spec()));
        root.set("findings", findings.toJson());
        root.set("cells", cells(result.cells()));
        ArrayNode sensitivity = root.putArray("sensitivity");
        for (Fig2Result.SensitivityRun run : result.sensitivity()) {
            ObjectNode node = sensitivity.addObject();
            node.put("initSigma", run.initSigma());
            node.set("cells", cells(run.cells()));
        }
        return root;
    }

    private static @Nullable Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static ArrayNode cells(List<CellSummary> cells) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (CellSummary c : cells) {
            array.add(c.toJson());
        }
        return array;
    }

    /**
     * @param cells grid cells
     * @return one row per cell: d, mu, repeats, then mean and std of every metric (empty when undefined)
     */
    public static CsvTable table(List<CellSummary> cells) {
        List<String> columns = new ArrayList<>(List.of("d", "mu", "repeats"));
        for (Fig2Metric m : Fig2Metric.values()) {
            columns.add(m.key() + "Mean");
            columns.add(m.key() + "Std");
        }
        CsvTable.Builder table = CsvTable.builder(columns);
        for (CellSummary c : cells) {
            List<@Nullable Object> row = new ArrayList<>(List.of((long) c.d(), c.muNorm(), (long) c.repeats()));
            for (Fig2Metric m : Fig2Metric.values()) {
                row.add(finiteOrNull(c.mean(m)));
                row.add(finiteOrNull(c.std(m)));
            }
            table.row(row);
        }
        return table.build();
    }
}
