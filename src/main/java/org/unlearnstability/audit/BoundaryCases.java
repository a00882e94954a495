package org.unlearnstability.audit;

import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.theory.ClaimId;

/**
 * The equality cases of (7) and (8), constructed, not searched for: a floating-point search can approach
 * slack 1 but never decide ">=" against ">"; these cases are decided in exact arithmetic.
 *
 * <p><b>(7) with equality, d = 1.</b> With one nonzero retain value x and one nonzero forget value y,
 * eta7 = sqrt(2) / (sqrt(c_r) x + sqrt(c_f) y) (c = C / eta^2) while etaStar = 2a / (a^2 + s) <= 1 / sqrt(s),
 * s = c_r x^2 + c_f y^2 >= (sqrt(c_r) x + sqrt(c_f) y)^2 / 2, so eta7 >= etaStar in d = 1, with equality iff
 * sqrt(c_r) x = sqrt(c_f) y and a = sqrt(s). Writing u = n_r/B - 1, v = n_f/B - 1, the two conditions
 * need sqrt(u / v) = 1 - sqrt(2u); u = 2 t^2 makes every number rational, and t = 1/4 gives the smallest
 * sizes: B = 8, n_r = 9, n_f = 12. With alpha = 1/2, x = 3, y = 2: C_r' = 2/5, sigma = 21/2,
 * lambda_max(D) = 7/30, etaStar = eta7 = 12, and at eta = 12, J = 0 and T = 1: E||w_k||^2 = 1 for every k.
 *
 * <p><b>(8) with equality, d = 1, alpha = 0</b> (plain SGD on the retain set): retain values {1, 0}, B = 1:
 * sigma = 1, lambda_max(D) = 1/2, eta8 = etaStar = 2, and at eta = 2, J = 0 and T = 1.
 */
final class BoundaryCases {
    private BoundaryCases() {
    }

    /**
     * @param name a short name
     * @param family the family
     * @param hyper the hyper-parameters, at the equality
     * @param description what it shows
     */
    record KnownCase(String name, HessianFamily family, Hyperparameters hyper, String description) {
        /** @return what the case is, for a counterexample's origin */
        String origin() {
            return (name.startsWith("equality") ? "constructed equality case " : "constructed exact witness ") + name;
        }
    }

    /**
     * @param claim a claim
     * @return its constructed equality cases (empty for claims without a non-strict inequality)
     */
    static List<KnownCase> of(ClaimId claim) {
        return switch (claim) {
            case THEOREM22_DIVERGENCE, THEOREM22_DIVERGENCE_STRICT -> List.of(divergenceEquality());
            case THEOREM23_CONVERGENCE, THEOREM23_CONVERGENCE_STRICT -> List.of(convergenceEquality());
            case THEOREM23_EXISTENCE -> List.of(existenceWitness());
            default -> List.of();
        };
    }

    /** @return the (7) equality case */
    static KnownCase divergenceEquality() {
        HessianFamily family = new HessianFamily(scalars(3.0, 9), scalars(2.0, 12));
        return new KnownCase("equality-7", family, new Hyperparameters(12.0, 0.5, 8),
                "(7) holds with equality at eta = eta7 = etaStar = 12 and T = 1, so E||w_k||^2 = 1 for every k");
    }

    /** @return the (8) equality case */
    static KnownCase convergenceEquality() {
        HessianFamily family = new HessianFamily(scalars(1.0, 2), scalars(1.0, 1));
        return new KnownCase("equality-8", family, new Hyperparameters(2.0, 0.0, 1),
                "(8) holds with equality at eta = eta8 = etaStar = 2 (alpha = 0) and T = 1, so E||w_k||^2 = 1");
    }

    /**
     * The exact witness against Theorem 2.3's strong reading: retain {2, 0}, forget {1, 0}, B = 1, alpha = 1/2,
     * eta = 2 (d = 1). C_r' = C_f' = 1/2, lambda_max(D) = 3/4, sigma = 2, K7 = 2, so eta7 = 4 sqrt(2) / 3 &lt; 2 &lt;=
     * eta8 = 8/3: (8) and strict (7) hold at once, and by Theorem 2.2 (strict, proved) every family with these
     * values diverges; this one has rho(T) = 3/2 at eta = 2 (and etaStar = 4/3).
     *
     * @return the witness
     */
    static KnownCase existenceWitness() {
        HessianFamily family = new HessianFamily(scalars(2.0, 2), scalars(1.0, 2));
        return new KnownCase("witness-8-and-7", family, new Hyperparameters(2.0, 0.5, 1),
                "(8) and strict (7) hold at once (eta7 = 4 sqrt(2)/3 < eta = 2 <= eta8 = 8/3), so every family with"
                        + " lambda_max(D) = 3/4 and sigma = 2 diverges at these hyper-parameters;"
                        + " this one has rho(T) = 3/2");
    }

    /** One Hessian [value] followed by n - 1 zero Hessians. */
    private static List<Hessian> scalars(double value, int n) {
        List<Hessian> out = new ArrayList<>();
        out.add(DiagonalHessian.of(new double[] {value}));
        for (int i = 1; i < n; i++) {
            out.add(DiagonalHessian.of(new double[] {0.0}));
        }
        return out;
    }
}
