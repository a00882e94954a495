package org.unlearnstability.experiment.fig3;

import org.hipparchus.util.FastMath;

/**
 * One row of the Figure 3 table: a cell (forget kind and size) at one learning rate.
 *
 * @param cell the cell
 * @param run the learning rate's prediction and observation
 */
public record Fig3Row(Fig3Cell cell, Fig3Cell.EtaRun run) {

    /** @return ln rho(eta), the exact asymptotic mean-square growth rate per step */
    public double lnRho() {
        return FastMath.log(run.rho());
    }

    /** @return forget loss after unlearning from w* minus before */
    public double forgetLossIncrease() {
        return run.forgetLossAfter() - cell.forgetLossBefore();
    }

    /** @return membership-inference AUC before minus after unlearning */
    public double miaAucDrop() {
        return cell.miaAucBefore() - run.miaAucAfter();
    }

    /** @return observed over exact early rate */
    public double earlyRatio() {
        return run.observedEarlyRate() / run.exactEarlyRate();
    }

    /** @return observed early rate over ln rho */
    public double lnRhoRatio() {
        return run.observedEarlyRate() / lnRho();
    }

    /** @return observed over linearised rate over K steps */
    public double rateRatio() {
        return run.observedRate() / run.linearRate();
    }
}
