package org.unlearnstability.audit;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimStrength;
import org.unlearnstability.theory.ClaimVerdict;
import org.unlearnstability.theory.Violation;

/**
 * What the audit established about one claim: the verdict and the evidence that decides it.
 *
 * @param claim the claim
 * @param verdict the verdict
 * @param cases the generated cases
 * @param applicable how many satisfied the claim's hypotheses
 * @param applicableByKind the same per generator kind
 * @param searchStarts local searches run
 * @param searchEvaluations claim evaluations spent by local search
 * @param maxSlack the largest slack seen on an applicable case (random or searched), NaN when none
 * @param worst a description of the case with the largest slack
 * @param randomViolations generated cases violating the claim beyond the tolerance
 * @param searchViolations searches ending beyond the tolerance
 * @param boundary applicable cases within the tolerance of slack 1
 * @param numericalFailures evaluations that failed numerically (excluded, counted)
 * @param counterexample the shrunk counterexample, when the claim fails
 * @param equalityCases the constructed equality cases and their exact outcome
 * @param secondaryMin the smallest claim-specific secondary ratio seen (NaN when unused)
 * @param secondaryMax the largest claim-specific secondary ratio seen (NaN when unused)
 * @param secondaryBelowOne how many applicable cases had a secondary ratio below 1
 * @param seconds the wall-clock time of this claim's audit
 * @param strength how strongly the verdict is established (PROVED needs {@code proof} to hold)
 * @param proof the claim's written proof checked step by step on the generated cases, when it has one
 */
public record ClaimResult(Claim claim, ClaimVerdict verdict, int cases, int applicable,
        Map<FamilyKind, Integer> applicableByKind, int searchStarts, long searchEvaluations, double maxSlack,
        String worst, int randomViolations, int searchViolations, int boundary, int numericalFailures,
        @Nullable Counterexample counterexample, List<EqualityCase> equalityCases, double secondaryMin,
        double secondaryMax, int secondaryBelowOne, double seconds, ClaimStrength strength,
        @Nullable ProofAudit proof) implements Serializable {

    /** Copies the collections. */
    public ClaimResult {
        // An EnumMap keeps the kinds in declaration order, so the report reads the same on every run.
        Map<FamilyKind, Integer> ordered = new EnumMap<>(FamilyKind.class);
        ordered.putAll(applicableByKind);
        applicableByKind = Collections.unmodifiableMap(ordered);
        equalityCases = List.copyOf(equalityCases);
    }

    /**
     * A counterexample: a family file's contents and the violation re-checked on it.
     *
     * @param family the family
     * @param hyper the hyper-parameters at which it violates the claim
     * @param violation the re-check
     * @param origin where the search found it before shrinking
     * @param foundBySearch whether random cases or local search found a violation (rather than only a
     *     constructed equality case)
     */
    public record Counterexample(HessianFamily family, Hyperparameters hyper, Violation violation, String origin,
            boolean foundBySearch) implements Serializable {
    }

    /**
     * A constructed equality case of (7) or (8).
     *
     * @param name its short name
     * @param description what it shows
     * @param family the family
     * @param hyper the hyper-parameters at the equality
     * @param violation the exact re-check for this claim
     * @param origin what it is, as a counterexample's origin ("constructed equality case ...", "constructed exact
     *     witness ...")
     */
    public record EqualityCase(String name, String description, HessianFamily family, Hyperparameters hyper,
            Violation violation, String origin) implements Serializable {
    }
}
