package org.unlearnstability.theory;

/**
 * How strongly a verdict is established: a proof beats a search, and a search beats nothing.
 * It is derived from the verdict and the claim's {@link ClaimProof}, never pinned by hand alone (the spec pins
 * it too, and a test compares the two).
 */
public enum ClaimStrength {
    /** A written proof in the claim's spec, every inequality step of it also checked on the audit's cases. */
    PROVED,
    /** No violation in the stated search (generated cases and local search); no proof. */
    HOLDS,
    /** An exact counterexample (or an exact witness with a proved theorem), kept in golden/counterexamples/. */
    FAILS,
    /** The hypothesis can never hold, so the statement is vacuously true (proved, and checked on every case). */
    VACUOUS,
    /** The statement as printed cannot be decided by checking cases. */
    NOT_TESTABLE;

    /** @return the strength as the reports print it */
    public String label() {
        return this == NOT_TESTABLE ? "NOT TESTABLE" : name();
    }

    /**
     * @param verdict the audit's verdict
     * @param proofHolds whether the claim has a proof whose every step held on every case it was checked on
     * @return the strength
     */
    public static ClaimStrength of(ClaimVerdict verdict, boolean proofHolds) {
        if (verdict == ClaimVerdict.FAILS) {
            return FAILS;
        }
        if (verdict == ClaimVerdict.NOT_TESTABLE_AS_STATED) {
            return proofHolds ? VACUOUS : NOT_TESTABLE;
        }
        return proofHolds ? PROVED : HOLDS;
    }
}
