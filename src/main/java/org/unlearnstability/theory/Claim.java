package org.unlearnstability.theory;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;

/**
 * One reading of one claim of the paper's sections 2.2-2.3 (Lemma 2.1, Theorems 2.2 and 2.3, the
 * single-set reduction), as the audit checks it: its spec {@code specs/claims/<slug>.json}, its
 * floating-point evaluation on a case against the exact dynamics, its exact re-check, how its cases are
 * drawn, its constructed equality cases, its written proof, and how it describes what it saw. Each reading
 * is one class of {@code theory.claims}, listed by the registry {@code theory.claims.Claims} in the order
 * of {@code specs/claims/index.json}; nothing else tells claims apart.
 */
public interface Claim extends Serializable {
    /** @return the file name stem of the spec and counterexample */
    String slug();

    /** @return the spec, from the class path */
    default ClaimSpec spec() {
        return ClaimSpec.of(slug());
    }

    /** @return the position in the registry (it fixes the report order and addresses the random streams) */
    int index();

    /**
     * @return whether the check depends on the case's learning rate (true for the statements at one eta; the
     *     threshold readings range over every eta at once, through eta7, eta8 and etaStar, and say false)
     */
    default boolean etaDependent() {
        return true;
    }

    /**
     * @return whether a constructed case that violates the claim exactly decides it: an equality case when the
     *     claim's hypothesis is a non-strict inequality whose equality case leaves rho(T) = 1, or an exact witness
     */
    default boolean boundaryViolates() {
        return false;
    }

    /** @return false when the statement as printed cannot be decided by checking cases */
    default boolean testable() {
        return true;
    }

    /**
     * @return whether local search towards a violation is worth running (not when the hypothesis can never hold,
     *     nor when the verdict is decided by a constructed witness rather than by the generated cases)
     */
    default boolean searched() {
        return testable();
    }

    /** @return whether the claim ranges over alpha (false: alpha is fixed at 0 by the statement) */
    default boolean alphaFree() {
        return true;
    }

    /** @return how the audit draws B, alpha and eta of a case for this claim */
    default CaseShape caseShape() {
        return CaseShape.GENERIC;
    }

    /**
     * The floating-point check of one case against the exact quantities of the dynamics package.
     *
     * @param family the family
     * @param hyper eta, alpha, B (eta is ignored by claims over every eta, alpha by the single-set reduction)
     * @return the check
     * @throws IllegalArgumentException when a Hessian is not finite or the hyper-parameters do not fit
     */
    ClaimCheck evaluate(HessianFamily family, Hyperparameters hyper);

    /**
     * What local search maximises: the slack of {@link #evaluate} where the case is applicable, negative
     * infinity (or NaN) where it is not, computed without the parts of the check the search does not read.
     *
     * @param family the family
     * @param hyper eta, alpha, B
     * @return the slack
     */
    default double searchSlack(HessianFamily family, Hyperparameters hyper) {
        ClaimCheck check = evaluate(family, hyper);
        return check.applicable() ? check.slack() : Double.NEGATIVE_INFINITY;
    }

    /**
     * @param family a family
     * @param hyper its hyper-parameters
     * @return the check, or null when the evaluation fails numerically (reported, never hidden)
     */
    default @Nullable ClaimCheck tryEvaluate(HessianFamily family, Hyperparameters hyper) {
        try {
            return evaluate(family, hyper);
        } catch (ArithmeticException | IllegalStateException e) {
            return null;
        }
    }

    /**
     * Decides whether one case violates the claim at the case's own learning rate, in exact rational
     * arithmetic where the numbers allow (every double is a dyadic rational), otherwise in floating point
     * with the margin {@link ClaimCheck#FLOAT_MARGIN}.
     *
     * @param family the family
     * @param hyper the hyper-parameters, including the learning rate at which the violation shows
     * @return the outcome
     */
    Violation check(HessianFamily family, Hyperparameters hyper);

    /** @return the constructed equality cases and exact witnesses (empty for most claims) */
    default List<KnownCase> equalityCases() {
        return List.of();
    }

    /** @return the written proof as code, when the spec has one */
    default Optional<ClaimProof> proof() {
        return Optional.empty();
    }

    /**
     * The report line on the claim's second ratio ({@link ClaimCheck#secondary}) over the generated cases.
     *
     * @param min its smallest value
     * @param max its largest value
     * @param belowOne how many cases had it below 1
     * @param cases how many cases were generated
     * @param format how the report writes a ratio
     * @return the Markdown list item, empty when the claim has no second ratio
     */
    default Optional<String> describeSecondary(double min, double max, int belowOne, int cases,
            DoubleFunction<String> format) {
        return Optional.empty();
    }
}
