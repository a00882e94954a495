package org.unlearnstability.experiment.claims;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.unlearnstability.audit.ClaimResult;
import org.unlearnstability.family.FamilyFile;
import org.unlearnstability.family.FamilyWriter;
import org.unlearnstability.report.JsonNumbers;
import org.unlearnstability.theory.Quantity;
import org.unlearnstability.theory.Violation;

/**
 * Writes a counterexample as a JSON family file (specs/family.md) that {@code analyze} accepts: the
 * Hessians, the hyper-parameters at which the claim fails, a description, and a "violation" object with
 * the claim, whether the decision was exact, the relation the claim asserts and its two sides (value and,
 * when exact, the rational p/q), and the quantities showing the hypotheses hold.
 */
final class CounterexampleFiles {
    private CounterexampleFiles() {
    }

    /**
     * @param directory the directory (&lt;out&gt;/counterexamples, or golden/counterexamples on request)
     * @param counterexample the counterexample
     * @return the file written, {@code <slug>.json}
     * @throws IOException when it cannot be written
     */
    static Path write(Path directory, ClaimResult.Counterexample counterexample) throws IOException {
        Violation v = counterexample.violation();
        Path file = directory.resolve(v.claim().slug() + ".json");
        String description = "Counterexample to " + v.claim().slug() + " (specs/claims/" + v.claim().slug()
                + ".md), found by the claims audit: " + counterexample.origin() + ".";
        FamilyWriter.write(file, new FamilyFile(counterexample.family(), Optional.of(counterexample.hyper()),
                Optional.of(description), Optional.of(violation(v))));
        return file;
    }

    /**
     * @param v a violation
     * @return its JSON object
     */
    static ObjectNode violation(Violation v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        node.put("claim", v.claim().slug());
        node.put("exact", v.exact());
        node.put("claimedRelation", v.lhs().name() + " " + v.relation() + " " + v.rhs().name());
        ObjectNode sides = node.putObject("violatedInequality");
        sides.set("lhs", quantity(v.lhs()));
        sides.put("relation", v.relation());
        sides.set("rhs", quantity(v.rhs()));
        ArrayNode hypotheses = node.putArray("hypotheses");
        for (Quantity q : v.hypotheses()) {
            hypotheses.add(quantity(q));
        }
        return node;
    }

    private static ObjectNode quantity(Quantity q) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", q.name());
        JsonNumbers.put(node, "value", q.value());
        if (q.exact() != null) {
            node.put("exact", q.exact());
        }
        return node;
    }
}
