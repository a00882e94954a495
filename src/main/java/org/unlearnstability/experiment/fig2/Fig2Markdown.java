package org.unlearnstability.experiment.fig2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hipparchus.util.FastMath;
import org.unlearnstability.cnn.CnnProtocol;
import org.unlearnstability.cnn.RankCorrelation;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.report.Keyed;

/**
 * fig2.md: what the Figure 2 sweep shows, in numbers, against the claims of section 3.2 ("the
 * memorisation region coincides with high forget loss", "training loss &lt;= 0.1") and of Theorem 2.4
 * (bounds (10)-(11), coherence rising with SNR).
 */
final class Fig2Markdown {
    private static final double CROSSING = 0.25;
    /** Numbers below this magnitude (and not zero) print in %.3g, as report.ProseNumber does. */
    private static final double SCIENTIFIC_BELOW = 1e-3;
    /**
     * Numbers from this magnitude on print in %.3g: one decade later than report.ProseNumber, the Figure 2
     * report's own choice (kept so that fig2.md stays as it was).
     */
    private static final double SCIENTIFIC_FROM = 1e5;
    private static final String LEGEND_HEAD = """
            ## Columns of fig2.csv and fig2.json

            A row is a cell (d, ||mu||): `d`, `mu`, `repeats`, then for every metric below its mean over the repeats \
            (key + `Mean`) and their standard deviation (key + `Std`); an undefined number is empty (null in JSON).

            """;

    private Fig2Markdown() {
    }

    static String of(Fig2Result result, Fig2Findings f) {
        Fig2Spec spec = result.spec();
        CnnProtocol p = spec.protocol();
        StringBuilder md = new StringBuilder();
        md.append("# Figure 2: memorisation versus forgetting (section 3.2, Theorem 2.4)\n\n");
        md.append(String.format(Locale.ROOT, "Grid: d in %s, ||mu|| in %s, %d repeats per cell, seed %d. "
                + "Protocol: n = %d (forget = first %d), m = %d, sigma = %s, sigma0 = %s, %d full-batch steps at "
                + "lr %s, %d fresh test samples; unlearning %d steps of update (2), lr %s, alpha %s, B = %d.%n%n",
                spec.dimensions(), spec.signalNorms(), spec.repeats(), spec.seed(), p.trainSamples(),
                p.forgetSamples(), p.filters(), fmt(p.noiseSigma()), fmt(p.initSigma()), p.epochs(),
                fmt(p.learningRate()), p.testSamples(), p.unlearning().steps(), fmt(p.unlearning().learningRate()),
                fmt(p.unlearning().alpha()), p.unlearning().batch()));
        training(md, f);
        region(md, result, f);
        overlap(md, f);
        beyond(md, f);
        if (spec.coherence()) {
            theorem24(md, result, f);
            mechanism(md, result, f);
        }
        sensitivity(md, result);
        tables(md, result);
        return md.append(LEGEND_HEAD).append(Keyed.legendList(List.of(Fig2Metric.values()))).toString();
    }

    private static void training(StringBuilder md, Fig2Findings f) {
        md.append(String.format(Locale.ROOT, """
                ## Does training reach loss 0.1?

                %d of %d cells reach a mean training loss <= 0.1 after the protocol's steps; the largest cell mean \
                is %s. The largest mean training error is %s.

                """, f.training().lowLossCells(), f.training().cells(), fmt(f.training().maxMeanTrainLoss()),
                fmt(f.training().maxMeanTrainError())));
    }

