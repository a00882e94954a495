package org.unlearnstability.dynamics;

import java.util.Locale;

/**
 * Whether a setting converges or diverges, by the three readings Figure 1 compares. The Monte Carlo
 * verdict is the paper's section 3.1 protocol ({@link #majority}: the majority of the repeated runs
 * diverged, ||w_K|| / ||w_0|| &gt;= threshold, or converged; exactly half is a tie). The mean-square
 * verdict is rho &gt; 1 (E||w_k||^2 grows without bound, the quantity Lemma 2.1 and Theorems 2.2-2.3
 * are about). The almost-sure verdict is the sign of the top Lyapunov exponent lambda, the growth rate
 * of ||w_k|| along almost every path; a positive lambda below ln(ratio)/K is {@link #SLOW_DIVERGE}:
 * the path grows, but too slowly for K steps to reach the ratio.
 */
public enum Verdict {
    /** Converges (MC: a majority of runs stays below the ratio; exact: rho &lt; 1 or lambda &lt; 0). */
    CONVERGE,
    /** Diverges (MC: a majority crosses the ratio; exact: rho &gt; 1, or lambda &gt; ln(ratio)/K). */
    DIVERGE,
    /** 0 &lt; lambda &lt;= ln(ratio)/K: diverges almost surely, but not visibly within K steps. */
    SLOW_DIVERGE,
    /** Exactly half of the Monte Carlo runs diverged (possible for an even number of repeats). */
    TIE,
    /** rho = 1 or lambda = 0 exactly. */
    MARGINAL;

    /** @return the name written in outputs: the constant's name in lower case, words joined by '-' */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param diverged the number of runs that crossed the ratio
     * @param repeats the number of runs
     * @return the majority verdict, a tie when exactly half diverged
     */
    public static Verdict majority(int diverged, int repeats) {
        int converged = repeats - diverged;
        if (diverged > converged) {
            return DIVERGE;
        }
        return converged > diverged ? CONVERGE : TIE;
    }

    /**
     * @param rho the mean-square growth factor per step
     * @return diverge iff rho &gt; 1
     */
    public static Verdict meanSquare(double rho) {
        if (rho == 1.0) {
            return MARGINAL;
        }
        return rho > 1.0 ? DIVERGE : CONVERGE;
    }

    /**
     * @param lyapunov the top Lyapunov exponent
     * @param visibleRate ln(ratio)/K, the smallest rate the protocol can show in K steps
     * @return converge (lambda &lt; 0), slow-diverge (0 &lt; lambda &lt;= visibleRate) or diverge
     */
    public static Verdict almostSure(double lyapunov, double visibleRate) {
        if (lyapunov == 0.0) {
            return MARGINAL;
        }
        if (lyapunov < 0.0) {
            return CONVERGE;
        }
        return lyapunov > visibleRate ? DIVERGE : SLOW_DIVERGE;
    }
}
