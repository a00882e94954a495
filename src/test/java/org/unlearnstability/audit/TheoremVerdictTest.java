package org.unlearnstability.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unlearnstability.theory.claims.Claims;

/** The pinned verdicts of Theorems 2.2 and 2.3 and of the single-set reduction. */
class TheoremVerdictTest {

    @Test
    void divergenceCriterionFailsOnlyAtEquality() {
        ClaimResult geq = VerdictPins.assertPinned(Claims.bySlug("theorem22-divergence"));
        assertTrue(geq.counterexample().violation().exact());
        ClaimResult strict = VerdictPins.assertPinned(Claims.bySlug("theorem22-divergence-strict"));
        assertTrue(strict.maxSlack() < 1.0, "largest etaStar / eta7: " + strict.maxSlack());
        assertTrue(strict.equalityCases().stream().noneMatch(q -> q.violation().violated()));
    }

    @Test
    void existenceStatementFailsByAnExactWitnessWhileItsWeakReadingHasAWitnessEverywhere() {
        ClaimResult r = VerdictPins.assertPinned(Claims.bySlug("theorem23-existence"));
        assertTrue(r.counterexample().violation().exact(), "the strong reading's witness is decided exactly");
        assertTrue(r.secondaryBelowOne() > 0, "generated cases with eta7 < eta8 (further witnesses)");
        assertTrue(r.applicable() > r.cases() / 2, "applicable: " + r.applicable());
        assertEquals(0, r.randomViolations(), "a witness (scaled retain Hessians, zero forget) failed (8) or rho < 1");
        assertTrue(r.maxSlack() < 1.0, "largest witness rho(T): " + r.maxSlack());
    }

    @Test
    void convergenceConditionFailsAtEqualityAndStrictly() {
        ClaimResult leq = VerdictPins.assertPinned(Claims.bySlug("theorem23-convergence"));
        assertTrue(leq.counterexample().violation().exact());
        ClaimResult strict = VerdictPins.assertPinned(Claims.bySlug("theorem23-convergence-strict"));
        assertTrue(strict.counterexample().violation().exact());
        assertTrue(strict.randomViolations() > 0, "strict violations are common among generated cases");
    }

    @Test
    void singleSetReductionFailsByTheFactorNf() {
        ClaimResult r = VerdictPins.assertPinned(Claims.bySlug("single-set-reduction"));
        assertEquals(1.0, r.secondaryMin(), 1e-8, "sigma / (n_f sigma_single)");
        assertEquals(1.0, r.secondaryMax(), 1e-8, "sigma / (n_f sigma_single)");
    }
}
