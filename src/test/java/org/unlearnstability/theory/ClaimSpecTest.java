package org.unlearnstability.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.unlearnstability.io.AtomicOutput;
import org.unlearnstability.report.GoldenFile;
import org.unlearnstability.theory.claims.Claims;

/**
 * Every claim has a spec specs/claims/[slug].json that parses, names the claim, and whose Markdown
 * rendering specs/claims/[slug].md is up to date (rewritten only with -Dgolden.update=true).
 */
class ClaimSpecTest {
    private static final Path SPECS = Path.of("specs", "claims");

    @Test
    void everyClaimHasAParsableSpecWithARenderedMarkdownPage() throws IOException {
        for (Claim claim : Claims.all()) {
            Path json = SPECS.resolve(claim.slug() + ".json");
            ClaimSpec spec;
            try (var in = Files.newInputStream(json)) {
                spec = ClaimSpec.parse(in);
            }
            assertEquals(claim.slug(), spec.id(), json.toString());
            assertEquals(claim.getClass().getName(), spec.implementation(), json + " names another class");
            assertEquals(spec, claim.spec(), "class-path copy of " + json + " is stale");
            assertFalse(spec.hypotheses().isEmpty(), json + " lists no hypothesis");
            assertEquals(!claim.testable(), spec.verdict() == ClaimVerdict.NOT_TESTABLE_AS_STATED, json.toString());
            Path md = SPECS.resolve(claim.slug() + ".md");
            String rendered = spec.toMarkdown();
            if (GoldenFile.updateRequested()) {
                AtomicOutput.writeString(md, rendered);
            }
            assertEquals(rendered, Files.readString(md, StandardCharsets.UTF_8),
                    md + " is stale; run " + GoldenFile.UPDATE_HINT);
        }
    }
}
