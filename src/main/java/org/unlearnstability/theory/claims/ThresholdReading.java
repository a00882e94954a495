package org.unlearnstability.theory.claims;

import java.util.List;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.ExactScalarFamily;
import org.unlearnstability.theory.KnownCase;
import org.unlearnstability.theory.Quantity;
import org.unlearnstability.theory.Violation;

/**
 * A claim of Theorem 2.2 or 2.3 checked over every learning rate at once through the threshold of its
 * {@link ThresholdCondition} (eta7 of (7) or eta8 of (8), see {@link Thresholds}), read with the inequality as
 * printed or strictly. Its constructed equality case (rho(T) = 1 at the threshold) violates the non-strict
 * reading and not the strict one.
 */
abstract class ThresholdReading extends AbstractClaim {
    /** The right side of both conclusions: rho(T) against 1. */
    private static final Quantity ONE = new Quantity("1", 1.0, "1");

    private final boolean strict;
    private final ThresholdCondition condition;

    ThresholdReading(String slug, boolean strict, ThresholdCondition condition) {
        super(slug);
        this.strict = strict;
        this.condition = condition;
    }

    @Override
    public final List<KnownCase> equalityCases() {
        return List.of(condition.equalityCase());
    }

    /** @return whether the equality case decides the reading: it violates the non-strict one only */
    @Override
    public final boolean boundaryViolates() {
        return !strict;
    }

    @Override
    public final boolean etaDependent() {
        return false;
    }

    /**
     * Slack of {@link ThresholdCondition#slack}; where it exceeds 1 the witness is the learning rate midway between
     * the threshold and etaStar (lhs the threshold, rhs etaStar).
     */
    @Override
    final ClaimCheck evaluateFinite(HessianFamily family, Hyperparameters hyper) {
        Thresholds t = Thresholds.of(family, hyper);
        double threshold = condition.threshold(t);
        if (!(threshold > 0.0) || Double.isInfinite(threshold) || Double.isInfinite(t.etaStar())
                || Double.isNaN(t.etaStar())) {
            return ClaimCheck.notApplicable(this);
        }
        double slack = condition.slack(threshold, t.etaStar());
        double witness = slack > 1 ? 0.5 * (threshold + t.etaStar()) : threshold;
        return new ClaimCheck(this, true, slack, threshold, t.etaStar(), 0, witness, Double.NaN);
    }

    /**
     * The theorem at the case's eta: the condition holds (strictly for the strict reading) while rho(T) contradicts
     * the conclusion. Decided in exact arithmetic where the case has an exact scalar form that decides the
     * condition, else in floating point with {@link ClaimCheck#FLOAT_MARGIN}.
     */
    @Override
    public final Violation check(HessianFamily family, Hyperparameters hyper) {
        Optional<ExactScalarFamily> scalar = ExactScalarFamily.of(family, hyper);
        Optional<Integer> exactSign = scalar.flatMap(condition::exactSign);
        if (scalar.isPresent() && exactSign.isPresent()) {
            ExactScalarFamily x = scalar.get();
            int sign = exactSign.get();
            BigFraction rho = x.rho();
            boolean violated = !outsideStatement(x) && (strict ? sign > 0 : sign >= 0) && condition.contradicted(rho);
            return new Violation(this, violated, true, condition.relation(),
                    Quantity.exact("rho(T) = E||w_{k+1}||^2 / E||w_k||^2", rho), ONE, exactHypotheses(x, sign));
        }
        FloatingThresholds f = FloatingThresholds.of(family, hyper);
        double threshold = condition.threshold(f);
        boolean violated = condition.holds(hyper.eta(), threshold, strict) && condition.contradicted(f.rho());
        return new Violation(this, violated, false, condition.relation(), new Quantity("rho(T)", f.rho(), null),
                ONE, List.of(new Quantity("eta", hyper.eta(), null),
                        new Quantity(condition.thresholdName(), threshold, null),
                        new Quantity("etaStar", f.etaStar(), null)));
    }

    /**
     * @param x the case's exact scalar form
     * @return whether the theorem says nothing about the case (no violation whatever rho(T))
     */
    boolean outsideStatement(ExactScalarFamily x) {
        return false;
    }

    /**
     * @param x the case's exact scalar form
     * @param sign the sign of the condition's two sides
     * @return the condition's quantities, exact, for the counterexample file
     */
    abstract List<Quantity> exactHypotheses(ExactScalarFamily x, int sign);
}
