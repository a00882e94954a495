package org.unlearnstability.experiment.claims;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.unlearnstability.audit.ClaimResult;
import org.unlearnstability.experiment.BuildFingerprint;
import org.unlearnstability.experiment.ExperimentOutcome;
import org.unlearnstability.experiment.ReproductionJob;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Provenance;

/**
 * The claims audit of Lemma 2.1 and Theorems 2.2-2.3 as a part of {@code reproduce}. Its
 * counterexamples go to the report directory, so a reproduction never rewrites golden/. A rerun by the
 * same build with the same seed restores the stored audit ({@link StoredAudit}) instead of auditing again.
 */
public final class ClaimsAuditJob implements ReproductionJob {
    /** The opening of the audit's section of the reproduction index. */
    private static final String SUMMARY = """
            Every claim of Lemma 2.1 and Theorems 2.2-2.3 checked against the exact mean-square dynamics, with the \
            reading tested stated in its spec; evidence per claim in [claims.md](claims.md), tightness of (7) and (8) \
            in [tightness.md](tightness.md).

            """;

    @Override
    public String name() {
        return "claims audit";
    }

    @Override
    public ExperimentOutcome run(boolean quick, RunContext context) throws IOException {
        long start = System.nanoTime();
        StoredAudit store = StoredAudit.of(context.cacheRoot(), quick, ClaimsAuditSpec.DEFAULT_SEED);
        Optional<StoredAudit.Manifest> stored = store.restore(context.out());
        if (stored.isPresent()) {
            StoredAudit.Manifest manifest = stored.get();
            String note = String.format(Locale.ROOT, "%n_Restored from the cache: this build audited the same specs "
                    + "with the same seed before, in %.1f s._%n", manifest.seconds());
            return outcome(manifest.summary() + note, manifest.verdicts(), start);
        }
        Path out = context.out().root();
        ClaimsAuditSpec options = new ClaimsAuditSpec(out, out.resolve("counterexamples"),
                Path.of("specs", "claims"), quick, ClaimsAuditSpec.DEFAULT_SEED);
        ClaimsAudit.Result result;
        Provenance provenance = Provenance.of(BuildFingerprint.current(), List.of(), options.toJson(), options.seed(),
                Runtime.getRuntime().availableProcessors());
        try (Progress progress = context.progress("claims audit", ClaimsAudit.workUnits(quick))) {
            result = ClaimsAudit.run(options, progress, provenance, context.engine());
        }
        List<Path> written = new ArrayList<>(result.written());
        written.addAll(provenance.writeJsonSidecars(counterexamples(result, options.counterexamples())));
        String summary = SUMMARY + ClaimsAudit.indexSummary(result, options);
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (ClaimResult claim : result.claims()) {
            verdicts.put(claim.claim().slug(), claim.verdict().toString());
        }
        store.store(out, written, summary, verdicts, (System.nanoTime() - start) / 1e9);
        return outcome(summary, verdicts, start);
    }

    /**
     * @param result an audit's result
     * @param directory its counterexample directory
     * @return the counterexample family files it wrote there (each gets a provenance sidecar, the file itself stays
     *     a family file that {@code analyze} reads and golden comparisons pin byte for byte)
     */
    public static List<Path> counterexamples(ClaimsAudit.Result result, Path directory) {
        Path folder = directory.toAbsolutePath().normalize();
        return result.written().stream()
                .filter(file -> folder.equals(file.toAbsolutePath().normalize().getParent()))
                .filter(file -> String.valueOf(file.getFileName()).endsWith(".json") && !Provenance.isJsonSidecar(file))
                .toList();
    }

    private static ExperimentOutcome outcome(String summary, Map<String, String> verdicts, long start) {
        ObjectNode golden = JsonNodeFactory.instance.objectNode();
        verdicts.forEach(golden::put);
        return new ExperimentOutcome("Claims audit: Lemma 2.1, Theorems 2.2 and 2.3", "specs/claims",
                ClaimsAuditSpec.DEFAULT_SEED, List.of("tightness-ratio7.png", "tightness-ratio8.png"), summary, golden,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
