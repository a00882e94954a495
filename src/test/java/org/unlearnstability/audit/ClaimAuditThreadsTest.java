package org.unlearnstability.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.unlearnstability.experiment.claims.ClaimsAuditSpec;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.claims.Claims;

/** A claim's audit is a function of (seed, claim, budget): the number of threads does not change it. */
class ClaimAuditThreadsTest {

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        Claim claim = Claims.bySlug("theorem23-convergence-strict");
        ClaimResult common = ClaimAudit.quick(claim, ClaimsAuditSpec.DEFAULT_SEED);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            ClaimResult one = single.submit(() -> ClaimAudit.quick(claim, ClaimsAuditSpec.DEFAULT_SEED)).get();
            assertEquals(common.maxSlack(), one.maxSlack());
            assertEquals(common.worst(), one.worst());
            assertEquals(common.randomViolations(), one.randomViolations());
            assertEquals(common.counterexample().hyper(), one.counterexample().hyper());
            assertEquals(common.counterexample().violation(), one.counterexample().violation());
        } finally {
            single.shutdown();
        }
    }
}
