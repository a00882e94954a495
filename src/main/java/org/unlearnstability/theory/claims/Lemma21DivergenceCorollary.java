package org.unlearnstability.theory.claims;

import java.util.List;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.ClaimProof;
import org.unlearnstability.theory.DivergenceCorollaryProof;
import org.unlearnstability.theory.ExactScalarFamily;
import org.unlearnstability.theory.NoiseSpectralRadius;
import org.unlearnstability.theory.Quantity;
import org.unlearnstability.theory.Violation;

/**
 * Lemma 2.1 part 1, corollary: Tr(N_k) -> infinity implies E||w_k||^2 -> infinity
 * (specs/claims/lemma21-divergence-corollary).
 */
public final class Lemma21DivergenceCorollary extends AbstractClaim {
    /** The claim (the registry holds its instance). */
    public Lemma21DivergenceCorollary() {
        super("lemma21-divergence-corollary");
    }

    /** Corollary of part 1, on cases with rho(N) > 1: slack 1 / rho(T). */
    @Override
    ClaimCheck evaluateFinite(HessianFamily family, Hyperparameters hyper) {
        if (!NoiseSpectralRadius.lowerExceeds(family, hyper, 1 + ClaimCheck.TOLERANCE)) {
            return ClaimCheck.notApplicable(this);
        }
        NoiseSpectralRadius noise = NoiseSpectralRadius.of(family, hyper);
        double rho = MeanSquareOperator.of(family, hyper).rho().rho();
        return new ClaimCheck(this, true, 1 / rho, noise.lower(), rho, 0, hyper.eta(), Double.NaN);
    }

    /** The slack without the bracket of rho(N) that the search does not read. */
    @Override
    public double searchSlack(HessianFamily family, Hyperparameters hyper) {
        requireFinite(family, hyper);
        if (!NoiseSpectralRadius.lowerExceeds(family, hyper, 1 + ClaimCheck.TOLERANCE)) {
            return Double.NEGATIVE_INFINITY;
        }
        return 1 / MeanSquareOperator.of(family, hyper).rho().rho();
    }

    /** The corollary of part 1; exact for d = 1: Tr(N_k) = n^k grows iff n > 1, and then rho = J^2 + n > 1. */
    @Override
    public Violation check(HessianFamily family, Hyperparameters hyper) {
        return scalarOrFloating(family, hyper, this::exactCheck);
    }

    /** The check in exact rational arithmetic (d = 1). */
    private Violation exactCheck(ExactScalarFamily x) {
        boolean hypothesis = x.noise().compareTo(BigFraction.ONE) > 0;
        BigFraction rho = x.rho();
        return new Violation(this, hypothesis && rho.compareTo(BigFraction.ONE) <= 0, true, ">",
                Quantity.exact("rho(T) = J^2 + Tr(N_1)", rho), new Quantity("1", 1.0, "1"),
                List.of(Quantity.exact("rho(N) = Tr(N_1)", x.noise())));
    }

    @Override
    public Optional<ClaimProof> proof() {
        return Optional.of(new DivergenceCorollaryProof());
    }
}
