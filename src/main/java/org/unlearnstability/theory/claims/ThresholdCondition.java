package org.unlearnstability.theory.claims;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.ExactScalarFamily;
import org.unlearnstability.theory.KnownCase;

/**
 * The two threshold conditions a {@link ThresholdReading} checks: (7) of Theorem 2.2 holds for eta at or above
 * eta7 and concludes divergence (rho(T) &gt; 1); (8) of Theorem 2.3, as Figure 1 reads it, holds for eta at or
 * below eta8 and concludes convergence (rho(T) &lt; 1). Each comes with its constructed equality case (rho(T) = 1
 * at the threshold), which violates the non-strict reading and not the strict one.
 */
enum ThresholdCondition {
    /**
     * (7), eta &gt;= eta7. <b>Equality case, d = 1.</b> With one nonzero retain value x and one nonzero forget value
     * y, eta7 = sqrt(2) / (sqrt(c_r) x + sqrt(c_f) y) (c = C / eta^2) while etaStar = 2a / (a^2 + s)
     * &lt;= 1 / sqrt(s), s = c_r x^2 + c_f y^2 &gt;= (sqrt(c_r) x + sqrt(c_f) y)^2 / 2, so eta7 &gt;= etaStar in
     * d = 1, with equality iff sqrt(c_r) x = sqrt(c_f) y and a = sqrt(s). Writing u = n_r/B - 1, v = n_f/B - 1,
     * the two conditions need sqrt(u / v) = 1 - sqrt(2u); u = 2 t^2 makes every number rational, and t = 1/4
     * gives the smallest sizes: B = 8, n_r = 9, n_f = 12. With alpha = 1/2, x = 3, y = 2: C_r' = 2/5,
     * sigma = 21/2, lambda_max(D) = 7/30, etaStar = eta7 = 12, and at eta = 12, J = 0 and T = 1:
     * E||w_k||^2 = 1 for every k.
     */
    SEVEN("eta7", true, Thresholds::eta7, FloatingThresholds::eta7, ExactScalarFamily::condition7,
            new KnownCase("equality-7", new HessianFamily(KnownCase.scalars(3.0, 9), KnownCase.scalars(2.0, 12)),
                    new Hyperparameters(12.0, 0.5, 8),
                    "(7) holds with equality at eta = eta7 = etaStar = 12 and T = 1, so E||w_k||^2 = 1 for every k")),
    /**
     * (8), eta &lt;= eta8. <b>Equality case, d = 1, alpha = 0</b> (plain SGD on the retain set): retain values
     * {1, 0}, B = 1: sigma = 1, lambda_max(D) = 1/2, eta8 = etaStar = 2, and at eta = 2, J = 0 and T = 1.
     */
    EIGHT("eta8", false, Thresholds::eta8, FloatingThresholds::eta8, ExactScalarFamily::condition8,
            new KnownCase("equality-8", new HessianFamily(KnownCase.scalars(1.0, 2), KnownCase.scalars(1.0, 1)),
                    new Hyperparameters(2.0, 0.0, 1),
                    "(8) holds with equality at eta = eta8 = etaStar = 2 (alpha = 0) and T = 1, so E||w_k||^2 = 1"));

    private final String thresholdName;
    private final boolean above;
    private final ToDoubleFunction<Thresholds> threshold;
    private final ToDoubleFunction<FloatingThresholds> floatingThreshold;
    private final Function<ExactScalarFamily, Optional<Integer>> exactSign;
    private final KnownCase equalityCase;

    ThresholdCondition(String thresholdName, boolean above, ToDoubleFunction<Thresholds> threshold,
            ToDoubleFunction<FloatingThresholds> floatingThreshold,
            Function<ExactScalarFamily, Optional<Integer>> exactSign, KnownCase equalityCase) {
        this.thresholdName = thresholdName;
        this.above = above;
        this.threshold = threshold;
        this.floatingThreshold = floatingThreshold;
        this.exactSign = exactSign;
        this.equalityCase = equalityCase;
    }

    /** @return "eta7" or "eta8" */
    String thresholdName() {
        return thresholdName;
    }

    /** @return how rho(T) compares with 1 under the condition: "&gt;" (divergence) or "&lt;" (convergence) */
    String relation() {
        return above ? ">" : "<";
    }

    /** @return the case where the condition holds with equality and T = 1 */
    KnownCase equalityCase() {
        return equalityCase;
    }

    /**
     * @param t the thresholds of a case
     * @return eta7 or eta8
     */
    double threshold(Thresholds t) {
        return threshold.applyAsDouble(t);
    }

    /**
     * @param f the floating-point thresholds of a case
     * @return eta7 or eta8
     */
    double threshold(FloatingThresholds f) {
        return floatingThreshold.applyAsDouble(f);
    }

    /**
     * @param x a case's exact scalar form
     * @return the sign of the condition's two sides (non-negative: it holds), where exact arithmetic decides it
     */
    Optional<Integer> exactSign(ExactScalarFamily x) {
        return exactSign.apply(x);
    }

    /**
     * The slack over every learning rate at once: Theorem 2.2 fails at some eta iff eta7 &lt; etaStar (slack
     * etaStar / eta7, lhs eta7, rhs etaStar); Theorem 2.3 as Figure 1 uses it iff eta8 &gt; etaStar (slack
     * eta8 / etaStar, lhs eta8, rhs etaStar).
     *
     * @param threshold eta7 or eta8, positive and finite
     * @param etaStar the critical learning rate, finite
     * @return the slack: above 1 exactly when the theorem fails at some learning rate
     */
    double slack(double threshold, double etaStar) {
        if (above) {
            return etaStar / threshold;
        }
        return etaStar == 0.0 ? Double.POSITIVE_INFINITY : threshold / etaStar;
    }

    /**
     * @param eta the case's learning rate
     * @param threshold eta7 or eta8 in floating point
     * @param strict whether the inequality is read strictly
     * @return whether the condition holds beyond {@link ClaimCheck#FLOAT_MARGIN}: the strict reading must hold
     *     clearly, the non-strict one may miss by the margin
     */
    boolean holds(double eta, double threshold, boolean strict) {
        double margin = ClaimCheck.FLOAT_MARGIN;
        if (above) {
            return strict ? eta > threshold * (1 + margin) : eta >= threshold * (1 - margin);
        }
        return strict ? eta < threshold * (1 - margin) : eta <= threshold * (1 + margin);
    }

    /**
     * @param rho rho(T) in floating point
     * @return whether it contradicts the conclusion beyond {@link ClaimCheck#FLOAT_MARGIN}
     */
    boolean contradicted(double rho) {
        return above ? rho < 1 - ClaimCheck.FLOAT_MARGIN : rho > 1 + ClaimCheck.FLOAT_MARGIN;
    }

    /**
     * @param rho rho(T), exact
     * @return whether it contradicts the conclusion: rho(T) &lt;= 1 against divergence, &gt;= 1 against convergence
     */
    boolean contradicted(BigFraction rho) {
        int sign = rho.compareTo(BigFraction.ONE);
        return above ? sign <= 0 : sign >= 0;
    }
}
