package org.unlearnstability.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.audit.ClaimResult;
import org.unlearnstability.engine.LocalTaskEngine;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.experiment.claims.ClaimsAudit;
import org.unlearnstability.experiment.claims.ClaimsAuditSpec;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Provenance;

/**
 * The quick claims audit with its claims as Spark tasks ({@code local[2]}) is the core's: the verdicts its
 * specs pin, the same counts per claim, the same shrunk counterexample files byte for byte, and the same
 * claims.md and tightness report except timing lines.
 */
class SparkAuditTest {
    @TempDir
    Path dir;

    @Test
    void quickAuditOnSparkHasTheCoreVerdictsCountsAndCounterexamples() throws IOException {
        ClaimsAudit.Result local = audit("local", new LocalTaskEngine(2));
        ClaimsAudit.Result spark;
        JavaSparkContext context = SparkEngineProvider.context("local[2]");
        try (TaskEngine engine = new SparkTaskEngine(context, true)) {
            spark = audit("spark", engine);
        }
        assertEquals(local.claims().size(), spark.claims().size());
        for (int i = 0; i < local.claims().size(); i++) {
            ClaimResult l = local.claims().get(i);
            ClaimResult s = spark.claims().get(i);
            String slug = l.claim().slug();
            assertEquals(s.claim().spec().verdict(), s.verdict(), slug + ": the verdict its spec pins");
            assertEquals(l.verdict(), s.verdict(), slug);
            assertEquals(List.of(l.cases(), l.applicable(), l.randomViolations(), l.searchViolations(), l.boundary(),
                    l.numericalFailures(), l.searchStarts()), List.of(s.cases(), s.applicable(), s.randomViolations(),
                    s.searchViolations(), s.boundary(), s.numericalFailures(), s.searchStarts()), slug + ": counts");
            assertEquals(l.searchEvaluations(), s.searchEvaluations(), slug);
            assertEquals(l.applicableByKind(), s.applicableByKind(), slug);
            assertEquals(Double.doubleToLongBits(l.maxSlack()), Double.doubleToLongBits(s.maxSlack()), slug);
            assertEquals(l.worst(), s.worst(), slug);
        }
        Path localDir = dir.resolve("local");
        List<String> counterexamples = EngineReports.files(localDir.resolve("counterexamples")).stream()
                .map(f -> "counterexamples/" + f).toList();
        assertTrue(!counterexamples.isEmpty(), "the quick audit shrinks counterexamples of the failing claims");
        assertEquals(counterexamples, EngineReports.files(dir.resolve("spark/counterexamples")).stream()
                .map(f -> "counterexamples/" + f).toList());
        EngineReports.assertSame(localDir, dir.resolve("spark"), List.of("claims.md", "tightness.md"),
                concat(counterexamples, List.of("tightness.csv")));
    }

    private ClaimsAudit.Result audit(String name, TaskEngine engine) throws IOException {
        Path out = dir.resolve(name);
        ClaimsAuditSpec options = new ClaimsAuditSpec(out, out.resolve("counterexamples"),
                Path.of("..", "specs", "claims"), true, ClaimsAuditSpec.DEFAULT_SEED);
        try (Progress silent = new Progress("audit", ClaimsAudit.workUnits(true),
                new PrintStream(OutputStream.nullOutputStream()), Progress.Style.LINES, Duration.ofHours(1),
                System::nanoTime)) {
            return ClaimsAudit.run(options, silent, new Provenance(Provenance.currentVersion(), "test", Map.of(),
                    options.toJson(), options.seed(), 2), engine);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
