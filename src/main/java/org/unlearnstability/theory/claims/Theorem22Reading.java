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
 * Theorem 2.2, (7) implies lim E||w_k||^2 = infinity, checked over every learning rate at once (see
 * {@link Thresholds}), with "&gt;=" in (7) as printed or strictly.
 *
 * <p><b>(7) with equality, d = 1</b> (the constructed case). With one nonzero retain value x and one nonzero
 * forget value y, eta7 = sqrt(2) / (sqrt(c_r) x + sqrt(c_f) y) (c = C / eta^2) while etaStar = 2a / (a^2 + s)
 * <= 1 / sqrt(s), s = c_r x^2 + c_f y^2 >= (sqrt(c_r) x + sqrt(c_f) y)^2 / 2, so eta7 >= etaStar in d = 1, with
 * equality iff sqrt(c_r) x = sqrt(c_f) y and a = sqrt(s). Writing u = n_r/B - 1, v = n_f/B - 1, the two
 * conditions need sqrt(u / v) = 1 - sqrt(2u); u = 2 t^2 makes every number rational, and t = 1/4 gives the
 * smallest sizes: B = 8, n_r = 9, n_f = 12. With alpha = 1/2, x = 3, y = 2: C_r' = 2/5, sigma = 21/2,
 * lambda_max(D) = 7/30, etaStar = eta7 = 12, and at eta = 12, J = 0 and T = 1: E||w_k||^2 = 1 for every k.
 */
abstract class Theorem22Reading extends ThresholdReading {
    Theorem22Reading(String slug, boolean strict) {
        super(slug, strict);
    }

    /** @return the (7) equality case of the class comment */
    @Override
    KnownCase equalityCase() {
        HessianFamily family = new HessianFamily(KnownCase.scalars(3.0, 9), KnownCase.scalars(2.0, 12));
        return new KnownCase("equality-7", family, new Hyperparameters(12.0, 0.5, 8),
                "(7) holds with equality at eta = eta7 = etaStar = 12 and T = 1, so E||w_k||^2 = 1 for every k");
    }

    @Override
    double threshold(Thresholds t) {
        return t.eta7();
    }

    /** Theorem 2.2: slack etaStar / eta7 (lhs eta7, rhs etaStar). */
    @Override
    double slack(double eta7, double etaStar) {
        return etaStar / eta7;
    }

    /** Theorem 2.2 at eta: (7) holds (strictly for the strict reading) and rho(T) <= 1 (no divergence). */
    @Override
    public final Violation check(HessianFamily family, Hyperparameters hyper) {
        Optional<ExactScalarFamily> scalar = ExactScalarFamily.of(family, hyper);
        if (scalar.isPresent() && scalar.get().condition7().isPresent()) {
            ExactScalarFamily x = scalar.get();
            int seven = x.condition7().get();
            BigFraction rho = x.rho();
            boolean violated = (strict() ? seven > 0 : seven >= 0) && rho.compareTo(BigFraction.ONE) <= 0;
            List<Quantity> hypotheses = new ArrayList<>();
            hypotheses.add(new Quantity("(7): sign of lambda_max(D) - sqrt(2) sigma / (eta K7)", seven,
                    Integer.toString(seven)));
            hypotheses.add(Quantity.exact("lambda_max(D)", x.lambdaMaxD().orElseThrow()));
            hypotheses.add(Quantity.exact("sigma", x.sigma().orElseThrow()));
            hypotheses.add(new Quantity("K7^2", x.k7Squared().doubleValue(), x.k7Squared().text()));
            hypotheses.add(Quantity.exact("eta", x.eta()));
            x.etaStar().ifPresent(e -> hypotheses.add(Quantity.exact("etaStar", e)));
            return exactViolation(violated, ">", rho, hypotheses);
        }
        FloatingThresholds f = FloatingThresholds.of(family, hyper);
        boolean seven = strict() ? hyper.eta() > f.eta7() * (1 + ClaimCheck.FLOAT_MARGIN)
                : hyper.eta() >= f.eta7() * (1 - ClaimCheck.FLOAT_MARGIN);
        boolean violated = seven && f.rho() < 1 - ClaimCheck.FLOAT_MARGIN;
        return floatingViolation(violated, ">", hyper, f, "eta7", f.eta7());
    }
}
