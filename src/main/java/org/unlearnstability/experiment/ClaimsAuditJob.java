package org.unlearnstability.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.unlearnstability.audit.ClaimResult;
import org.unlearnstability.audit.ClaimsAudit;
import org.unlearnstability.report.Progress;

/**
 * The claims audit of Lemma 2.1 and Theorems 2.2-2.3 as a part of {@code reproduce}. Its
 * counterexamples go to the report directory, so a reproduction never rewrites golden/.
 */
public final class ClaimsAuditJob implements ReproductionJob {

    @Override
    public String name() {
        return "claims audit";
    }

    @Override
    public ExperimentOutcome run(boolean quick, RunContext context) throws IOException {
        long start = System.nanoTime();
        Path out = context.out().root();
        ClaimsAudit.Options options = new ClaimsAudit.Options(out, out.resolve("counterexamples"),
                Path.of("specs", "claims"), quick, ClaimsAudit.DEFAULT_SEED);
        ClaimsAudit.Result result;
        try (Progress progress = Progress.onStderr("claims audit", ClaimsAudit.workUnits(quick))) {
            result = ClaimsAudit.run(options, progress);
        }
        String summary = "Every claim of Lemma 2.1 and Theorems 2.2-2.3 checked against the exact mean-square "
                + "dynamics, with the reading tested stated in its spec; evidence per claim in [claims.md](claims.md), "
                + "tightness of (7) and (8) in [tightness.md](tightness.md).\n\n"
                + ClaimsAudit.indexSummary(result, options);
        ObjectNode verdicts = JsonNodeFactory.instance.objectNode();
        for (ClaimResult claim : result.claims()) {
            verdicts.put(claim.claim().slug(), claim.verdict().toString());
        }
        return new ExperimentOutcome("Claims audit: Lemma 2.1, Theorems 2.2 and 2.3", "specs/claims",
                ClaimsAudit.DEFAULT_SEED, List.of("tightness-ratio7.png", "tightness-ratio8.png"),
                summary, verdicts, Duration.ofNanos(System.nanoTime() - start));
    }
}
