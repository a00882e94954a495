package org.unlearnstability.theory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The spec of one claim, {@code specs/claims/<slug>.json} (packaged on the class path under
 * {@code org/unlearnstability/theory/claims/}): the statement as printed, the reading tested, its
 * hypotheses, how it is checked against exact quantities, the tolerance, and the pinned verdict, which a
 * test compares with the verdict the audit computes.
 *
 * @param id the slug, equal to the file name stem
 * @param title a short title
 * @param source where the paper states it (section and line numbers of the paper's text file)
 * @param statementAsPrinted the statement, quoted
 * @param readingTested the precise reading the audit tests
 * @param hypotheses the hypotheses of that reading
 * @param check how the reading is checked against exact quantities
 * @param tolerance the tolerance and why it suffices
 * @param verdict the pinned verdict: HOLDS, FAILS or NOT_TESTABLE_AS_STATED
 * @param verdictReason why, in one or two sentences
 * @param notes anything else a reader needs (limits of the check)
 * @param strength the pinned strength of the verdict: PROVED needs a written proof here and a
 *     {@link ClaimProof} whose steps hold on every audited case
 * @param proof the written proof, one step per entry (empty when the verdict rests on search or a counterexample)
 * @param implementation the fully qualified name of the {@link Claim} class that checks this reading (the
 *     registry {@code theory.claims.Claims} instantiates it)
 */
public record ClaimSpec(String id, String title, String source, String statementAsPrinted, String readingTested,
        List<String> hypotheses, String check, String tolerance, ClaimVerdict verdict, String verdictReason,
        List<String> notes, ClaimStrength strength, List<String> proof,
        String implementation) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Copies the lists. */
    public ClaimSpec {
        hypotheses = List.copyOf(hypotheses);
        notes = List.copyOf(notes);
        proof = List.copyOf(proof);
    }

    /**
     * @param slug a claim's slug
     * @return its spec from the class path
     */
    public static ClaimSpec of(String slug) {
        String resource = "claims/" + slug + ".json";
        try (InputStream in = ClaimSpec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing claim spec on the class path: " + resource);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read claim spec " + resource, e);
        }
    }

    /**
     * @param in the JSON text
     * @return the spec
     * @throws IOException when the text is not a valid spec
     */
    public static ClaimSpec parse(InputStream in) throws IOException {
        return MAPPER.readValue(in, ClaimSpec.class);
    }

    /** @return the readable Markdown rendering, {@code specs/claims/<slug>.md} */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("<!-- Rendered from ").append(id).append(".json by ClaimSpec.toMarkdown(); edit the JSON. -->\n\n");
        md.append("* **Claim id:** `").append(id).append("`\n");
        md.append("* **Source:** ").append(source).append("\n");
        md.append("* **Verdict (pinned, checked by `ClaimVerdictTest`):** ").append(verdict.label()).append("\n");
        md.append("* **Strength:** ").append(strength.label()).append("\n\n");
        md.append("## Statement as printed\n\n> ").append(statementAsPrinted.replace("\n", "\n> ")).append("\n\n");
        md.append("## Reading tested\n\n").append(readingTested).append("\n\n");
        md.append("## Hypotheses\n\n");
        for (String h : hypotheses) {
            md.append("* ").append(h).append("\n");
        }
        md.append("\n## How it is checked\n\n").append(check).append("\n\n");
        md.append("## Tolerance\n\n").append(tolerance).append("\n\n");
        md.append("## Verdict\n\n**").append(verdict.label()).append("**: ").append(verdictReason).append("\n");
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            for (String n : notes) {
                md.append("* ").append(n).append("\n");
            }
        }
        return md.toString();
    }
}
