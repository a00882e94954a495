package org.unlearnstability.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.theory.claims.Claims;

/**
 * The exact witness against Theorem 2.3's strong reading (specs/claims/theorem23-existence.md), re-checked in
 * rational arithmetic: retain {2, 0}, forget {1, 0}, B = 1, alpha = 1/2, eta = 2 has lambda_max(D) = 3/4,
 * sigma = 2, eta8 = 8/3, strict (7) (eta^2 = 4 > eta7^2 = 32/9), and rho(T) = 3/2, etaStar = 4/3.
 */
class Theorem23WitnessTest {

    private static Hessian scalar(double v) {
        return DiagonalHessian.of(new double[] {v});
    }

    @Test
    void theWitnessSatisfiesEightAndStrictSevenAndDiverges() {
        HessianFamily family = new HessianFamily(List.of(scalar(2), scalar(0)), List.of(scalar(1), scalar(0)));
        ExactScalarFamily x = ExactScalarFamily.of(family, new Hyperparameters(2.0, 0.5, 1)).orElseThrow();
        assertEquals(new BigFraction(3, 4), x.lambdaMaxD().orElseThrow());
        assertEquals(new BigFraction(2), x.sigma().orElseThrow());
        assertEquals(new BigFraction(1, 2), x.cRPrime().orElseThrow());
        assertEquals(new BigFraction(8, 3), x.eta8().orElseThrow());
        assertEquals(1, x.condition7().orElseThrow(), "(7) strictly");
        assertEquals(1, x.condition8().orElseThrow(), "(8) strictly");
        assertEquals(new BigFraction(3, 2), x.rho());
        assertEquals(new BigFraction(4, 3), x.etaStar().orElseThrow());
        Violation v = Claims.bySlug("theorem23-existence").check(family, new Hyperparameters(2.0, 0.5, 1));
        assertTrue(v.violated() && v.exact(), v.toString());
    }

    @Test
    void atEtaStarTheSameValuesNoLongerSatisfyStrictSevenSoTheWitnessIsNotVacuous() {
        HessianFamily family = new HessianFamily(List.of(scalar(2), scalar(0)), List.of(scalar(1), scalar(0)));
        Hyperparameters atEtaStar = new Hyperparameters(4.0 / 3.0, 0.5, 1);
        Violation v = Claims.bySlug("theorem23-existence").check(family, atEtaStar);
        assertTrue(!v.violated(), "below eta7 strict (7) fails, and the check must say so: " + v);
    }
}
