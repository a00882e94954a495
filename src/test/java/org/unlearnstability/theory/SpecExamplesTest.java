package org.unlearnstability.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.claims.Claims;

/**
 * The worked examples quoted in specs/claims, checked in exact arithmetic (so a spec cannot quote a number
 * the code does not reproduce), and the floating-point evaluator agreeing with them.
 */
class SpecExamplesTest {

    @Test
    void printedUpperBoundIsExceededAtTheFirstStep() {
        HessianFamily family = ScalarFamilies.of(new double[] {1}, new double[] {1, 1});
        Hyperparameters hyper = new Hyperparameters(1.0, 0.25, 1);
        ExactScalarFamily x = ExactScalarFamily.of(family, hyper).orElseThrow();
        assertEquals(new BigFraction(1, 2), x.j());
        assertEquals(new BigFraction(1, 32), x.noise());
        assertEquals(new BigFraction(9, 32), x.meanSquare(1));
        assertEquals(new BigFraction(1, 4), x.upperBound(1, false));
        Violation v = Claims.bySlug("lemma21-upper-bound-mean-j").check(family, hyper);
        assertTrue(v.violated() && v.exact(), v.toString());
        assertEquals("9/32", v.lhs().exact());
        assertEquals("1/4", v.rhs().exact());
        ClaimCheck c = Claims.bySlug("lemma21-upper-bound-mean-j").evaluate(family, hyper);
        assertEquals(9.0 / 8, c.slack(), 1e-12);
    }

    @Test
    void divergenceCriterionHoldsWithEqualityWhereTheDynamicsStayBounded() {
        HessianFamily family = ScalarFamilies.of(ScalarFamilies.oneThenZeros(3, 9), ScalarFamilies.oneThenZeros(2, 12));
        Hyperparameters hyper = new Hyperparameters(12.0, 0.5, 8);
        ExactScalarFamily x = ExactScalarFamily.of(family, hyper).orElseThrow();
        assertEquals(new BigFraction(2, 5), x.cRPrime().orElseThrow());
        assertEquals(new BigFraction(21, 2), x.sigma().orElseThrow());
        assertEquals(new BigFraction(7, 30), x.lambdaMaxD().orElseThrow());
        assertEquals(0, x.k7Squared().a().add(x.k7Squared().b().multiply(new BigFraction(1, 4)))
                .compareTo(new BigFraction(225, 8)));
        assertEquals(0, x.condition7().orElseThrow(), "(7) with equality");
        assertEquals(new BigFraction(12), x.etaStar().orElseThrow());
        assertEquals(BigFraction.ZERO, x.j());
        assertEquals(BigFraction.ONE, x.rho());
        assertTrue(Claims.bySlug("theorem22-divergence").check(family, hyper).violated());
        assertFalse(Claims.bySlug("theorem22-divergence-strict").check(family, hyper).violated());
        ClaimCheck c = Claims.bySlug("theorem22-divergence").evaluate(family, hyper);
        assertEquals(12.0, c.lhs(), 1e-9, "eta7");
        assertEquals(12.0, c.rhs(), 1e-9, "etaStar");
    }

    @Test
    void convergenceConditionHoldsStrictlyWhereTheDynamicsDiverge() {
        HessianFamily family = ScalarFamilies.of(new double[] {1, 1}, new double[] {1});
        Hyperparameters hyper = new Hyperparameters(1.0, 0.5, 1);
        ExactScalarFamily x = ExactScalarFamily.of(family, hyper).orElseThrow();
        assertEquals(BigFraction.ONE, x.cRPrime().orElseThrow());
        assertEquals(new BigFraction(2), x.sigma().orElseThrow());
        assertEquals(BigFraction.ONE, x.lambdaMaxD().orElseThrow());
        assertEquals(new BigFraction(4, 3), x.eta8().orElseThrow());
        assertEquals(1, x.condition8().orElseThrow());
        assertEquals(new BigFraction(9, 8), x.rho());
        assertTrue(Claims.bySlug("theorem23-convergence-strict").check(family, hyper).violated());
    }

    @Test
    void convergenceConditionHoldsWithEqualityForPlainGradientDescentAtTwoOverLambda() {
        HessianFamily family = ScalarFamilies.of(new double[] {1}, new double[] {1});
        Hyperparameters hyper = new Hyperparameters(2.0, 0.0, 1);
        ExactScalarFamily x = ExactScalarFamily.of(family, hyper).orElseThrow();
        assertEquals(0, x.condition8().orElseThrow());
        assertEquals(BigFraction.ONE, x.rho());
        assertTrue(Claims.bySlug("theorem23-convergence").check(family, hyper).violated());
        assertFalse(Claims.bySlug("theorem23-convergence-strict").check(family, hyper).violated());
    }

    @Test
    void unlearningCoherenceAtAlphaZeroIsNfTimesTheSingleSetCoherence() {
        HessianFamily family = ScalarFamilies.of(new double[] {1}, new double[] {1, 1});
        Hyperparameters hyper = new Hyperparameters(1.0, 0.0, 1);
        Violation v = Claims.bySlug("single-set-reduction").check(family, hyper);
        assertTrue(v.violated() && v.exact());
        assertEquals("2", v.lhs().exact());
        assertEquals("1", v.rhs().exact());
        ClaimCheck c = Claims.bySlug("single-set-reduction").evaluate(family, hyper);
        assertEquals(1.0, c.secondary(), 1e-12, "sigma = n_f sigma_single");
    }

    @Test
    void surdSignDecidesEqualityExactly() {
        // 3/2 - 3 sqrt(1/4) = 0, 1 - sqrt(2) < 0, -1 + sqrt(2) > 0
        assertEquals(0, new QuadraticSurd(new BigFraction(3, 2), new BigFraction(-3), new BigFraction(1, 4)).signum());
        assertEquals(-1, new QuadraticSurd(BigFraction.ONE, BigFraction.MINUS_ONE, new BigFraction(2)).signum());
        assertEquals(1, new QuadraticSurd(BigFraction.MINUS_ONE, BigFraction.ONE, new BigFraction(2)).signum());
    }
}
