package org.unlearnstability.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.unlearnstability.experiment.claims.ClaimsAuditSpec;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimVerdict;

/**
 * Runs the quick audit of one claim (the subset `mvn verify` runs) and asserts the verdict pinned in its
 * spec, so that a verdict cannot drift silently: a claim pinned HOLDS fails the build as soon as the
 * audit finds a confirmed violation, and one pinned FAILS as soon as the audit no longer produces a
 * confirmed counterexample.
 */
final class VerdictPins {
    private VerdictPins() {
    }

    static ClaimResult assertPinned(Claim claim) {
        ClaimResult result = ClaimAudit.quick(claim, ClaimsAuditSpec.DEFAULT_SEED);
        ClaimVerdict pinned = claim.spec().verdict();
        assertEquals(pinned, result.verdict(), claim.slug() + ": audit says " + result.verdict() + ", spec pins "
                + pinned + "; largest slack " + result.maxSlack() + " at " + result.worst());
        assertEquals(claim.spec().strength(), result.strength(), claim.slug() + ": strength; proof steps "
                + (result.proof() == null ? "none" : result.proof().steps()));
        if (result.verdict() == ClaimVerdict.FAILS) {
            ClaimResult.Counterexample ce = result.counterexample();
            assertNotNull(ce, claim.slug());
            assertTrue(ce.violation().violated(), claim.slug() + ": " + ce.violation());
        }
        if (result.verdict() == ClaimVerdict.HOLDS) {
            assertTrue(result.applicable() > 0, claim.slug() + ": HOLDS needs applicable cases");
        }
        return result;
    }
}
