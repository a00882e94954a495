package org.unlearnstability.dynamics;

/**
 * The outcome of the paper's section 3.1 protocol for one setting: the majority of the repeated runs
 * diverged (||w_K|| / ||w_0|| >= threshold), the majority converged, or exactly half did each.
 */
public enum Verdict {
    /** More than half of the runs stayed below the threshold. */
    CONVERGE,
    /** More than half of the runs reached the threshold. */
    DIVERGE,
    /** Exactly half of the runs diverged (possible for an even number of repeats). */
    TIE;

    /**
     * @param diverged the number of diverged runs
     * @param repeats the number of runs
     * @return the majority verdict
     */
    public static Verdict majority(int diverged, int repeats) {
        int converged = repeats - diverged;
        if (diverged > converged) {
            return DIVERGE;
        }
        return converged > diverged ? CONVERGE : TIE;
    }
}
