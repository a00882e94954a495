package org.unlearnstability.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

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
}
