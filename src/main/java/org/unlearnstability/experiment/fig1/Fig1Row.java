package org.unlearnstability.experiment.fig1;

import org.unlearnstability.dynamics.Verdict;

/**
 * One row of the Figure 1 table: a (Q, B) cell at one learning rate under one sampler, with the
 * verdicts derived from the cell's numbers.
 *
 * @param cell the cell
 * @param run the sampler and learning rate within it
 * @param mcVerdict the paper's protocol, majority of the repeats
 * @param msVerdict rho &gt; 1
 * @param asVerdict sign of the top Lyapunov exponent, and whether it exceeds ln(ratio)/K
 */
public record Fig1Row(Fig1Cell cell, Fig1Cell.Run run, Verdict mcVerdict, Verdict msVerdict, Verdict asVerdict) {

    /**
     * @param cell the cell
     * @param run one of its runs
     * @param visibleRate ln(ratio)/K
     * @return the row with its verdicts
     */
    public static Fig1Row of(Fig1Cell cell, Fig1Cell.Run run, double visibleRate) {
        return new Fig1Row(cell, run, Verdict.majority(run.diverged(), run.repeats()),
                Verdict.meanSquare(run.rho()), Verdict.almostSure(run.lyapunov(), visibleRate));
    }
}
