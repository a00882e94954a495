package org.unlearnstability.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.unlearnstability.report.CsvTable;

/**
 * What a finished experiment hands to the report index (reports/README.md) and to the golden check.
 *
 * @param title the section title in the index
 * @param spec the spec file it ran, or a description of the job's inputs
 * @param seed the seed behind its random streams (0 when it draws none)
 * @param figures PNG files to show inline, relative to the output root
 * @param summary Markdown for the index: the key numbers and verdicts, links relative to the output root
 * @param golden the document compared with golden/&lt;spec&gt;.json for quick specs
 * @param elapsed wall time
 */
public record ExperimentOutcome(String title, String spec, long seed, List<String> figures, String summary,
        JsonNode golden, Duration elapsed) {

    /** Copies the list. */
    public ExperimentOutcome {
        figures = List.copyOf(figures);
    }

    /**
     * @param start {@link System#nanoTime()} when the experiment started
     * @return this outcome, its elapsed time measured from start to now
     */
    public ExperimentOutcome elapsedSince(long start) {
        return new ExperimentOutcome(title, spec, seed, figures, summary, golden,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * @param spec the spec as JSON
     * @param table the report's table
     * @return the document a golden file pins: {"spec": spec, "rows": the table's rows}
     */
    public static ObjectNode golden(JsonNode spec, CsvTable table) {
        ObjectNode golden = JsonNodeFactory.instance.objectNode();
        golden.set("spec", spec);
        golden.set("rows", table.toJson());
        return golden;
    }
}
