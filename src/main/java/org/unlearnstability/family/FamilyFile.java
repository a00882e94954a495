package org.unlearnstability.family;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.unlearnstability.definitions.Hyperparameters;

/**
 * The contents of a JSON family file (specs/family.md): a Hessian family (paper, section 2.1) and
 * the optional documented extras: the hyper-parameters (eta, alpha, B) of update (2) the family is
 * meant for, a free-text description, and a "violation" object an audit attaches to a counterexample.
 *
 * @param family the retain and forget Hessians
 * @param hyperparameters eta, alpha and B, when the file carries them
 * @param description a free-text description, when the file carries one
 * @param violation an arbitrary JSON object describing a violated claim, when the file carries one
 */
public record FamilyFile(HessianFamily family, Optional<Hyperparameters> hyperparameters,
                         Optional<String> description, Optional<JsonNode> violation) {

    /** Keeps a private copy of the mutable violation tree and requires it to be a JSON object. */
    public FamilyFile {
        violation = violation.map(JsonNode::deepCopy);
        if (violation.isPresent() && !violation.get().isObject()) {
            throw new IllegalArgumentException("a violation must be a JSON object");
        }
    }

    /**
     * @param family the family
     * @return a file with the family only
     */
    public static FamilyFile of(HessianFamily family) {
        return new FamilyFile(family, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @return a copy of the violation object, if any */
    @Override
    public Optional<JsonNode> violation() {
        return violation.map(JsonNode::deepCopy);
    }
}
