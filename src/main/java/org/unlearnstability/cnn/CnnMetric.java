package org.unlearnstability.cnn;

/**
 * The per-repeat quantities of the memorisation-versus-forgetting experiment (section 3.2,
 * Figure 2), with the JSON/CSV key of each. Coherence keys are those of {@code analyze}.
 */
public enum CnnMetric {
    /** Mean training loss after training (Figure 2, left). */
    TRAIN_LOSS("trainLoss"),
    /** Training error (y f &lt;= 0) after training. */
    TRAIN_ERROR("trainError"),
    /** Test error on fresh samples after training (Figure 2, middle). */
    TEST_ERROR("testError"),
    /** Mean forget-set loss before unlearning. */
    FORGET_LOSS_BEFORE("forgetLossBefore"),
    /** Mean forget-set loss after unlearning (Figure 2, right). */
    FORGET_LOSS_AFTER("forgetLossAfter"),
    /** forgetLossAfter - forgetLossBefore. */
    FORGET_LOSS_INCREASE("forgetLossIncrease"),
    /** Mean retain-set loss after unlearning. */
    RETAIN_LOSS_AFTER("retainLossAfter"),
    /** Retain-set error after unlearning. */
    RETAIN_ERROR_AFTER("retainErrorAfter"),
    /** Test error after unlearning (same fresh samples as testError). */
    TEST_ERROR_AFTER("testErrorAfter"),
    /** Forget loss of the model retrained from W0 on the retain set only (gold standard). */
    RETRAIN_FORGET_LOSS("retrainForgetLoss"),
    /** forgetLossAfter - retrainForgetLoss: negative means unlearning fell short of retraining. */
    RETRAIN_GAP("retrainGap"),
    /** Loss-threshold membership-inference AUC, forget vs fresh samples, before unlearning. */
    MIA_AUC_BEFORE("miaAucBefore"),
    /** The same after unlearning. */
    MIA_AUC_AFTER("miaAucAfter"),
    /** Unlearning coherence sigma (Definition 4) at the trained solution. */
    SIGMA("sigma"),
    /** Single-set coherence (Definition 1) of the retain set. */
    SIGMA_SINGLE_RETAIN("sigmaSingleRetain"),
    /** Single-set coherence (Definition 1) of the forget set. */
    SIGMA_SINGLE_FORGET("sigmaSingleForget"),
    /** lambda_max of the mix-coherence matrix S (Definition 3). */
    LAMBDA_MAX_S("lambdaMaxS"),
    /** max over pairs of lambda_max(D_rf) (Definition 2). */
    MAX_LAMBDA_MAX_DRF("maxLambdaMaxDrf"),
    /** lambda_max of the mix-Hessian D, eq. (5). */
    LAMBDA_MAX_D("lambdaMaxD"),
    /** Right-hand side of (7) at the unlearning hyper-parameters. */
    THRESHOLD7("threshold7"),
    /** Right-hand side of (8) at the unlearning hyper-parameters. */
    THRESHOLD8("threshold8"),
    /** Whether divergence condition (7) holds (mean = fraction of repeats). */
    CONDITION7("condition7"),
    /** Whether convergence condition (8) holds (mean = fraction of repeats). */
    CONDITION8("condition8"),
    /** lambdaMaxS over the bound expression of (10). */
    BOUND10_RATIO("lambdaMaxSOverBound10"),
    /** maxLambdaMaxDrf over the bound expression of (11). */
    BOUND11_RATIO("maxLambdaMaxDrfOverBound11"),
    /** sigma / (n_r n_f), comparable with the limits (12). */
    SIGMA_OVER_PAIRS("sigmaOverPairs"),
    /** SNR = ||mu|| / (sigma sqrt(d)). */
    SNR("snr"),
    /** (7) with sigma at its floor: etaStar &lt;= etaCoherenceFree &lt;= eta7 (proof of Theorem 2.2). */
    ETA_COHERENCE_FREE("etaCoherenceFree"),
    /** The learning rate from which (7) holds. */
    ETA7("eta7"),
    /** rho(T) of the linearised mean square at the unlearning hyper-parameters (exact, dynamics package). */
    RHO("rho"),
    /** The exact critical learning rate at the unlearning (alpha, B): rho(T) &lt; 1 iff eta &lt; etaStar. */
    ETA_STAR("etaStar"),
    /** lambda_min of the drift A = (1-alpha) H_R - alpha H_F at the trained solution. */
    LAMBDA_MIN_A("lambdaMinA"),
    /** Negative eigenvalues of A: directions in which the mean step J = I - eta A expands, at every eta. */
    NEGATIVE_COUNT_A("negativeCountA");

    private final String key;

    CnnMetric(String key) {
        this.key = key;
    }

    /** @return the JSON/CSV key */
    public String key() {
        return key;
    }

    /**
     * @return whether the metric is the exact linearised dynamics at the trained solution (rho, etaStar and the
     *     inertia of A), computed on the first {@link CnnRepeat#DYNAMICS_REPEATS} repeats of a cell only: one
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
