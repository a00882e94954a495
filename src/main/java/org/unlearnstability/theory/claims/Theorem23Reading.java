package org.unlearnstability.theory.claims;

import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.theory.ExactScalarFamily;
import org.unlearnstability.theory.Quantity;

/**
 * Theorem 2.3 as Figure 1 uses it, (8) implies convergence for the given Hessians, checked over every
 * learning rate at once (see {@link Thresholds}), with "&lt;=" in (8) or strictly; its equality case is
 * {@link ThresholdCondition#EIGHT}'s.
 */
abstract class Theorem23Reading extends ThresholdReading {
    Theorem23Reading(String slug, boolean strict) {
        super(slug, strict, ThresholdCondition.EIGHT);
    }

    /** With C_r' = 0 the right side of (8) divides by zero: outside the statement, not a violation. */
    @Override
    final boolean outsideStatement(ExactScalarFamily x) {
        return x.cRPrime().orElseThrow().signum() <= 0;
    }

    /** The exact quantities of (8): its sign, lambda_max(D), sigma, C_r', eta, eta8 and etaStar. */
    @Override
    final List<Quantity> exactHypotheses(ExactScalarFamily x, int eight) {
        List<Quantity> hypotheses = new ArrayList<>();
        hypotheses.add(new Quantity("(8): sign of 2 sigma / (eta C_r' (sigma + n_f (n_r/B - 1))) - lambda_max(D)",
                eight, Integer.toString(eight)));
        hypotheses.add(Quantity.exact("lambda_max(D)", x.lambdaMaxD().orElseThrow()));
        hypotheses.add(Quantity.exact("sigma", x.sigma().orElseThrow()));
        hypotheses.add(Quantity.exact("C_r'", x.cRPrime().orElseThrow()));
        hypotheses.add(Quantity.exact("eta", x.eta()));
        x.eta8().ifPresent(e -> hypotheses.add(Quantity.exact("eta8", e)));
        x.etaStar().ifPresent(e -> hypotheses.add(Quantity.exact("etaStar", e)));
        return hypotheses;
    }
}
