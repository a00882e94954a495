package org.unlearnstability.theory;

/**
 * The claims of the paper's section 2.3 that the audit checks, one constant per reading. Each has a
 * spec {@code specs/claims/<slug>.json} with the statement as printed, the reading tested, its
 * hypotheses, the check and the pinned verdict.
 */
public enum ClaimId {
    /** Lemma 2.1 part 1: E||w_k||^2 >= Tr(M_k), M_k = J^{2k} + N_k, for k >= 1. */
    LEMMA21_LOWER_BOUND("lemma21-lower-bound", true, false, true, true),
    /** Lemma 2.1 part 1, corollary: Tr(N_k) -> infinity implies E||w_k||^2 -> infinity. */
    LEMMA21_DIVERGENCE_COROLLARY("lemma21-divergence-corollary", true, false, true, true),
    /** Lemma 2.1 part 2 as printed (sum up to r = k-1), hypothesis read on the mean J. */
    LEMMA21_UPPER_BOUND_MEAN_J("lemma21-upper-bound-mean-j", true, false, true, true),
    /** Lemma 2.1 part 2 as printed, hypothesis read on every random J_k. */
    LEMMA21_UPPER_BOUND_EVERY_JK("lemma21-upper-bound-every-jk", true, false, true, true),
    /** Lemma 2.1 part 2 with the sum extended to r = k (the binomial expansion), mean-J reading. */
    LEMMA21_UPPER_BOUND_REPAIRED("lemma21-upper-bound-repaired", true, false, true, true),
    /** Lemma 2.1 convergence statement as printed: Tr(N_r) <= eps for all r >= 0. */
    LEMMA21_CONVERGENCE_AS_PRINTED("lemma21-convergence-as-printed", true, true, false, false),
    /** Lemma 2.1 convergence statement with Tr(N_r) <= eps for r >= 1, mean-J reading. */
    LEMMA21_CONVERGENCE_R_GE_1("lemma21-convergence-r-ge-1", true, true, true, true),
    /** Theorem 2.2 as printed: (7) with >= implies lim E||w_k||^2 = infinity. */
    THEOREM22_DIVERGENCE("theorem22-divergence", false, true, true, true),
    /** Theorem 2.2 with a strict inequality in (7). */
    THEOREM22_DIVERGENCE_STRICT("theorem22-divergence-strict", false, false, true, true),
    /**
     * Theorem 2.3 as printed, an existence statement, in its strong reading: for values (lambda_max(D), sigma)
     * satisfying (8), some PSD family with these values converges. Decided by an exact witness (with Theorem 2.2
     * proved), not by search; the generated cases check the weak reading.
     */
    THEOREM23_EXISTENCE("theorem23-existence", true, true, true, false),
    /** Theorem 2.3 as Figure 1 uses it: (8) with <= implies convergence for the given Hessians. */
    THEOREM23_CONVERGENCE("theorem23-convergence", false, true, true, true),
    /** Theorem 2.3 as Figure 1 uses it, with a strict inequality in (8). */
    THEOREM23_CONVERGENCE_STRICT("theorem23-convergence-strict", false, false, true, true),
    /** Section 2.2: with alpha = 0 the unlearning coherence sigma reduces to the single-set coherence. */
    SINGLE_SET_REDUCTION("single-set-reduction", false, false, true, true);

    private final String slug;
    private final boolean etaDependent;
    private final boolean boundaryViolates;
    private final boolean testable;
    private final boolean searched;

    ClaimId(String slug, boolean etaDependent, boolean boundaryViolates, boolean testable, boolean searched) {
        this.slug = slug;
        this.etaDependent = etaDependent;
        this.boundaryViolates = boundaryViolates;
        this.testable = testable;
        this.searched = searched;
    }

    /**
     * @return whether local search towards a violation is worth running (not when the hypothesis can never hold,
     *     nor when the verdict is decided by a constructed witness rather than by the generated cases)
     */
    public boolean searched() {
        return searched;
    }

    /** @return the file name stem of the spec and counterexample */
    public String slug() {
        return slug;
    }

    /**
     * @return whether the check depends on the case's learning rate (otherwise it ranges over every
     *     eta at once, through eta7, eta8 and etaStar)
     */
    public boolean etaDependent() {
        return etaDependent;
    }

    /**
     * @return whether a constructed case that violates the claim exactly decides it: an equality case when the
     *     claim's hypothesis is a non-strict inequality whose equality case leaves rho(T) = 1, or an exact witness
     */
    public boolean boundaryViolates() {
        return boundaryViolates;
    }

    /** @return false when the statement as printed cannot be decided by checking cases */
    public boolean testable() {
        return testable;
    }

    /**
     * @param slug a spec file stem
     * @return the claim
     */
    public static ClaimId ofSlug(String slug) {
        for (ClaimId id : values()) {
            if (id.slug.equals(slug)) {
                return id;
            }
        }
        throw new IllegalArgumentException("unknown claim '" + slug + "'");
    }
}
