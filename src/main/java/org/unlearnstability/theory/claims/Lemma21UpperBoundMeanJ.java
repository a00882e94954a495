package org.unlearnstability.theory.claims;

/**
 * Lemma 2.1 part 2 as printed (sum up to r = k-1), hypothesis read on the mean J
 * (specs/claims/lemma21-upper-bound-mean-j).
 */
public final class Lemma21UpperBoundMeanJ extends Lemma21UpperBound {
    /** The claim (the registry holds its instance). */
    public Lemma21UpperBoundMeanJ() {
        super("lemma21-upper-bound-mean-j", false);
    }
}
