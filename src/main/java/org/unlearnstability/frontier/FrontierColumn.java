package org.unlearnstability.frontier;

import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.report.Column;

/**
 * The columns of frontier.csv and the keys of each cell object in frontier.json, declared once: the
 * CSV header, the JSON keys and the table of specs/frontier.md all come from this list.
 */
public enum FrontierColumn implements Column<FrontierCell> {
    /** alpha. */
    ALPHA("alpha", "forget weight alpha of update (2)", c -> c.alpha()),
    /** B. */
    BATCH("batch", "batch size B (Bernoulli batches, mean size B)", c -> (long) c.batch()),
    /** etaStar. */
    ETA_STAR("etaStar", "exact critical learning rate sup{eta : rho(T) < 1}; 0: unstable for every eta",
            c -> c.etaStar()),
    /** eta7. */
    ETA7("eta7", "Theorem 2.2: (7) holds, divergence claimed, iff eta >= eta7", c -> c.eta7()),
    /** eta8. */
    ETA8("eta8", "Theorem 2.3: (8) holds, convergence claimed, iff eta <= eta8", c -> c.eta8()),
    /** etaCoherenceFree. */
    ETA_COHERENCE_FREE("etaCoherenceFree",
            "sqrt(2) / ((sqrt(C~_r) + sqrt(C~_f)) max_rf lambda_max(D_rf)), C~ = C / eta^2", c -> c.etaCoherenceFree()),
    /** eta7 / etaStar. */
    ETA7_OVER_ETA_STAR("eta7OverEtaStar", "eta7 / etaStar; below 1 (7) is on the wrong side (NaN when etaStar = 0)",
            c -> c.eta7OverEtaStar()),
    /** sigma. */
    SIGMA("sigma", "unlearning coherence sigma (Definition 4) at (alpha, B)", c -> c.sigma()),
    /** Lower end of sigma's bracket. */
    SIGMA_LOWER("sigmaLower", "lower end of the certified bracket of sigma (relative width --sigma-width)",
            c -> c.sigmaLower()),
    /** Upper end of sigma's bracket. */
    SIGMA_UPPER("sigmaUpper", "upper end of the certified bracket of sigma", c -> c.sigmaUpper()),
    /** lambda_max(D). */
    LAMBDA_MAX_D("lambdaMaxD", "lambda_max(D), D = C_r' H_R + C_f' H_F (eq. (5))", c -> c.lambdaMaxD()),
    /** rho at eta. */
    RHO("rho", "spectral radius rho(T) at the given --eta (NaN without --eta)", c -> c.rho()),
    /** lambda_min(A). */
    LAMBDA_MIN_A("lambdaMinA", "smallest eigenvalue of A = (1 - alpha) H_R - alpha H_F", c -> c.lambdaMinA()),
    /** Negative eigenvalues of A. */
    NEGATIVE_COUNT_A("negativeCountA", "number of negative eigenvalues of A: directions the mean step expands",
            c -> (long) c.negativeCountA()),
    /** etaStar &gt; 0. */
    STABLE("stable", "whether some eta > 0 makes E||w_k||^2 converge (etaStar > 0)", c -> c.stable());

    private final Definition<FrontierCell> definition;

    FrontierColumn(String key, String doc, Function<FrontierCell, @Nullable Object> value) {
        this.definition = Definition.of(key, value, doc);
    }

    @Override
    public Definition<FrontierCell> definition() {
        return definition;
    }
}
