package org.unlearnstability.theory.claims;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.KnownCase;
import org.unlearnstability.theory.Quantity;
import org.unlearnstability.theory.Violation;

/**
 * A claim of Theorem 2.2 or 2.3 checked over every learning rate at once through its threshold (eta7 of (7) or
 * eta8 of (8), see {@link Thresholds}), read with the inequality as printed or strictly. Its constructed equality
 * case (rho(T) = 1 at the threshold) violates the non-strict reading and not the strict one.
 */
abstract class ThresholdReading extends AbstractClaim {
    /** The right side of both conclusions: rho(T) against 1. */
    private static final Quantity ONE = new Quantity("1", 1.0, "1");

    private final boolean strict;

    ThresholdReading(String slug, boolean strict) {
        super(slug);
        this.strict = strict;
    }

    /** @return whether the inequality is read strictly */
    final boolean strict() {
        return strict;
    }

    @Override
    public final boolean etaDependent() {
        return false;
    }

    @Override
    public final boolean boundaryViolates() {
        return !strict;
    }

    @Override
    public final List<KnownCase> equalityCases() {
        return List.of(equalityCase());
    }

    /** @return the case where the condition holds with equality and T = 1 */
    abstract KnownCase equalityCase();

    /**
     * @param t the thresholds of a case
     * @return the threshold of the reading's condition: eta7 of (7) or eta8 of (8)
     */
    abstract double threshold(Thresholds t);

    /**
     * @param threshold the reading's threshold, positive and finite
     * @param etaStar the critical learning rate, finite
     * @return the slack: above 1 exactly when the theorem fails at some learning rate
     */
    abstract double slack(double threshold, double etaStar);

    /**
     * Slack of {@link #slack}; where it exceeds 1 the witness is the learning rate midway between the threshold
     * and etaStar (lhs the threshold, rhs etaStar).
     */
    @Override
    final ClaimCheck evaluateFinite(HessianFamily family, Hyperparameters hyper) {
        Thresholds t = Thresholds.of(family, hyper);
        double threshold = threshold(t);
        if (!(threshold > 0.0) || Double.isInfinite(threshold) || Double.isInfinite(t.etaStar())
                || Double.isNaN(t.etaStar())) {
            return ClaimCheck.notApplicable(this);
        }
        double slack = slack(threshold, t.etaStar());
        double witness = slack > 1 ? 0.5 * (threshold + t.etaStar()) : threshold;
        return new ClaimCheck(this, true, slack, threshold, t.etaStar(), 0, witness, Double.NaN);
    }

    /**
     * The exact re-check of a case with an exact scalar form.
     *
     * @param violated whether the condition holds at the case's eta while rho(T) says the opposite
     * @param relation how rho(T) must compare with 1 under the condition
     * @param rho rho(T), exact
     * @param hypotheses the condition's quantities, exact
     * @return the violation
     */
    final Violation exactViolation(boolean violated, String relation, BigFraction rho, List<Quantity> hypotheses) {
        return new Violation(this, violated, true, relation,
                Quantity.exact("rho(T) = E||w_{k+1}||^2 / E||w_k||^2", rho), ONE, hypotheses);
    }

    /**
     * The floating-point re-check of a case without an exact form.
     *
     * @param violated whether the condition holds at the case's eta while rho(T) says the opposite
     * @param relation how rho(T) must compare with 1 under the condition
     * @param hyper the case's hyper-parameters
     * @param f its thresholds and rho(T)
     * @param thresholdName "eta7" or "eta8"
     * @param threshold its value
     * @return the violation
     */
    final Violation floatingViolation(boolean violated, String relation, Hyperparameters hyper, FloatingThresholds f,
            String thresholdName, double threshold) {
        return new Violation(this, violated, false, relation, new Quantity("rho(T)", f.rho(), null),
                ONE, List.of(new Quantity("eta", hyper.eta(), null),
                        new Quantity(thresholdName, threshold, null), new Quantity("etaStar", f.etaStar(), null)));
    }
}