    private static void region(StringBuilder md, Fig2Result result, Fig2Findings f) {
        List<CellSummary> memorisation = f.regions().memorisation();
        md.append(String.format(Locale.ROOT, """
                ## Where is the memorisation region?

                A cell memorises when its mean training loss is <= %s and its mean test error >= %s; it generalises \
                when its test error is <= %s. Memorisation cells: %d; generalising cells: %d.

                Memorisation cells (d: ||mu|| values):\s""", fmt(Fig2Findings.LOW_TRAIN_LOSS),
                fmt(Fig2Findings.HIGH_TEST_ERROR), fmt(Fig2Findings.LOW_TEST_ERROR), memorisation.size(),
                f.regions().generalisation().size()));
        md.append(memorisation.isEmpty() ? "none" : memorisation.stream()
                .collect(Collectors.groupingBy(CellSummary::d, TreeMap::new,
                        Collectors.mapping(c -> fmt(c.muNorm()), Collectors.joining(", "))))
                .entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        md.append(".\n\nThe transition: per d, the ||mu|| at which the mean test error falls through ")
                .append(fmt(CROSSING)).append(" (log-linear interpolation on the grid), beside (d sigma^4 / n)^(1/4), ")
                .append("the scale at which Kou et al. (2023) place the benign/harmful overfitting boundary "
                        + "(n ||mu||^4 ~ d sigma^4).\n\n");
        md.append("| d | ||mu|| at test error ").append(fmt(CROSSING)).append(" | (d sigma^4/n)^(1/4) | ratio |\n")
                .append("|---|---|---|---|\n");
        Fig2Spec spec = result.spec();
        CnnProtocol p = spec.protocol();
        for (int di = 0; di < spec.dimensions().size(); di++) {
            int d = spec.dimensions().get(di);
            double crossing = crossing(result, di);
            double scale = FastMath.pow(d * FastMath.pow(p.noiseSigma(), 4) / p.trainSamples(), 0.25);
            md.append("| ").append(d).append(" | ").append(fmt(crossing)).append(" | ").append(fmt(scale))
                    .append(" | ").append(fmt(crossing / scale)).append(" |\n");
        }
        md.append('\n');
    }

    /** The interpolated ||mu|| where the test error of row dIndex first drops below CROSSING, or NaN. */
    static double crossing(Fig2Result result, int dIndex) {
        return crossing(result, dIndex, Fig2Metric.TEST_ERROR, CROSSING);
    }

    /**
     * @return the ||mu|| (log-linear interpolation) where the metric's cell mean in row dIndex first
     *     falls through the level as ||mu|| grows, or NaN if it does not on the grid
     */
    static double crossing(Fig2Result result, int dIndex, Fig2Metric metric, double level) {
        List<Double> mus = result.spec().signalNorms();
        List<double[]> points = new ArrayList<>();
        for (int mi = 0; mi < mus.size(); mi++) {
            points.add(new double[] {mus.get(mi), result.cell(dIndex, mi).mean(metric)});
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i + 1 < points.size(); i++) {
            double[] a = points.get(i);
            double[] b = points.get(i + 1);
            if (a[1] >= level && b[1] < level) {
                double t = (a[1] - level) / (a[1] - b[1]);
                return a[0] > 0 ? FastMath.exp(FastMath.log(a[0]) + t * (FastMath.log(b[0]) - FastMath.log(a[0])))
                        : a[0] + t * (b[0] - a[0]);
            }
        }
        return Double.NaN;
    }

    private static void overlap(StringBuilder md, Fig2Findings f) {
        Fig2Findings.Spearman rho = f.coherence().spearman();
        Fig2Findings.RegionMeans after = f.regions().mean(Fig2Metric.FORGET_LOSS_AFTER);
        Fig2Findings.RegionMeans before = f.regions().mean(Fig2Metric.FORGET_LOSS_BEFORE);
        Fig2Findings.RegionMeans increase = f.regions().mean(Fig2Metric.FORGET_LOSS_INCREASE);
        Fig2Findings.RegionMeans retain = f.regions().mean(Fig2Metric.RETAIN_LOSS_AFTER);
        Fig2Findings.RegionMeans afterCi = f.regions().halfWidth(Fig2Metric.FORGET_LOSS_AFTER);
        Fig2Findings.RegionMeans increaseCi = f.regions().halfWidth(Fig2Metric.FORGET_LOSS_INCREASE);
        Fig2Findings.Interval jAfter = f.overlap().topForgetLossAfter();
        Fig2Findings.Interval jIncrease = f.overlap().topForgetLossIncrease();
        md.append(String.format(Locale.ROOT, """
                ## Does the memorisation region coincide with high forget loss?

                Forget loss after unlearning: %s in the memorisation region vs %s in generalising cells (before \
                unlearning: %s vs %s; increase: %s vs %s). Over all cells, Spearman rho(forget loss after, test \
                error) = %s (%s), rho(forget-loss increase, test error) = %s (%s). The memorisation region and the \
                same number of cells of highest forget loss overlap with Jaccard index %s, 95 %% interval [%s, %s] \
                (highest increase: %s [%s, %s]); the intervals carry each cell's repeat-to-repeat spread \
                (parametric bootstrap of the cell means, %d draws).

                """, fmt(after.memorisation()), fmt(after.generalisation()), fmt(before.memorisation()),
                fmt(before.generalisation()), fmt(increase.memorisation()), fmt(increase.generalisation()),
                fmt(rho.forgetLossAfterVsTestError()), strength(rho.forgetLossAfterVsTestError()),
                fmt(rho.forgetLossIncreaseVsTestError()), strength(rho.forgetLossIncreaseVsTestError()),
                fmt(jAfter.index()), fmt(jAfter.low()), fmt(jAfter.high()), fmt(jIncrease.index()),
                fmt(jIncrease.low()), fmt(jIncrease.high()), Fig2Findings.BOOTSTRAP_DRAWS));
        md.append(String.format(Locale.ROOT, """
                With the repeat-to-repeat spread of each cell carried through (95 %% intervals, cells independent): \
                forget loss after %s +- %s in the memorisation region vs %s +- %s in generalising cells; increase \
                %s +- %s vs %s +- %s. Retain loss after unlearning: %s vs %s.

                """, fmt(after.memorisation()), fmt(afterCi.memorisation()), fmt(after.generalisation()),
                fmt(afterCi.generalisation()), fmt(increase.memorisation()), fmt(increaseCi.memorisation()),
                fmt(increase.generalisation()), fmt(increaseCi.generalisation()), fmt(retain.memorisation()),
                fmt(retain.generalisation())));
        Fig2Findings.Overlap loose = f.interpolating();
        md.append(String.format(Locale.ROOT, """
                With the looser reading of "low training loss" (training error <= %s: the training set is \
                interpolated), the memorisation region has %d cells, forget loss after %s and increase %s there, \
                and Jaccard indices %s [%s, %s] (forget loss after) and %s [%s, %s] (increase).

                Caveat: forget loss after unlearning also tracks how far training got, rho(forget loss after, \
                training loss) = %s; cells that never fit (small d, small ||mu||) have a high forget loss without \
                memorising, which is why the increase is reported too.

                """, fmt(Fig2Findings.INTERPOLATION_ERROR), loose.cells(), fmt(loose.forgetLossAfter()),
                fmt(loose.forgetLossIncrease()), fmt(loose.topForgetLossAfter().index()),
                fmt(loose.topForgetLossAfter().low()), fmt(loose.topForgetLossAfter().high()),
                fmt(loose.topForgetLossIncrease().index()), fmt(loose.topForgetLossIncrease().low()),
                fmt(loose.topForgetLossIncrease().high()), fmt(rho.forgetLossAfterVsTrainLoss())));
    }

    private static void beyond(StringBuilder md, Fig2Findings f) {
        Fig2Findings.RegionMeans retrain = f.regions().mean(Fig2Metric.RETRAIN_FORGET_LOSS);
        Fig2Findings.RegionMeans gap = f.regions().mean(Fig2Metric.RETRAIN_GAP);
        Fig2Findings.RegionMeans aucBefore = f.regions().mean(Fig2Metric.MIA_AUC_BEFORE);
        Fig2Findings.RegionMeans aucAfter = f.regions().mean(Fig2Metric.MIA_AUC_AFTER);
        Fig2Findings.RegionMeans testError = f.regions().mean(Fig2Metric.TEST_ERROR_AFTER);
        md.append(String.format(Locale.ROOT, """
                ## Beyond the paper: is it real forgetting?

                Gold standard (retrain from W0 on the retain set): forget loss %s in the memorisation region vs %s \
                in generalising cells; unlearning minus retraining (retrainGap) %s vs %s (negative: unlearning falls \
                short of retraining). Loss-threshold membership inference (AUC of forget vs fresh samples, 0.5 = no \
                leak): before %s -> after %s in the memorisation region, before %s -> after %s in generalising \
                cells. Test error after unlearning: %s vs %s.

                """, fmt(retrain.memorisation()), fmt(retrain.generalisation()), fmt(gap.memorisation()),
                fmt(gap.generalisation()), fmt(aucBefore.memorisation()), fmt(aucAfter.memorisation()),
                fmt(aucBefore.generalisation()), fmt(aucAfter.generalisation()), fmt(testError.memorisation()),
                fmt(testError.generalisation())));
    }

    private static void theorem24(StringBuilder md, Fig2Result result, Fig2Findings f) {
        CnnProtocol p = result.spec().protocol();
        NoiseConstants noise = NoiseConstants.of(p.unlearning().hyper(), p.retainSamples(), p.forgetSamples());
        double pairs = (double) p.retainSamples() * p.forgetSamples();
        double a = noise.cRPrime();
        double b = noise.cFPrime();
        Fig2Findings.Coherence c = f.coherence();
        Fig2Findings.Spearman rho = c.spearman();
        md.append(String.format(Locale.ROOT, """
                ## Theorem 2.4: coherence against SNR

                Per-sample Hessians at the trained solution are l''(y f) grad f grad f^T (rank one). Spearman \
                rho(sigma, SNR) = %s over all cells; sigma / (n_r n_f) averages %s in the lowest-SNR quarter of \
                cells and %s in the highest. So coherence %s with SNR. rho(sigma, test error) = %s, rho(sigma, \
                forget-loss increase) = %s.

                """, fmt(rho.sigmaVsSnr()), fmt(c.sigmaOverPairsLowestSnrQuarter()),
                fmt(c.sigmaOverPairsHighestSnrQuarter()), rho.sigmaVsSnr() > 0 ? "rises" : "does not rise",
                fmt(rho.sigmaVsTestError()), fmt(rho.sigmaVsForgetLossIncrease())));
        double[] sigmaPairs = Fig2Findings.column(result.cells(), Fig2Metric.SIGMA_OVER_PAIRS);
        Fig2Findings.Range s = c.range(Fig2Metric.LAMBDA_MAX_S);
        Fig2Findings.Range s10 = c.range(Fig2Metric.BOUND10_RATIO);
        Fig2Findings.Range drf = c.range(Fig2Metric.MAX_LAMBDA_MAX_DRF);
        Fig2Findings.Range drf11 = c.range(Fig2Metric.BOUND11_RATIO);
        md.append(String.format(Locale.ROOT, """
                Bounds (10)-(11) without their unknown constants (C_r' = %s, C_f' = %s). lambda_max(S) lies in \
                [%s, %s] over the grid and lambda_max(S) / (10) in [%s, %s] (rho with SNR %s, with d %s): (10) \
                grows linearly in d while lambda_max(S) barely moves. max lambda_max(D_rf) lies in [%s, %s] and its \
                ratio to (11) in [%s, %s] (rho with SNR %s, with d %s): at small SNR (11) = ||mu||^2 + 1 is about \
                1, while lambda_max(D_rf) also carries the noise-patch curvature (terms l''(y f) ||xi||^2 / m^2 per \
                active filter) that (11) leaves out. Both ratios stay bounded on this grid, which is all a finite \
                experiment can say about an O-bound with unknown constants. The limits (12) of the ratio of the two \
                bounds are n_r n_f = %s (SNR -> 0) and n_r n_f (1 + 2 sqrt(C_r' C_f') / (C_r' + C_f')) = %s \
                (SNR -> infinity); the measured sigma / (n_r n_f) stays between %s and %s.

                """, fmt(a), fmt(b), fmt(s.min()), fmt(s.max()), fmt(s10.min()), fmt(s10.max()),
                fmt(rho.bound10RatioVsSnr()), fmt(rho.bound10RatioVsD()), fmt(drf.min()), fmt(drf.max()),
                fmt(drf11.min()), fmt(drf11.max()), fmt(rho.bound11RatioVsSnr()), fmt(rho.bound11RatioVsD()),
                fmt(pairs), fmt(pairs * (1 + 2 * Math.sqrt(a * b) / (a + b))),
                fmt(Arrays.stream(sigmaPairs).min().orElse(Double.NaN)),
                fmt(Arrays.stream(sigmaPairs).max().orElse(Double.NaN))));
        Fig2Findings.Range d = c.range(Fig2Metric.LAMBDA_MAX_D);
        Fig2Findings.Range t7 = c.range(Fig2Metric.THRESHOLD7);
        Fig2Findings.Range t8 = c.range(Fig2Metric.THRESHOLD8);
        md.append(String.format(Locale.ROOT, """
                Theorems 2.2 / 2.3 at the unlearning hyper-parameters: lambda_max(D) lies in [%s, %s] while the \
                divergence threshold (7) lies in [%s, %s] and the convergence threshold (8) in [%s, %s]. The \
                divergence condition (7) holds in %s of all repeats and condition (8) in %s. Where (7) fails, \
                Theorem 2.2 gives no reason to expect the unlearning run to escape the trained solution; (8) \
                holding only says (Theorem 2.3) that some Hessian family with these statistics would converge. So \
                wherever (7) fails, the forget-loss increase seen in the memorisation region is not explained by the \
                divergence criterion.

                """, fmt(d.min()), fmt(d.max()), fmt(t7.min()), fmt(t7.max()), fmt(t8.min()), fmt(t8.max()),
                fmt(c.condition7Fraction()), fmt(c.condition8Fraction())));
    }

    /**
     * The linear mechanism at the trained solutions: with rank-one Hessians h_i h_i^T and linearly independent h_i,
     * A = G diag((1-alpha)/n_r, ..., -alpha/n_f, ...) G^T has exactly n_f negative eigenvalues (Sylvester), so
     * J = I - eta A expands along them at every eta and etaStar = 0.
     */
    private static void mechanism(StringBuilder md, Fig2Result result, Fig2Findings f) {
        CnnProtocol p = result.spec().protocol();
        md.append("## What drives the linearised unlearning dynamics at the trained solutions\n\n");
        md.append(String.format(Locale.ROOT, """
                At a trained solution every per-sample Hessian is rank one, H_i = h_i h_i^T. The drift of update (2) \
                is A = (1 - alpha) H_R - alpha H_F = G diag((1 - alpha)/n_r, ..., -alpha/n_f, ...) G^T with \
                G = [h_1 ... h_n]. When the h_i are linearly independent (n = %d samples in a space of dimension \
                2 m d), Sylvester's law of inertia gives A exactly n_r = %d positive and n_f = %d negative \
                eigenvalues. Along a negative direction u, J = I - eta A has u^T J u = 1 + eta |lambda| > 1, so \
                rho(T) >= <u u^T, T(u u^T)> >= (u^T J u)^2 > 1 for every eta > 0: etaStar = 0, and the linearised \
                mean square diverges at every learning rate in every cell. Measured at the trained solutions \
                (exact dynamics package, the first %d repeats of every cell): negativeCountA in %s, \
                lambda_min(A) in %s, etaStar in %s, rho(T) at the unlearning hyper-parameters \
                (eta = %s, alpha = %s, B = %d) in %s. \
                The escape is driven by the expanding mean step, strongest where lambda_min(A) is most negative, \
                not by criterion (7) or by sigma: (7) starts only at eta7 in %s (its coherence-free floor \
                etaCoherenceFree in %s), far above etaStar = 0.

                """, p.trainSamples(), p.retainSamples(), p.forgetSamples(), Fig2Repeat.DYNAMICS_REPEATS,
                range(f, Fig2Metric.NEGATIVE_COUNT_A), range(f, Fig2Metric.LAMBDA_MIN_A), range(f, Fig2Metric.ETA_STAR),
                fmt(p.unlearning().learningRate()), fmt(p.unlearning().alpha()), p.unlearning().batch(),
                range(f, Fig2Metric.RHO), range(f, Fig2Metric.ETA7), range(f, Fig2Metric.ETA_COHERENCE_FREE)));
        md.append(String.format(Locale.ROOT, """
                Sigma against ||mu|| below the transition (flatness test: at each d, the cells with mean test error \
                >= %s, at least %d of them; Spearman rho_s(sigma, ||mu||) flat when |rho_s| < 1.96 / sqrt(k - 1)): \
                %s of %s tested rows are flat, rho_s in [%s, %s]. A coherence that does not move while the forget \
                loss falls across the transition cannot be what drives the forgetting.

                """, fmt(Fig2Findings.HIGH_TEST_ERROR), Fig2Findings.FLATNESS_CELLS,
                fmt(f.flatness().flat()), fmt(f.flatness().tested()), fmt(f.flatness().spearman().min()),
                fmt(f.flatness().spearman().max())));
    }

    private static void sensitivity(StringBuilder md, Fig2Result result) {
        if (result.sensitivity().isEmpty()) {
            return;
        }
        Fig2Spec spec = result.spec();
        md.append("## Sensitivity to sigma0 (not given by the paper)\n\n");
        md.append("Per sigma0 and d, over the ||mu|| grid: training loss (min..max), the test-error crossing, "
                + "forget loss after unlearning and sigma / (n_r n_f) at the smallest and largest ||mu||, and the "
                + "memorisation-forgetting link as Spearman rho(forget loss after, test error) over the ||mu|| grid "
                + "(a link that holds only at the paper's unstated sigma0 is a finding about sigma0, not about "
                + "memorisation).\n\n");
        md.append("| sigma0 | d | train loss | ||mu|| at test error 0.25 | forget loss after (min mu / max mu) "
                + "| sigma/(n_r n_f) (min mu / max mu) | rho(forget loss after, test error) |\n"
                + "|---|---|---|---|---|---|---|\n");
        List<Fig2Result.SensitivityRun> runs = new ArrayList<>();
        for (int d : spec.sensitivity().dimensions()) {
            int di = spec.dimensions().indexOf(d);
            if (di >= 0) {
                List<CellSummary> row = new ArrayList<>();
                for (int mi = 0; mi < spec.signalNorms().size(); mi++) {
                    row.add(result.cell(di, mi));
                }
                runs.add(new Fig2Result.SensitivityRun(spec.protocol().initSigma(), row));
            }
        }
        int perD = spec.signalNorms().size();
        for (Fig2Result.SensitivityRun run : result.sensitivity()) {
            for (int k = 0; k * perD < run.cells().size(); k++) {
                runs.add(new Fig2Result.SensitivityRun(run.initSigma(), run.cells().subList(k * perD, (k + 1) * perD)));
            }
        }
        for (Fig2Result.SensitivityRun row : runs) {
            sensitivityRow(md, spec, row);
        }
        md.append('\n');
        sensitivityFinding(md, spec, runs);
    }

    /**
     * The numbers of one sensitivity row that the finding compares.
     *
     * @param crossing ||mu|| where the test error crosses 0.25
     * @param forgetAtLowMu forget loss after unlearning at the smallest ||mu||
     * @param link Spearman rho(forget loss after, test error) over the ||mu|| grid
     */
    private record SensitivityNumbers(double crossing, double forgetAtLowMu, double link) {
        static SensitivityNumbers of(Fig2Spec spec, Fig2Result.SensitivityRun row) {
            List<CellSummary> cells = row.cells();
            Fig2Result single = new Fig2Result(new Fig2Spec(spec.seed(), List.of(cells.get(0).d()),
                    spec.signalNorms(), spec.repeats(), spec.coherence(), spec.protocol(), spec.sensitivity()), cells,
                    List.of());
            return new SensitivityNumbers(Fig2Markdown.crossing(single, 0),
                    cells.get(argMin(spec.signalNorms())).mean(Fig2Metric.FORGET_LOSS_AFTER),
                    RankCorrelation.spearman(Fig2Findings.column(cells, Fig2Metric.FORGET_LOSS_AFTER),
                            Fig2Findings.column(cells, Fig2Metric.TEST_ERROR)));
        }
    }

    /** At the largest d of the sensitivity run, each other sigma0 against the paper's, in words. */
    private static void sensitivityFinding(StringBuilder md, Fig2Spec spec, List<Fig2Result.SensitivityRun> runs) {
        int d = spec.sensitivity().dimensions().stream().mapToInt(Integer::intValue).max().orElse(-1);
        double paperSigma0 = spec.protocol().initSigma();
        List<Fig2Result.SensitivityRun> atD = runs.stream().filter(r -> r.cells().get(0).d() == d).toList();
        Fig2Result.SensitivityRun paper = atD.stream().filter(r -> r.initSigma() == paperSigma0).findFirst()
                .orElse(null);
        if (paper == null) {
            return;
        }
        SensitivityNumbers base = SensitivityNumbers.of(spec, paper);
        for (Fig2Result.SensitivityRun run : atD) {
            if (run.initSigma() == paperSigma0) {
                continue;
            }
            SensitivityNumbers other = SensitivityNumbers.of(spec, run);
            double ratio = other.forgetAtLowMu() / base.forgetAtLowMu();
            String verdict = ratio < 0.5 || ratio > 2
                    ? "the low-SNR cells' forgetting depends on the initialisation scale, so the "
                            + "memorisation-forgetting link of Figure 2 is in part a finding about sigma0"
                    : "the memorisation-forgetting link does not depend on this change of sigma0";
            md.append(String.format(Locale.ROOT, """
                    **Finding (sigma0 = %s against the paper's protocol, sigma0 = %s, at d = %d):** the test-error \
                    crossing moves from ||mu|| = %s to %s, the forget loss after unlearning at the smallest ||mu|| \
                    goes from %s to %s (x %s) and rho(forget loss after, test error) from %s to %s: %s.

                    """, fmt(run.initSigma()), fmt(paperSigma0), d, fmt(base.crossing()), fmt(other.crossing()),
                    fmt(base.forgetAtLowMu()), fmt(other.forgetAtLowMu()), fmt(ratio), fmt(base.link()),
                    fmt(other.link()), verdict));
        }
    }

    private static void sensitivityRow(StringBuilder md, Fig2Spec spec, Fig2Result.SensitivityRun row) {
        List<CellSummary> cells = row.cells();
        double[] train = Fig2Findings.column(cells, Fig2Metric.TRAIN_LOSS);
        SensitivityNumbers numbers = SensitivityNumbers.of(spec, row);
        int hi = argMax(spec.signalNorms());
        md.append("| ").append(fmt(row.initSigma())).append(" | ").append(cells.get(0).d()).append(" | ")
                .append(fmt(Arrays.stream(train).min().orElse(Double.NaN))).append("..")
                .append(fmt(Arrays.stream(train).max().orElse(Double.NaN))).append(" | ")
                .append(fmt(numbers.crossing())).append(" | ")
                .append(fmt(numbers.forgetAtLowMu())).append(" / ")
                .append(fmt(cells.get(hi).mean(Fig2Metric.FORGET_LOSS_AFTER))).append(" | ")
                .append(fmt(cells.get(argMin(spec.signalNorms())).mean(Fig2Metric.SIGMA_OVER_PAIRS))).append(" / ")
                .append(fmt(cells.get(hi).mean(Fig2Metric.SIGMA_OVER_PAIRS))).append(" | ")
                .append(fmt(numbers.link())).append(" |\n");
    }

    private static int argMin(List<Double> v) {
        int best = 0;
        for (int i = 1; i < v.size(); i++) {
            best = v.get(i) < v.get(best) ? i : best;
        }
        return best;
    }

    private static int argMax(List<Double> v) {
        int best = 0;
        for (int i = 1; i < v.size(); i++) {
            best = v.get(i) > v.get(best) ? i : best;
        }
        return best;
    }

    private static void tables(StringBuilder md, Fig2Result result) {
        md.append("## Cell means (rows d, columns ||mu||)\n\n");
        for (Fig2Metric m : List.of(Fig2Metric.TRAIN_LOSS, Fig2Metric.TEST_ERROR, Fig2Metric.FORGET_LOSS_AFTER,
                Fig2Metric.FORGET_LOSS_INCREASE, Fig2Metric.RETRAIN_GAP, Fig2Metric.MIA_AUC_AFTER, Fig2Metric.SIGMA)) {
            md.append("### ").append(m.key()).append("\n\n| d \\ ||mu|| |");
            for (double mu : result.spec().signalNorms()) {
                md.append(' ').append(fmt(mu)).append(" |");
            }
            md.append("\n|---|").append("---|".repeat(result.spec().signalNorms().size())).append('\n');
            for (int di = 0; di < result.spec().dimensions().size(); di++) {
                md.append("| ").append(result.spec().dimensions().get(di)).append(" |");
                for (int mi = 0; mi < result.spec().signalNorms().size(); mi++) {
                    md.append(' ').append(fmt(result.cell(di, mi).mean(m))).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
    }

    /** A metric's range over the grid as "[min, max]". */
    private static String range(Fig2Findings f, Fig2Metric metric) {
        Fig2Findings.Range range = f.coherence().range(metric);
        return "[" + fmt(range.min()) + ", " + fmt(range.max()) + "]";
    }

    private static String strength(double rho) {
        if (Double.isNaN(rho)) {
            return "undefined";
        }
        double a = Math.abs(rho);
        String size = a >= 0.7 ? "strong" : a >= 0.4 ? "moderate" : a >= 0.2 ? "weak" : "negligible";
        return size + (rho >= 0 ? " positive" : " negative");
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        return a != 0 && (a < SCIENTIFIC_BELOW || a >= SCIENTIFIC_FROM) ? String.format(Locale.ROOT, "%.3g", v)
                : String.format(Locale.ROOT, "%.4g", v);
    }
}
