package org.unlearnstability.experiment.fig3;

import java.io.Serializable;
import java.util.List;

/**
 * One cell of Figure 3: a forget kind and size, with the model it unlearns from, the linear theory at w* and, per
 * learning rate, the prediction and the observation. This is what the cell cache stores.
 *
 * @param kind the forget kind's key
 * @param size n_f
 * @param nRetain n_r = trainSize - n_f
 * @param trainLoss the mean training loss reached at w*
 * @param trainSteps the gradient steps it took
 * @param testAccuracy test accuracy at w*
 * @param forgetLossBefore mean forget loss at w* (training labels)
 * @param retainLossBefore mean retain loss at w*
 * @param miaAucBefore membership-inference AUC at w*, forget against test samples
 * @param theory the tool's quantities at w*
 * @param retrain the baseline retrained from w_0 on the retain set
 * @param runs one entry per learning rate, in the spec's order
 */
public record Fig3Cell(String kind, int size, int nRetain, double trainLoss, int trainSteps, double testAccuracy,
        double forgetLossBefore, double retainLossBefore, double miaAucBefore, LinearTheory theory, Retrain retrain,
        List<EtaRun> runs) implements Serializable {

    /** Copies the list. */
    public Fig3Cell {
        runs = List.copyOf(runs);
    }

    /**
     * Retraining from scratch (w_0) on the retain set, the gold standard of forgetting.
     *
     * @param loss its mean training loss on the retain set
     * @param steps its gradient steps
     * @param forgetLoss its mean forget loss (training labels)
     * @param testAccuracy its test accuracy
     * @param miaAuc its membership-inference AUC
     */
    public record Retrain(double loss, int steps, double forgetLoss, double testAccuracy, double miaAuc)
            implements Serializable {
    }

    /**
     * One learning rate: the linear prediction and the network's behaviour. Rates are per step of the squared
     * distance ||w_k - w*||^2 (natural log).
     *
     * @param eta the learning rate
     * @param rho rho(T) of the Gauss-Newton family
     * @param condition7 whether (7) holds (eta &gt;= eta7)
     * @param condition8 whether (8) holds (eta &lt;= eta8)
     * @param exactEarlyRate least-squares slope of ln E||w_k - w*||^2 over k = 0..E from the perturbed start, exact
     * @param linearRate 2 x the top Lyapunov exponent estimated by simulating the linearised update (3) for K steps
     *     from the same start (mean over repeats of ln(||w_K||^2 / ||w_0||^2) / K)
     * @param linearDiverged linearised runs with ||w_K|| / ||w_0|| &gt;= divergenceRatio
     * @param observedEarlyRate least-squares slope over k = 0..E of ln of the mean over repeats of the separation
     *     s_k = ||w_k' - w_k||^2 of the network runs from w* + delta and from w* on the same batches
     * @param observedRate mean over repeats of ln(s_K / s_0) / K
     * @param divergedPerturbed network runs from w* + delta with ||w_K - w*|| / ||w_0 - w*|| &gt;= ratio
     * @param divergedFromOptimum network runs from w* with ||w_K - w*|| / perturbation &gt;= ratio
     * @param log10RatioFromOptimum median over runs from w* of log10(||w_K - w*|| / perturbation)
     * @param forgetLossAfter mean forget loss at w_K from w*, mean over repeats
     * @param retainLossAfter mean retain loss at w_K from w*
     * @param testAccuracyAfter test accuracy at w_K from w*
     * @param miaAucAfter membership-inference AUC at w_K from w*
     * @param exactCurve E||w_k - w*||^2 for k = 0..E (linear theory, perturbed start)
     * @param observedCurve mean separation s_k for k = 0..K (network)
     * @param optimumCurve mean ||w_k - w*||^2 for k = 0..K (network, from w*)
     * @param forgetLossCurve mean forget loss at the checkpoints (network, from w*)
     */
    public record EtaRun(double eta, double rho, boolean condition7, boolean condition8, double exactEarlyRate,
            double linearRate, int linearDiverged, double observedEarlyRate, double observedRate, int divergedPerturbed,
            int divergedFromOptimum, double log10RatioFromOptimum, double forgetLossAfter, double retainLossAfter,
            double testAccuracyAfter, double miaAucAfter, double[] exactCurve, double[] observedCurve,
            double[] optimumCurve, double[] forgetLossCurve) implements Serializable {
    }

    /** @return the forget kind */
    public ForgetKind forgetKind() {
        return ForgetKind.of(kind);
    }
}
