package org.unlearnstability.theory.claims;

import java.util.ArrayList;
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
 * Theorem 2.3 as Figure 1 uses it, (8) implies convergence for the given Hessians, checked over every
 * learning rate at once (see {@link Thresholds}), with "&lt;=" in (8) or strictly.
 *
 * <p><b>(8) with equality, d = 1, alpha = 0</b> (plain SGD on the retain set, the constructed case): retain
 * values {1, 0}, B = 1: sigma = 1, lambda_max(D) = 1/2, eta8 = etaStar = 2, and at eta = 2, J = 0 and T = 1.
 */
abstract class Theorem23Reading extends ThresholdReading {
    Theorem23Reading(String slug, boolean strict) {
        super(slug, strict);
    }

    /** @return the (8) equality case of the class comment */
    @Override
    KnownCase equalityCase() {
        HessianFamily family = new HessianFamily(KnownCase.scalars(1.0, 2), KnownCase.scalars(1.0, 1));
        return new KnownCase("equality-8", family, new Hyperparameters(2.0, 0.0, 1),
                "(8) holds with equality at eta = eta8 = etaStar = 2 (alpha = 0) and T = 1, so E||w_k||^2 = 1");
    }

    @Override
    double threshold(Thresholds t) {
        return t.eta8();
    }

    /** Theorem 2.3 as Figure 1 uses it: slack eta8 / etaStar (lhs eta8, rhs etaStar). */
    @Override
    double slack(double eta8, double etaStar) {
        return etaStar == 0.0 ? Double.POSITIVE_INFINITY : eta8 / etaStar;
    }

    /** Theorem 2.3 (Figure 1 reading) at eta: (8) holds (strictly for the strict reading) and rho(T) >= 1. */
    @Override
    public final Violation check(HessianFamily family, Hyperparameters hyper) {
        Optional<ExactScalarFamily> scalar = ExactScalarFamily.of(family, hyper);
        if (scalar.isPresent() && scalar.get().condition8().isPresent()) {
            ExactScalarFamily x = scalar.get();
            int eight = x.condition8().get();
            BigFraction rho = x.rho();
            // With C_r' = 0 the right side of (8) divides by zero: outside the statement, not a violation.
            boolean finite = x.cRPrime().orElseThrow().signum() > 0;
            boolean violated = finite && (strict() ? eight > 0 : eight >= 0) && rho.compareTo(BigFraction.ONE) >= 0;
            List<Quantity> hypotheses = new ArrayList<>();
            hypotheses.add(new Quantity("(8): sign of 2 sigma / (eta C_r' (sigma + n_f (n_r/B - 1))) - lambda_max(D)",
                    eight, Integer.toString(eight)));
            hypotheses.add(Quantity.exact("lambda_max(D)", x.lambdaMaxD().orElseThrow()));
            hypotheses.add(Quantity.exact("sigma", x.sigma().orElseThrow()));
            hypotheses.add(Quantity.exact("C_r'", x.cRPrime().orElseThrow()));
            hypotheses.add(Quantity.exact("eta", x.eta()));
            x.eta8().ifPresent(e -> hypotheses.add(Quantity.exact("eta8", e)));
            x.etaStar().ifPresent(e -> hypotheses.add(Quantity.exact("etaStar", e)));
            return exactViolation(violated, "<", rho, hypotheses);
        }
        FloatingThresholds f = FloatingThresholds.of(family, hyper);
        boolean eight = strict() ? hyper.eta() < f.eta8() * (1 - ClaimCheck.FLOAT_MARGIN)
                : hyper.eta() <= f.eta8() * (1 + ClaimCheck.FLOAT_MARGIN);
        boolean violated = eight && f.rho() > 1 + ClaimCheck.FLOAT_MARGIN;
        return floatingViolation(violated, "<", hyper, f, "eta8", f.eta8());
    }
}
