package org.unlearnstability.experiment.fig2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.engine.LocalTaskEngine;
import org.unlearnstability.experiment.BuildFingerprint;
import org.unlearnstability.family.InputException;
import org.unlearnstability.report.GoldenFile;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Provenance;
import org.unlearnstability.report.Tolerance;

/**
 * The Figure 2 sweep: results do not depend on the thread count, a cell equals the same cell run
 * alone, the quick spec matches its golden file, reports are written, and bad specs are rejected
 * with the field named.
 */
class Fig2ExperimentTest {
    private static final Path QUICK = Path.of("specs/experiments/fig2-quick.json");
    /**
     * Numbers may differ between JVMs in the last bits of exp/log; 100 gradient steps amplify that
     * mildly, so the golden file is compared at 1e-6 relative (1e-9 absolute).
     */

    @TempDir
    Path dir;

    private static Progress quiet(Fig2Spec spec) {
        return new Progress("fig2", Fig2Computation.cellCount(spec), new PrintStream(new ByteArrayOutputStream()),
                Progress.Style.LINES, Duration.ofHours(1), System::nanoTime);
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalResults() {
        Fig2Spec spec = Fig2Spec.read(QUICK);
        Fig2Result one = Fig2Computation.compute(spec, 1, quiet(spec));
        Fig2Result two = Fig2Computation.compute(spec, 2, quiet(spec));
        assertEquals(one.cells().size(), two.cells().size());
        for (int c = 0; c < one.cells().size(); c++) {
            assertArrayEquals(one.cells().get(c).mean(), two.cells().get(c).mean(), 0.0, "cell " + c);
            assertArrayEquals(one.cells().get(c).std(), two.cells().get(c).std(), 0.0, "cell " + c);
        }
        CellSummary alone = Fig2Cell.run(spec.protocol(), spec.dimensions().get(1), spec.signalNorms().get(0),
                spec.seed(), spec.repeats(), spec.coherence());
        assertArrayEquals(alone.mean(), one.cell(1, 0).mean(), 0.0, "a cell run alone equals the sweep's");
    }

    @Test
    void quickSpecMatchesItsGoldenFileAndWritesEveryReport() throws IOException {
        Fig2Spec spec = Fig2Spec.read(QUICK);
        Fig2Result result;
        try (Progress progress = quiet(spec)) {
            result = Fig2Computation.run(spec, dir, new LocalTaskEngine(2), progress, Optional.empty(), Provenance.of(
                    BuildFingerprint.current(), List.of(QUICK), JsonOutput.mapper().valueToTree(spec), spec.seed(), 2));
            assertEquals(Fig2Computation.cellCount(spec), progress.done());
        }
        JsonNode written = JsonOutput.mapper().readTree(Files.readString(dir.resolve("fig2.json")));
        JsonNode provenance = written.get(Provenance.KEY);
        assertEquals(Provenance.sha256(QUICK), provenance.get("inputs").get(QUICK.toString()).asText());
        assertEquals(64, provenance.get("buildFingerprint").asText().length());
        assertEquals(spec.seed(), provenance.get("seed").asLong());
        assertEquals(2, provenance.get("threads").asInt());
        assertTrue(written.get("findings").get("cells").isIntegralNumber(), "a count is an integer");
        JsonNode sidecar = JsonOutput.mapper().readTree(Files.readString(dir.resolve("fig2.csv.json")));
        assertEquals("fig2.csv", sidecar.get("describes").asText());
        assertEquals(provenance, sidecar.get(Provenance.KEY));
        GoldenFile.at(Path.of("golden/fig2-quick.json")).withTolerance(Tolerance.TRAINED_NETWORK)
                .assertMatches(Fig2Report.json(result, Fig2Findings.of(result.cells())));
        for (String name : new String[] {"fig2.csv", "fig2.json", "fig2.md", "heatmap-trainLoss.png",
            "heatmap-testError.svg", "heatmap-forgetLossAfter.png", "heatmap-forgetLossIncrease.svg",
            "heatmap-retrainGap.png", "heatmap-miaAucAfter.png", "heatmap-sigma.png", "coherence-vs-snr.png",
            "coherence-vs-snr.svg", "theorem24-ratios-vs-snr.svg"}) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        String csv = Files.readString(dir.resolve("fig2.csv"));
        assertEquals(1 + spec.dimensions().size() * spec.signalNorms().size(), csv.lines().count());
        String md = Files.readString(dir.resolve("fig2.md"));
        assertTrue(md.contains("## Does the memorisation region coincide with high forget loss?"), md);
        for (Fig2Metric metric : Fig2Metric.values()) {
            assertTrue(md.contains("- `" + metric.key() + "`: " + metric.doc() + "\n"), "legend of " + metric.key());
        }
    }

    @Test
    void badSpecsAreRejectedNamingFileAndField() throws IOException {
        String good = Files.readString(QUICK);
        InputException unknown = reject(good.replace("\"repeats\": 2,", "\"repeats\": 2, \"reps\": 3,"));
        assertTrue(unknown.getMessage().contains("reps"), unknown.getMessage());
        InputException missing = reject(good.replace("\"coherence\": true,", ""));
        assertTrue(missing.getMessage().contains("coherence"), missing.getMessage());
        InputException negative = reject(good.replace("\"repeats\": 2,", "\"repeats\": 0,"));
        assertTrue(negative.getMessage().contains("repeats must be >= 1"), negative.getMessage());
        InputException tooMany = reject(good.replace("\"repeats\": 2,", "\"repeats\": 2000000000,"));
        assertTrue(tooMany.getMessage().contains("repeats = 2000000000 exceeds the limit 10,000"),
                tooMany.getMessage());
        InputException nested = reject(good.replace("\"alpha\": 0.3", "\"alpha\": 1.3"));
        assertTrue(nested.getMessage().contains("alpha"), nested.getMessage());
        InputException batch = reject(good.replace("\"batch\": 5", "\"batch\": 30"));
        assertTrue(batch.getMessage().contains("unlearning.batch"), batch.getMessage());
    }

    private InputException reject(String json) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        InputException e = assertThrows(InputException.class, () -> Fig2Spec.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }
}
