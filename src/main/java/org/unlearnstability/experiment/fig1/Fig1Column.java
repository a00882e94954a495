package org.unlearnstability.experiment.fig1;

import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.report.Column;

/**
 * The columns of fig1.csv and fig1.json, declared once: key, value and one line of documentation (the legend of
 * fig1.md). One row is a (Q, B) cell at one learning rate under one sampler ({@link Fig1Row}). Non-finite numbers
 * are written as they are (eta7 is infinite at B = n), so the golden file pins them too.
 */
public enum Fig1Column implements Column<Fig1Row> {
    /** Q. */
    Q("Q", r -> r.cell().q(), "samples of each set on the shared direction e_1 (section 3.1)"),
    /** B. */
    B("B", r -> r.cell().batch(), "batch size B of both sets"),
    /** d. */
    D("d", r -> r.cell().dimension(), "dimension d = n - Q + 1"),
    /** eta. */
    ETA("eta", r -> r.run().eta(), "learning rate eta of the panel"),
    /** Sampler. */
    SAMPLER("sampler", r -> r.run().sampler(), "batch sampler: bernoulli (the paper's) or without-replacement"),
    /** sigma. */
    SIGMA("sigma", r -> r.cell().sigma(), "unlearning coherence sigma (Definition 4)"),
    /** lambda_max(D). */
    LAMBDA_MAX_D("lambdaMaxD", r -> r.cell().lambdaMaxD(), "lambda_max of the mix-Hessian D, eq. (5)"),
    /** C_r'. */
    C_R_PRIME("cRPrime", r -> r.cell().cRPrime(), "C_r' of Theorem 2.3"),
    /** eta7. */
    ETA7("eta7", r -> r.cell().eta7(), "smallest eta at which divergence condition (7) holds (infinite at B = n)"),
    /** eta8. */
    ETA8("eta8", r -> r.cell().eta8(), "largest eta at which convergence condition (8) holds"),
    /** etaCoherenceFree. */
    ETA_COHERENCE_FREE("etaCoherenceFree", r -> r.cell().etaCoherenceFree(),
            "(7) with sigma at its floor: etaStar <= etaCoherenceFree <= eta7"),
    /** (7). */
    COND7("cond7", r -> r.run().cond7(), "whether (7) holds at eta (Theorem 2.2 predicts divergence)"),
    /** (8). */
    COND8("cond8", r -> r.run().cond8(), "whether (8) holds at eta (Theorem 2.3 as Figure 1 reads it: convergence)"),
    /** rho. */
    RHO("rho", r -> r.run().rho(), "exact growth factor of E||w_k||^2 per step, rho(T)"),
    /** etaStar. */
    ETA_STAR("etaStar", r -> r.run().etaStar(), "exact critical learning rate: rho < 1 iff eta < etaStar"),
    /** Mean-square verdict. */
    MS_VERDICT("msVerdict", r -> r.msVerdict().id(), "exact mean-square verdict: diverge iff rho > 1"),
    /** log10 E||w_K||^2. */
    LOG10_MEAN_SQUARE("log10MeanSquare", r -> r.run().log10MeanSquare(),
            "exact log10(E||w_K||^2 / E||w_0||^2) after K steps"),
    /** Repeats. */
    REPEATS("repeats", r -> r.run().repeats(), "Monte Carlo runs"),
    /** Diverged runs. */
    MC_DIVERGED("mcDiverged", r -> r.run().diverged(), "runs with ||w_K|| / ||w_0|| >= divergenceRatio"),
    /** Monte Carlo verdict. */
    MC_VERDICT("mcVerdict", r -> r.mcVerdict().id(), "the paper's protocol: majority of the runs (tie at half)"),
    /** Median log ratio. */
    LOG10_RATIO_MEDIAN("log10RatioMedian", r -> r.run().log10RatioMedian(),
            "median over runs of log10(||w_K|| / ||w_0||)"),
    /** Lyapunov exponent. */
    LYAPUNOV("lyapunov", r -> r.run().lyapunov(), "exact top Lyapunov exponent max_c E log|J_cc| (almost-sure rate)"),
    /** Its estimate. */
    LYAPUNOV_ESTIMATE("lyapunovEstimate", r -> r.run().lyapunovEstimate(),
            "mean over runs of ln(||w_K|| / ||w_0||) / K"),
    /** Its standard error. */
    LYAPUNOV_STD_ERR("lyapunovStdErr", r -> r.run().lyapunovStdErr(),
            "standard error of lyapunovEstimate over the runs (sd / sqrt(repeats))"),
    /** Almost-sure verdict. */
    AS_VERDICT("asVerdict", r -> r.asVerdict().id(),
            "almost-sure verdict: diverge when lyapunov > ln(ratio)/K, slow-diverge when 0 < lyapunov <= ln(ratio)/K");

    private final Definition<Fig1Row> definition;

    Fig1Column(String key, Function<Fig1Row, @Nullable Object> value, String doc) {
        this.definition = Definition.of(key, value, doc);
    }

    @Override
    public Definition<Fig1Row> definition() {
        return definition;
    }
}
