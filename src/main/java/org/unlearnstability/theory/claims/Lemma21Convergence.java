package org.unlearnstability.theory.claims;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.Lemma21;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.CaseShape;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.ExactScalarFamily;
import org.unlearnstability.theory.LearningRateIntervals;
import org.unlearnstability.theory.NoiseSpectralRadius;
import org.unlearnstability.theory.Quantity;
import org.unlearnstability.theory.Violation;

/**
 * Lemma 2.1's convergence statement: hypotheses 1 - eps = ||J|| in (0, 1) and Tr(N_r) <= eps for every
 * r >= first (r = 0 as printed, where Tr(N_0) = d >= 1 > eps); conclusion rho(T) &lt; 1 (E||w_k||^2 -> 0).
 * Its cases draw eta uniform inside the interval (0, eta_h] where ||J|| &lt; 1 and Tr(N_1) &lt;= 1 - ||J||
 * (a concave condition in eta), found by bisection.
 */
abstract class Lemma21Convergence extends AbstractClaim {
    /** How many Tr(N_r) the convergence hypothesis "Tr(N_r) <= eps for all r" inspects (with rho(N) < 1). */
    static final int NOISE_STEPS = 64;

    private static final CaseShape SHAPE = new CaseShape() {
        @Override
        public double eta(HessianFamily family, double alpha, int batch, UniformRandomProvider rng, double drawn) {
            return LearningRateIntervals.inside(family, alpha, rng,
                e -> convergenceHypothesis(family, e, alpha, batch), drawn);
        }
    };

    private final int first;

    Lemma21Convergence(String slug, int first) {
        super(slug, SHAPE);
        this.first = first;
    }

    @Override
    public final boolean boundaryViolates() {
        return true;
    }

    /** ||J|| &lt; 1 and Tr(N_1) &lt;= 1 - ||J||: equivalent to the r >= 1 hypothesis (see the spec). */
    static boolean convergenceHypothesis(HessianFamily family, double eta, double alpha, int batch) {
        Hyperparameters hyper = new Hyperparameters(eta, alpha, batch);
        double normJ = Lemma21.normJ(family, hyper);
        return normJ < 1.0 && Lemma21.traceN(family, hyper, 1)[0] <= 1.0 - normJ;
    }

    /**
     * The hypotheses checked for r &lt; {@link #NOISE_STEPS} with rho(N) &lt; 1 for the tail; slack rho(T).
     */
    @Override
    final ClaimCheck evaluateFinite(HessianFamily family, Hyperparameters hyper) {
        double norm = Lemma21.normJ(family, hyper);
        if (!(norm > 0.0 && norm < 1.0)) {
            return ClaimCheck.notApplicable(this);
        }
        double eps = 1 - norm;
        double supN = first == 0 ? family.dimension() : 0.0;
        for (double t : Lemma21.traceN(family, hyper, NOISE_STEPS)) {
            supN = Math.max(supN, t);
        }
        if (!(supN <= eps) || !(NoiseSpectralRadius.of(family, hyper).upper() < 1.0)) {
            return ClaimCheck.notApplicable(this);
        }
        double rho = MeanSquareOperator.of(family, hyper).rho().rho();
        return new ClaimCheck(this, true, rho, supN, eps, 0, hyper.eta(), Double.NaN);
    }

    /**
     * The convergence statement; exact for d = 1, where Tr(N_r) = n^r with n = Tr(N_1): the hypothesis is
     * |J| in (0, 1) and n^r <= 1 - |J| for every r >= 1 (r >= 0 as printed), the conclusion rho = J^2 + n &lt; 1.
     */
    @Override
    public final Violation check(HessianFamily family, Hyperparameters hyper) {
        return scalarOrFloating(family, hyper, this::exactCheck);
    }

    /** The check in exact rational arithmetic (d = 1). */
    private Violation exactCheck(ExactScalarFamily x) {
        BigFraction norm = x.j().abs();
        BigFraction eps = BigFraction.ONE.subtract(norm);
        BigFraction noise = x.noise();
        boolean fromZero = first == 0;
        // n^r <= eps for all r >= 1 iff n <= eps (then n < 1 and n^r decreases); r = 0 adds 1 <= eps.
        boolean hypothesis = norm.signum() > 0 && norm.compareTo(BigFraction.ONE) < 0 && noise.compareTo(eps) <= 0
                && (!fromZero || BigFraction.ONE.compareTo(eps) <= 0);
        BigFraction rho = x.rho();
        return new Violation(this, hypothesis && rho.compareTo(BigFraction.ONE) >= 0, true, "<",
                Quantity.exact("rho(T) = J^2 + Tr(N_1)", rho), new Quantity("1", 1.0, "1"),
                List.of(Quantity.exact("eps = 1 - |J|", eps), Quantity.exact("Tr(N_1)", noise)));
    }
}
