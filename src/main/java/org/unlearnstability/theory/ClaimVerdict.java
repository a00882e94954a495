package org.unlearnstability.theory;

/** The verdict of the claims audit on one claim: one of three, never an opinion. */
public enum ClaimVerdict {
    /** No violation in the stated number of generated and searched cases. */
    HOLDS,
    /** A counterexample exists, kept in golden/counterexamples/. */
    FAILS,
    /** The statement as printed cannot be decided by checking cases (the reason is in the spec). */
    NOT_TESTABLE_AS_STATED;

    /** @return the verdict as the reports print it */
    public String label() {
        return this == NOT_TESTABLE_AS_STATED ? "NOT TESTABLE AS STATED" : name();
    }
}
