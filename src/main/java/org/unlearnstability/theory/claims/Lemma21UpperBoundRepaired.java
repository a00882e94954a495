package org.unlearnstability.theory.claims;

/**
 * Lemma 2.1 part 2 with the sum extended to r = k (the binomial expansion), mean-J reading
 * (specs/claims/lemma21-upper-bound-repaired).
 */
public final class Lemma21UpperBoundRepaired extends Lemma21UpperBound {
    /** The claim (the registry holds its instance). */
    public Lemma21UpperBoundRepaired() {
        super("lemma21-upper-bound-repaired", true);
    }
}
