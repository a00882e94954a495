package org.unlearnstability.theory.claims;

import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.theory.ExactScalarFamily;
import org.unlearnstability.theory.Quantity;

/**
 * Theorem 2.2, (7) implies lim E||w_k||^2 = infinity, checked over every learning rate at once (see
 * {@link Thresholds}), with "&gt;=" in (7) as printed or strictly; its equality case is
 * {@link ThresholdCondition#SEVEN}'s.
 */
abstract class Theorem22Reading extends ThresholdReading {
    Theorem22Reading(String slug, boolean strict) {
        super(slug, strict, ThresholdCondition.SEVEN);
    }

    /** The exact quantities of (7): its sign, lambda_max(D), sigma, K7^2, eta and etaStar. */
    @Override
    final List<Quantity> exactHypotheses(ExactScalarFamily x, int seven) {
        List<Quantity> hypotheses = new ArrayList<>();
        hypotheses.add(new Quantity("(7): sign of lambda_max(D) - sqrt(2) sigma / (eta K7)", seven,
                Integer.toString(seven)));
        hypotheses.add(Quantity.exact("lambda_max(D)", x.lambdaMaxD().orElseThrow()));
        hypotheses.add(Quantity.exact("sigma", x.sigma().orElseThrow()));
        hypotheses.add(new Quantity("K7^2", x.k7Squared().doubleValue(), x.k7Squared().text()));
        hypotheses.add(Quantity.exact("eta", x.eta()));
        x.etaStar().ifPresent(e -> hypotheses.add(Quantity.exact("etaStar", e)));
        return hypotheses;
    }
}
