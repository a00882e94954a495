package org.unlearnstability.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.frontier.FrontierColumn;
import org.unlearnstability.frontier.FrontierReport;
import org.unlearnstability.report.Keyed;
import org.unlearnstability.report.Provenance;

/** {@code frontier} through Main: files, CSV header and JSON from the column enum, summary, bad input. */
class FrontierCommandTest {
    @TempDir
    Path dir;

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void writesCsvJsonAndHeatmapsAndPrintsTheSummary() throws Exception {
        Path out = dir.resolve("fr");
        CommandRun run = CommandRun.of("frontier", "--family", "specs/examples/tiny.json", "--eta", "0.5",
                "--alphas", "0,0.5,1", "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        for (String file : FrontierReport.FILES) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        List<String> lines = Files.readAllLines(out.resolve("frontier.csv"));
        assertEquals(String.join(",", Keyed.keys(List.of(FrontierColumn.values()))), lines.get(0));
        assertEquals(1 + 3 * 2, lines.size(), "3 alphas x default batches 1, 2 (n_r = n_f = 2)");
        JsonNode json = new ObjectMapper().readTree(out.resolve("frontier.json").toFile());
        assertEquals(6, json.get("cells").size());
        assertEquals(0.5, json.get("eta").asDouble());
        JsonNode provenance = json.get(Provenance.KEY);
        assertEquals(List.of("specs/examples/tiny.json"), iterable(provenance.get("inputs").fieldNames()));
        assertEquals(3, provenance.get("spec").get("alphas").size());
        JsonNode sidecar = new ObjectMapper().readTree(out.resolve("frontier.csv.json").toFile());
        assertEquals("frontier.csv", sidecar.get("describes").asText());
        assertEquals(provenance, sidecar.get(Provenance.KEY));
        for (FrontierColumn column : FrontierColumn.values()) {
            assertTrue(json.get("cells").get(0).has(column.key()), column.key());
            assertEquals(column.doc(), json.get("columns").get(column.key()).asText());
        }
        assertTrue(run.out().startsWith("Unlearning is mean-square stable for some learning rate in "), run.out());
        assertEquals(json.get("summary").asText().strip(), run.out().lines().limit(run.out().lines().count() - 1)
                .reduce((a, b) -> a + "\n" + b).orElseThrow().strip());
    }

    @Test
    void badGridIsOneLineAndStatusTwo() {
        CommandRun run = CommandRun.of("frontier", "--family", "specs/examples/tiny.json", "--batches", "1,3",
                "--out", dir.resolve("x").toString(), "--no-progress");
        assertEquals(2, run.exitCode());
        assertEquals("error: batch size 3 exceeds min(n_r, n_f) = 2", run.err().strip());
    }

    /** Degenerate families (zero Hessians, d = 1, a single forget sample) are what the audit's counterexamples are. */
    @Test
    void everyCommittedCounterexampleFamilyHasAFrontierAndAnAnalysis() throws Exception {
        List<Path> families;
        try (var listing = Files.list(Path.of("golden/counterexamples"))) {
            families = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(families.size() >= 5, families.toString());
        for (Path family : families) {
            CommandRun frontier = CommandRun.of("frontier", "--family", family.toString(), "--out",
                    dir.resolve("fr-" + family.getFileName()).toString(), "--no-progress");
            assertEquals(0, frontier.exitCode(), family + ": " + frontier.err());
            CommandRun analyze = CommandRun.of("analyze", "--family", family.toString());
            assertEquals(0, analyze.exitCode(), family + ": " + analyze.err());
        }
    }
}
