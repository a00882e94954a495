package org.unlearnstability.experiment.fig3;

import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.report.Column;

/**
 * The columns of fig3.csv and fig3.json, declared once: key, value and one line of documentation (the legend of
 * fig3.md). Rates are natural-log growth rates per step of a squared distance.
 */
public enum Fig3Column implements Column<Fig3Row> {
    /** Forget kind. */
    KIND("kind", r -> r.cell().kind(), "forget kind: random, mislabelled, atypical or oneClass"),
    /** n_f. */
    SIZE("size", r -> (long) r.cell().size(), "forget-set size n_f"),
    /** n_r. */
    N_RETAIN("nRetain", r -> (long) r.cell().nRetain(), "retain-set size n_r"),
    /** eta. */
    ETA("eta", r -> r.run().eta(), "unlearning learning rate eta"),
    /** Training loss at w*. */
    TRAIN_LOSS("trainLoss", r -> r.cell().trainLoss(), "mean training loss reached at w* (own model for mislabelled)"),
    /** Training steps. */
    TRAIN_STEPS("trainSteps", r -> (long) r.cell().trainSteps(), "full-batch gradient steps to reach it"),
    /** Test accuracy at w*. */
    TEST_ACCURACY("testAccuracy", r -> r.cell().testAccuracy(), "test accuracy at w*"),
    /** sigma. */
    SIGMA("sigma", r -> r.cell().theory().sigma(),
            "unlearning coherence sigma (Definition 4) of the Gauss-Newton family"),
    /** lambda_max(D). */
    LAMBDA_MAX_D("lambdaMaxD", r -> r.cell().theory().lambdaMaxD(), "lambda_max of the mix-Hessian D, eq. (5)"),
    /** eta7. */
    ETA7("eta7", r -> r.cell().theory().eta7(), "smallest eta at which divergence condition (7) holds"),
    /** eta8. */
    ETA8("eta8", r -> r.cell().theory().eta8(), "largest eta at which convergence condition (8) holds"),
    /** etaCoherenceFree. */
    ETA_COHERENCE_FREE("etaCoherenceFree", r -> r.cell().theory().etaCoherenceFree(),
            "coherence-free threshold of StabilityThresholds"),
    /** etaStar. */
    ETA_STAR("etaStar", r -> r.cell().theory().etaStar(), "critical learning rate of the exact mean square"),
    /** lambda_min(A). */
    LAMBDA_MIN_A("lambdaMinA", r -> r.cell().theory().lambdaMinA(),
            "smallest eigenvalue of the drift A = (1 - alpha) H_R - alpha H_F"),
    /** Negative eigenvalues of A. */
    NEGATIVE_COUNT_A("negativeCountA", r -> (long) r.cell().theory().negativeCountA(),
            "number of negative eigenvalues of A (each expands the mean step for every eta)"),
    /** rho. */
    RHO("rho", r -> r.run().rho(), "rho(T) of the exact mean-square dynamics at eta"),
    /** ln rho. */
    LN_RHO("lnRho", Fig3Row::lnRho, "predicted asymptotic mean-square rate ln rho"),
    /** (7). */
    CONDITION7("condition7", r -> r.run().condition7(), "whether (7) holds at eta"),
    /** (8). */
    CONDITION8("condition8", r -> r.run().condition8(), "whether (8) holds at eta"),
    /** Exact early rate. */
    EXACT_EARLY_RATE("exactEarlyRate", r -> r.run().exactEarlyRate(),
            "predicted: least-squares slope of ln E||w_k - w*||^2 over k = 0..E, exact, from the perturbed start"),
    /** Observed early rate. */
    OBSERVED_EARLY_RATE("observedEarlyRate", r -> r.run().observedEarlyRate(),
            "observed: the same slope of the network's mean separation s_k (runs from w* + delta and w*, same "
                    + "batches)"),
    /** Ratio. */
    EARLY_RATIO("earlyRatio", Fig3Row::earlyRatio, "observedEarlyRate / exactEarlyRate"),
    /** Ratio to ln rho. */
    LN_RHO_RATIO("lnRhoRatio", Fig3Row::lnRhoRatio, "observedEarlyRate / lnRho"),
    /** Linearised rate. */
    LINEAR_RATE("linearRate", r -> r.run().linearRate(),
            "predicted: 2 x top Lyapunov exponent of the linearised update (3), K steps, same start"),
    /** Observed rate. */
    OBSERVED_RATE("observedRate", r -> r.run().observedRate(), "observed: mean over repeats of ln(s_K / s_0) / K"),
    /** Ratio. */
    RATE_RATIO("rateRatio", Fig3Row::rateRatio, "observedRate / linearRate"),
    /** Linearised verdicts. */
    LINEAR_DIVERGED("linearDiverged", r -> (long) r.run().linearDiverged(),
            "linearised runs with ||w_K|| / ||w_0|| >= divergenceRatio"),
    /** Network verdicts from the perturbed start. */
    DIVERGED_PERTURBED("divergedPerturbed", r -> (long) r.run().divergedPerturbed(),
            "network runs from w* + delta with ||w_K - w*|| / ||delta|| >= divergenceRatio"),
    /** Network verdicts from w*. */
    DIVERGED_FROM_OPTIMUM("divergedFromOptimum", r -> (long) r.run().divergedFromOptimum(),
            "network runs from w* with ||w_K - w*|| / perturbation >= divergenceRatio"),
    /** Median log ratio. */
    LOG10_RATIO_FROM_OPTIMUM("log10RatioFromOptimum", r -> r.run().log10RatioFromOptimum(),
            "median over runs from w* of log10(||w_K - w*|| / perturbation)"),
    /** Forget loss before. */
    FORGET_LOSS_BEFORE("forgetLossBefore", r -> r.cell().forgetLossBefore(), "mean forget loss at w*"),
    /** Forget loss after. */
    FORGET_LOSS_AFTER("forgetLossAfter", r -> r.run().forgetLossAfter(),
            "mean forget loss after K steps of update (2) from w*, mean over repeats"),
    /** Increase. */
    FORGET_LOSS_INCREASE("forgetLossIncrease", Fig3Row::forgetLossIncrease, "forgetLossAfter - forgetLossBefore"),
    /** Retain loss after. */
    RETAIN_LOSS_AFTER("retainLossAfter", r -> r.run().retainLossAfter(), "mean retain loss after unlearning"),
    /** Test accuracy after. */
    TEST_ACCURACY_AFTER("testAccuracyAfter", r -> r.run().testAccuracyAfter(), "test accuracy after unlearning"),
    /** AUC before. */
    MIA_AUC_BEFORE("miaAucBefore", r -> r.cell().miaAucBefore(),
            "loss-threshold membership-inference AUC at w* (forget vs test; 0.5 = no leak)"),
    /** AUC after. */
    MIA_AUC_AFTER("miaAucAfter", r -> r.run().miaAucAfter(), "the same after unlearning, mean over repeats"),
    /** AUC drop. */
    MIA_AUC_DROP("miaAucDrop", Fig3Row::miaAucDrop, "miaAucBefore - miaAucAfter"),
    /** Retrain forget loss. */
    RETRAIN_FORGET_LOSS("retrainForgetLoss", r -> r.cell().retrain().forgetLoss(),
            "forget loss of the model retrained from w_0 on the retain set"),
    /** Retrain accuracy. */
    RETRAIN_TEST_ACCURACY("retrainTestAccuracy", r -> r.cell().retrain().testAccuracy(),
            "test accuracy of the retrained model"),
    /** Retrain AUC. */
    RETRAIN_MIA_AUC("retrainMiaAuc", r -> r.cell().retrain().miaAuc(),
            "membership-inference AUC of the retrained model");

    private final Definition<Fig3Row> definition;

    Fig3Column(String key, Function<Fig3Row, @Nullable Object> value, String doc) {
        this.definition = Definition.finite(key, value, doc);
    }

    @Override
    public Definition<Fig3Row> definition() {
        return definition;
    }
}
