package org.unlearnstability.experiment.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.audit.ClaimAudit;
import org.unlearnstability.audit.ClaimResult;
import org.unlearnstability.family.FamilyReader;
import org.unlearnstability.report.Progress;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.claims.Claims;

/**
 * The reports of one claim's audit and the tightness grid (claims.md is tested through the full command in
 * the lead's CLI tests).
 */
class ClaimsAuditOutputTest {

    @Test
    void tightnessReportWritesCsvMarkdownAndHeatmaps(@TempDir Path dir) throws Exception {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<TightnessGrid.Cell> cells = TightnessGrid.compute(new Progress("t", 48, sink, Progress.Style.LINES,
                Duration.ofHours(1), System::nanoTime));
        org.unlearnstability.report.Provenance provenance = new org.unlearnstability.report.Provenance("1.2.3",
                "f".repeat(64), java.util.Map.of(), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode().put("audit", "quick"), 7L, 2);
        TightnessReport.write(org.unlearnstability.report.OutputDirectory.create(dir), cells, 1.0, provenance);
        var sidecar = org.unlearnstability.report.JsonOutput.mapper().readTree(Files.readString(
                dir.resolve("tightness.csv.json")));
        assertEquals("tightness.csv", sidecar.get("describes").asText());
        assertEquals(provenance.toJson().toString(),
                sidecar.get(org.unlearnstability.report.Provenance.KEY).toString());
        List<String> csv = Files.readAllLines(dir.resolve("tightness.csv"));
        assertEquals("Q,B,sigma,etaStar,eta7,eta8,ratio7,ratio8,etaCoherenceFree", csv.get(0));
        assertEquals(49, csv.size());
        assertTrue(csv.stream().anyMatch(l -> l.contains("Infinity")), "B = n rows carry eta7 = Infinity");
        for (String name : new String[] {"tightness.md", "tightness-ratio7.png", "tightness-ratio7.svg",
            "tightness-ratio8.png", "tightness-ratio8.svg"}) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        String md = Files.readString(dir.resolve("tightness.md"));
        assertTrue(md.contains("(8) on the wrong side: 22 of 48 cells"));
        String header = md.lines().filter(l -> l.startsWith("|")).findFirst().orElseThrow();
        assertEquals(List.of("Q", "B", "sigma", "etaStar", "etaCoherenceFree", "eta7", "eta8", "ratio7", "ratio8"),
                List.of(header.replace("|", " ").trim().split(" +")), "the table's columns, thresholds before ratios");
        assertEquals(22, md.lines().filter(l -> l.startsWith("|") && l.contains("(wrong side) |")).count(),
                "each row with (8) on the wrong side marks its ratio8 cell");
    }

    @Test
    void counterexampleFilesAreFamilyFilesThatReadBack(@TempDir Path dir) throws Exception {
        ClaimResult r = ClaimAudit.quick(Claims.bySlug("single-set-reduction"), ClaimsAuditSpec.DEFAULT_SEED);
        Path file = CounterexampleFiles.write(dir, r.counterexample());
        var read = FamilyReader.readJson(file);
        assertEquals(r.counterexample().hyper(), read.hyperparameters().orElseThrow());
        assertEquals("single-set-reduction", read.violation().orElseThrow().get("claim").asText());
        assertEquals(r.counterexample().family().nForget(), read.family().nForget());
    }

    @Test
    void claimsReportHasAVerdictRowPerClaimWithLinksAndDecidingNumbers(@TempDir Path dir) {
        Claim divergence = Claims.bySlug("theorem22-divergence");
        List<ClaimResult> results = List.of(ClaimAudit.quick(divergence, ClaimsAuditSpec.DEFAULT_SEED),
                ClaimAudit.quick(Claims.bySlug("theorem22-divergence-strict"), ClaimsAuditSpec.DEFAULT_SEED),
                ClaimAudit.quick(Claims.bySlug("theorem23-existence"), ClaimsAuditSpec.DEFAULT_SEED));
        ClaimsAudit.Result result = new ClaimsAudit.Result(results, java.util.Map.of(), 1.0, Double.NaN, List.of(),
                0.5, List.of());
        ClaimsAuditSpec options = new ClaimsAuditSpec(dir.resolve("reports"), dir.resolve("golden"),
                dir.resolve("specs"), true, ClaimsAuditSpec.DEFAULT_SEED);
        String md = ClaimsReport.markdown(result, options);
        assertTrue(md.contains("| **FAILS** | FAILS |"), md);
        assertTrue(md.contains("| **PROVED** | HOLDS |"), md);
        assertTrue(md.contains("Coherence can only weaken criterion (7)"), md);
        assertTrue(md.contains("eta7 < etaCoherenceFree in 0;"), md);
        assertTrue(md.contains("constructed exact witness witness-8-and-7"), md);
        assertTrue(md.contains("[theorem22-divergence](../specs/theorem22-divergence.md)"), md);
        assertTrue(md.contains("[theorem22-divergence.json](../golden/theorem22-divergence.json)"), md);
        assertTrue(md.contains("exact: rho(T) = E||w_{k+1}||^2 / E||w_k||^2 = 1 vs 1 = 1 (claimed >)"
                .replace("|", "\\|")), md);
        assertTrue(md.contains("quick subset"), md);
        assertTrue(md.contains("| Claim | Strength | Verdict | Evidence | Deciding numbers | Spec | Counterexample |\n"
                + "| :-- | :-: | :-: | :-- | :-- | :-- | :-- |\n"), md);
        String index = ClaimsReport.indexSummary(result, options);
        assertTrue(index.contains("| Claim | Strength | Verdict | Deciding numbers | Counterexample |\n"
                + "| :-- | :-: | :-: | :-- | :-- |\n"), index);
        assertTrue(index.contains("| [theorem22-divergence.json](../golden/theorem22-divergence.json) |\n"), index);
    }
}
