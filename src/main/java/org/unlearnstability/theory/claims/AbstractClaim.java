package org.unlearnstability.theory.claims;

import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.theory.CaseShape;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.ExactScalarFamily;
import org.unlearnstability.theory.Quantity;
import org.unlearnstability.theory.Violation;

/**
 * What every claim class shares: its slug, its place in the registry, how the audit draws its cases, the entry
 * check of an evaluation
 * (finite Hessians, hyper-parameters that fit the family), the floating-point re-check for cases without an
 * exact one, and identity by class (one instance per claim in the registry, also after serialisation).
 */
abstract class AbstractClaim implements Claim {
    private final String slug;
    /** Not serialised: {@link #readResolve} returns the registry's instance, which has it. */
    private final transient CaseShape caseShape;

    /** @param slug the file name stem of the spec, {@code specs/claims/<slug>.json} */
    AbstractClaim(String slug) {
        this(slug, CaseShape.GENERIC);
    }

    /**
     * @param slug the file name stem of the spec, {@code specs/claims/<slug>.json}
     * @param caseShape how the audit draws B, alpha and eta of a case for this claim
     */
    AbstractClaim(String slug, CaseShape caseShape) {
        this.slug = slug;
        this.caseShape = caseShape;
    }

    @Override
    public final String slug() {
        return slug;
    }

    @Override
    public final int index() {
        return Claims.indexOf(this);
    }

    @Override
    public final CaseShape caseShape() {
        return caseShape;
    }

    @Override
    public final ClaimCheck evaluate(HessianFamily family, Hyperparameters hyper) {
        requireFinite(family, hyper);
        return evaluateFinite(family, hyper);
    }

    /**
     * @param family a family with finite Hessians
     * @param hyper hyper-parameters that fit it
     * @return the check of {@link #evaluate}
     */
    abstract ClaimCheck evaluateFinite(HessianFamily family, Hyperparameters hyper);

    static void requireFinite(HessianFamily family, Hyperparameters hyper) {
        hyper.requireFits(family);
        for (Hessian h : family.all()) {
            if (!Double.isFinite(h.trace())) {
                throw new IllegalArgumentException("a Hessian of the case is not finite (trace " + h.trace() + ")");
            }
        }
    }

    /** Claims without an exact check on this case: the floating-point slack at the case. */
    final Violation floating(HessianFamily family, Hyperparameters hyper) {
        ClaimCheck c = evaluate(family, hyper);
        return new Violation(this, c.violatedBeyondMargin(), false, "slack <= 1",
                new Quantity("slack", c.slack(), null), new Quantity("1", 1.0, "1"),
                List.of(new Quantity("applicable", c.applicable() ? 1 : 0, null)));
    }

    /**
     * @param family the family
     * @param hyper its hyper-parameters
     * @param exact the check in exact arithmetic, for a case that has an exact scalar form (d = 1)
     * @return the exact check where the case allows it, else the floating-point one
     */
    final Violation scalarOrFloating(HessianFamily family, Hyperparameters hyper,
            Function<ExactScalarFamily, Violation> exact) {
        return ExactScalarFamily.of(family, hyper).map(exact).orElseGet(() -> floating(family, hyper));
    }

    @Override
    public final boolean equals(@Nullable Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return slug.hashCode();
    }

    @Override
    public final String toString() {
        return slug;
    }

    /**
     * @return the registry's instance, so that a deserialised claim is the same object (protected, so that it
     *     serves the subclasses)
     */
    protected final Object readResolve() {
        return Claims.bySlug(slug);
    }
}
