package org.unlearnstability.experiment.claims;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * What a claims audit runs and where it writes: the budget (quick subset or full), the seed of every random
 * stream, the report and counterexample directories, and the directory of the claim specs that claims.md links
 * to. The claims themselves are the registry {@link org.unlearnstability.theory.claims.Claims}.
 *
 * @param out the report directory (claims.md, tightness.*)
 * @param counterexamples the directory of counterexample family files
 * @param specs the directory of the claim specs, for links from claims.md
 * @param quick whether to run only the quick subset
 * @param seed the seed
 */
public record ClaimsAuditSpec(Path out, Path counterexamples, Path specs, boolean quick, long seed) {
    /** The seed of every random stream of the audit (cases and searches are addressed below it). */
    public static final long DEFAULT_SEED = 20240611L;

    /** @return the options that decide the result, for the provenance of the outputs */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("audit", quick ? "quick" : "full");
        json.put("seed", seed);
        return json;
    }
}
