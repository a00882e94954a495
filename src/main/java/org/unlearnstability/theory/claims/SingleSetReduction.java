package org.unlearnstability.theory.claims;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.CaseShape;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.ExactScalarFamily;
import org.unlearnstability.theory.Quantity;
import org.unlearnstability.theory.Violation;

/**
 * Section 2.2: with alpha = 0 the unlearning coherence sigma reduces to the single-set coherence
 * (specs/claims/single-set-reduction). The statement fixes alpha = 0, so its cases and searches do too.
 */
public final class SingleSetReduction extends AbstractClaim {
    private static final CaseShape SHAPE = new CaseShape() {
        @Override
        public double alpha(UniformRandomProvider rng) {
            return 0.0;
        }
    };

    /** The claim (the registry holds its instance). */
    public SingleSetReduction() {
        super("single-set-reduction", SHAPE);
    }

    @Override
    public boolean etaDependent() {
        return false;
    }

    @Override
    public boolean alphaFree() {
        return false;
    }

    /** Section 2.2 at alpha = 0: slack sigma / sigma_single(retain); secondary sigma / (n_f sigma_single). */
    @Override
    ClaimCheck evaluateFinite(HessianFamily family, Hyperparameters hyper) {
        Hyperparameters zero = new Hyperparameters(hyper.eta(), 0.0, hyper.batch());
        CoherenceAnalysis analysis = CoherenceAnalysis.of(family, zero);
        double sigma = analysis.sigma();
        double single = analysis.retainSingle().sigma();
        if (!Double.isFinite(sigma) || !Double.isFinite(single) || single == 0.0) {
            return ClaimCheck.notApplicable(this);
        }
        double ratio = sigma / single;
        // Equality is the claim: the slack measures the distance from it in either direction.
        double slack = Math.max(ratio, 1 / ratio);
        return new ClaimCheck(this, true, slack, sigma, single, 0, hyper.eta(),
                sigma / (family.nForget() * single));
    }

    /** Section 2.2 at alpha = 0: sigma = sigma_single(retain) is claimed. */
    @Override
    public Violation check(HessianFamily family, Hyperparameters hyper) {
        Hyperparameters zero = new Hyperparameters(hyper.eta(), 0.0, hyper.batch());
        Optional<ExactScalarFamily> scalar = ExactScalarFamily.of(family, zero);
        if (scalar.isPresent() && scalar.get().sigma().isPresent() && scalar.get().sigmaSingleRetain().isPresent()) {
            BigFraction sigma = scalar.get().sigma().get();
            BigFraction single = scalar.get().sigmaSingleRetain().get();
            return new Violation(this, !sigma.equals(single), true, "=",
                    Quantity.exact("sigma (Definition 4, alpha = 0)", sigma),
                    Quantity.exact("sigma_single (Definition 1, retain set)", single),
                    List.of(new Quantity("n_f", family.nForget(), Integer.toString(family.nForget()))));
        }
        ClaimCheck c = evaluate(family, zero);
        return new Violation(this, c.violatedBeyondMargin(), false, "=",
                new Quantity("sigma (Definition 4, alpha = 0)", c.lhs(), null),
                new Quantity("sigma_single (Definition 1, retain set)", c.rhs(), null),
                List.of(new Quantity("n_f", family.nForget(), Integer.toString(family.nForget()))));
    }

    @Override
    public Optional<String> describeSecondary(double min, double max, int belowOne, int cases,
            DoubleFunction<String> format) {
        return Optional.of(String.format(Locale.ROOT, "* sigma / (n_f sigma_single) on every applicable case: from %s"
                + " to %s%n", format.apply(min), format.apply(max)));
    }
}
