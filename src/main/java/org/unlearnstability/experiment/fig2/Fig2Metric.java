package org.unlearnstability.experiment.fig2;

import org.unlearnstability.report.Keyed;

/**
 * The per-repeat quantities of the memorisation-versus-forgetting experiment (section 3.2, Figure 2), declared once:
 * the JSON/CSV key (fig2.csv has the columns key + "Mean" and key + "Std"), the value is the repeat's entry at the
 * metric's ordinal ({@link CellSummary#mean}, {@link CellSummary#std}), and one line of documentation. Coherence
 * keys are those of {@code analyze}.
 */
public enum Fig2Metric implements Keyed {
    /** Mean training loss after training (Figure 2, left). */
    TRAIN_LOSS("trainLoss",
            "Mean training loss after training (Figure 2, left)."),
    /** Training error (y f &lt;= 0) after training. */
    TRAIN_ERROR("trainError",
            "Training error (y f <= 0) after training."),
    /** Test error on fresh samples after training (Figure 2, middle). */
    TEST_ERROR("testError",
            "Test error on fresh samples after training (Figure 2, middle)."),
    /** Mean forget-set loss before unlearning. */
    FORGET_LOSS_BEFORE("forgetLossBefore",
            "Mean forget-set loss before unlearning."),
    /** Mean forget-set loss after unlearning (Figure 2, right). */
    FORGET_LOSS_AFTER("forgetLossAfter",
            "Mean forget-set loss after unlearning (Figure 2, right)."),
    /** forgetLossAfter - forgetLossBefore. */
    FORGET_LOSS_INCREASE("forgetLossIncrease",
            "forgetLossAfter - forgetLossBefore."),
    /** Mean retain-set loss after unlearning. */
    RETAIN_LOSS_AFTER("retainLossAfter",
            "Mean retain-set loss after unlearning."),
    /** Retain-set error after unlearning. */
    RETAIN_ERROR_AFTER("retainErrorAfter",
            "Retain-set error after unlearning."),
    /** Test error after unlearning (same fresh samples as testError). */
    TEST_ERROR_AFTER("testErrorAfter",
            "Test error after unlearning (same fresh samples as testError)."),
    /** Forget loss of the model retrained from W0 on the retain set only (gold standard). */
    RETRAIN_FORGET_LOSS("retrainForgetLoss",
            "Forget loss of the model retrained from W0 on the retain set only (gold standard)."),
    /** forgetLossAfter - retrainForgetLoss: negative means unlearning fell short of retraining. */
    RETRAIN_GAP("retrainGap",
            "forgetLossAfter - retrainForgetLoss: negative means unlearning fell short of retraining."),
    /** Loss-threshold membership-inference AUC, forget vs fresh samples, before unlearning. */
    MIA_AUC_BEFORE("miaAucBefore",
            "Loss-threshold membership-inference AUC, forget vs fresh samples, before unlearning."),
    /** The same after unlearning. */
    MIA_AUC_AFTER("miaAucAfter",
            "The same after unlearning."),
    /** Unlearning coherence sigma (Definition 4) at the trained solution. */
    SIGMA("sigma",
            "Unlearning coherence sigma (Definition 4) at the trained solution."),
    /** Single-set coherence (Definition 1) of the retain set. */
    SIGMA_SINGLE_RETAIN("sigmaSingleRetain",
            "Single-set coherence (Definition 1) of the retain set."),
    /** Single-set coherence (Definition 1) of the forget set. */
    SIGMA_SINGLE_FORGET("sigmaSingleForget",
            "Single-set coherence (Definition 1) of the forget set."),
    /** lambda_max of the mix-coherence matrix S (Definition 3). */
    LAMBDA_MAX_S("lambdaMaxS",
            "lambda_max of the mix-coherence matrix S (Definition 3)."),
    /** max over pairs of lambda_max(D_rf) (Definition 2). */
    MAX_LAMBDA_MAX_DRF("maxLambdaMaxDrf",
            "max over pairs of lambda_max(D_rf) (Definition 2)."),
    /** lambda_max of the mix-Hessian D, eq. (5). */
    LAMBDA_MAX_D("lambdaMaxD",
            "lambda_max of the mix-Hessian D, eq. (5)."),
    /** Right-hand side of (7) at the unlearning hyper-parameters. */
    THRESHOLD7("threshold7",
            "Right-hand side of (7) at the unlearning hyper-parameters."),
    /** Right-hand side of (8) at the unlearning hyper-parameters. */
    THRESHOLD8("threshold8",
            "Right-hand side of (8) at the unlearning hyper-parameters."),
    /** Whether divergence condition (7) holds (mean = fraction of repeats). */
    CONDITION7("condition7",
            "Whether divergence condition (7) holds (mean = fraction of repeats)."),
    /** Whether convergence condition (8) holds (mean = fraction of repeats). */
    CONDITION8("condition8",
            "Whether convergence condition (8) holds (mean = fraction of repeats)."),
    /** lambdaMaxS over the bound expression of (10). */
    BOUND10_RATIO("lambdaMaxSOverBound10",
            "lambdaMaxS over the bound expression of (10)."),
    /** maxLambdaMaxDrf over the bound expression of (11). */
    BOUND11_RATIO("maxLambdaMaxDrfOverBound11",
            "maxLambdaMaxDrf over the bound expression of (11)."),
    /** sigma / (n_r n_f), comparable with the limits (12). */
    SIGMA_OVER_PAIRS("sigmaOverPairs",
            "sigma / (n_r n_f), comparable with the limits (12)."),
    /** SNR = ||mu|| / (sigma sqrt(d)). */
    SNR("snr",
            "SNR = ||mu|| / (sigma sqrt(d))."),
    /** (7) with sigma at its floor: etaStar &lt;= etaCoherenceFree &lt;= eta7 (proof of Theorem 2.2). */
    ETA_COHERENCE_FREE("etaCoherenceFree",
            "(7) with sigma at its floor: etaStar <= etaCoherenceFree <= eta7 (proof of Theorem 2.2)."),
    /** The learning rate from which (7) holds. */
    ETA7("eta7",
            "The learning rate from which (7) holds."),
    /** rho(T) of the linearised mean square at the unlearning hyper-parameters (exact, dynamics package). */
    RHO("rho",
            "rho(T) of the linearised mean square at the unlearning hyper-parameters (exact, dynamics package)."),
    /** The exact critical learning rate at the unlearning (alpha, B): rho(T) &lt; 1 iff eta &lt; etaStar. */
    ETA_STAR("etaStar",
            "The exact critical learning rate at the unlearning (alpha, B): rho(T) < 1 iff eta < etaStar."),
    /** lambda_min of the drift A = (1-alpha) H_R - alpha H_F at the trained solution. */
    LAMBDA_MIN_A("lambdaMinA",
            "lambda_min of the drift A = (1-alpha) H_R - alpha H_F at the trained solution."),
    /** Negative eigenvalues of A: directions in which the mean step J = I - eta A expands, at every eta. */
    NEGATIVE_COUNT_A("negativeCountA",
            "Negative eigenvalues of A: directions in which the mean step J = I - eta A expands, at every eta.");

    private final Entry entry;

    Fig2Metric(String key, String doc) {
        this.entry = new Entry(key, doc);
    }

    @Override
    public Entry entry() {
        return entry;
    }

    /**
     * @return whether the metric is the exact linearised dynamics at the trained solution (rho, etaStar and the
     *     inertia of A), computed on the first {@link Fig2Repeat#DYNAMICS_REPEATS} repeats of a cell only: one
     *     spectral radius of T on Sym(n) costs about 80 ms, thirty times the rest of a repeat
     */
    public boolean sampled() {
        return compareTo(RHO) >= 0;
    }

    /** @return whether the metric comes from the coherence core (skipped when coherence is off) */
    public boolean coherence() {
        return compareTo(SIGMA) >= 0 && this != SNR;
    }
}
