package org.unlearnstability.experiment.fig3;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.report.MarkdownTable;
import org.unlearnstability.report.ProseNumber;

/**
 * fig3.md: the set-up, the findings in words with their numbers, the tables of prediction against observation and
 * of forgetting, the figures and the column legend.
 *
 * @param spec the spec
 * @param file its file
 * @param cells every cell
 * @param rows one row per cell and learning rate
 * @param findings the findings over the rows
 * @param testSize the held-out test samples
 */
record Fig3Markdown(Fig3Spec spec, SpecFile file, List<Fig3Cell> cells, List<Fig3Row> rows, Fig3Findings findings,
        int testSize) {
    private static final String SETUP = """
            # Figure 3 (beyond the paper): does linear stability predict unlearning in a real network?

            Spec: `%s`, seed %d. Data: the UCI optical-recognition handwritten digits (8 x 8 pixels 0..16, scaled to
            [0, 1]; [specs/data/README.md](../../specs/data/README.md)), digit %d (label +1) against digit %d
            (label -1):
            %d training and %d test images, split at random. Network: one hidden layer of %d ReLU units and a scalar
            logit (%d parameters), trained from He initialisation by full-batch gradient descent (step %s) on the mean
            logistic loss to %s: the clean model reached %s in %d steps (test accuracy %s); each mislabelled cell trains
            its own model with its forget labels flipped (reached: %s).

            Forget sets (n_f in %s, nested across sizes): %s.

            At w* the per-sample Hessians are the rank-one Gauss-Newton factors g_i = sqrt(l''(y_i f_i)) grad f(x_i);
            every quantity of the theory comes from the tool's core on them (in the isometric embedding of their span).
            Unlearning is update (2) on the network with real gradients, Bernoulli batches (B = %d, alpha = %s), K = %d
            steps, %d repeats, eta in %s, from w* and on the same batches from w* + delta, delta a random direction in
            the span of the gradients with ||delta|| = %s. The separation s_k = ||w_k' - w_k||^2 of the two runs
            cancels the drift that both share and evolves to first order by the random products J_k of update (3):
            it is what the linear theory predicts, exactly in mean square (E s_k = Tr T^k(delta delta^T)). Early rates
            are least-squares slopes of ln s_k over k = 0..%d. The ratio verdict: a run diverges when
            ||w_K - w*|| / %s >= %s (from w* the denominator is the perturbation size, since ||w_0 - w*|| = 0).
            """;

    private static final String FINDINGS = """
            ## Findings

            - **The theory at w\\***: etaStar = %s in %d of %d cells: the drift A = (1 - alpha) H_R - alpha H_F has
              n_f negative eigenvalues in %d cells (one per forget sample), so no learning rate is mean-square stable
              and the question is only how fast. sigma ranges over %s..%s; ln rho at eta = %s ranges over %s..%s.
            - **Where the linear theory predicts the network**: in %d rows the exact early rate is <= 0 (early
              contraction); the network's early rate has the same sign in %d of them, with median observed/exact ratio
              %s. These rows are %s.
            - **Where it does not**: in %d rows the theory predicts early growth; the network grows in %d of them, but
              at a median %s of the predicted early rate (observed/exact; range %s..%s): the linearisation at w*
              does not follow the network once the forget loss has been ascended far from w* (the growth saturates).
              The linearised and the network majority verdicts agree in %d of %d rows; they differ in %s.
            - **Ordering**: over cells at eta = %s, Spearman rho of sigma with the forget-loss increase is %s, with the
              AUC drop %s and with the early growth rate %s; of ln rho with the same: %s, %s, %s.
            %s
            - **Forgetting against retraining**: %s
            """;

    String render(List<String> figures, double seconds, int threads) {
        StringBuilder md = new StringBuilder();
        md.append(setup()).append('\n').append(findingsText()).append('\n');
        md.append("## Prediction against observation\n\nRates per step of the squared distance (natural log). "
                + "Predicted: `lnRho`, `exactEarlyRate`, `linearRate`; observed: the network's separation.\n\n");
        md.append(table(List.of(Fig3Column.KIND, Fig3Column.SIZE, Fig3Column.ETA, Fig3Column.LN_RHO,
                Fig3Column.EXACT_EARLY_RATE, Fig3Column.OBSERVED_EARLY_RATE, Fig3Column.EARLY_RATIO,
                Fig3Column.LN_RHO_RATIO, Fig3Column.LINEAR_RATE, Fig3Column.OBSERVED_RATE, Fig3Column.RATE_RATIO,
                Fig3Column.LINEAR_DIVERGED, Fig3Column.DIVERGED_PERTURBED), rows)).append('\n');
        md.append("## The theory at w*\n\n");
        md.append(table(List.of(Fig3Column.KIND, Fig3Column.SIZE, Fig3Column.TRAIN_LOSS, Fig3Column.SIGMA,
                Fig3Column.LAMBDA_MAX_D, Fig3Column.ETA7, Fig3Column.ETA8, Fig3Column.ETA_COHERENCE_FREE,
                Fig3Column.ETA_STAR, Fig3Column.LAMBDA_MIN_A, Fig3Column.NEGATIVE_COUNT_A),
                rows.subList(0, cells.size()))).append('\n');
        md.append("## Forgetting\n\nFrom w*, mean over repeats; the retrained model is the gold standard.\n\n");
        md.append(table(List.of(Fig3Column.KIND, Fig3Column.SIZE, Fig3Column.ETA, Fig3Column.FORGET_LOSS_BEFORE,
                Fig3Column.FORGET_LOSS_AFTER, Fig3Column.RETRAIN_FORGET_LOSS, Fig3Column.TEST_ACCURACY_AFTER,
                Fig3Column.RETRAIN_TEST_ACCURACY, Fig3Column.MIA_AUC_BEFORE, Fig3Column.MIA_AUC_AFTER,
                Fig3Column.RETRAIN_MIA_AUC, Fig3Column.DIVERGED_FROM_OPTIMUM, Fig3Column.LOG10_RATIO_FROM_OPTIMUM),
                rows)).append('\n');
        md.append("## Figures\n\n");
        for (String figure : figures) {
            md.append("![").append(figure).append("](").append(figure).append(")\n");
        }
        md.append("\n## Columns of fig3.csv and fig3.json\n\n").append(Fig3Report.legend()).append('\n');
        md.append(String.format(Locale.ROOT, "## Timing%n%n%.1f s on %d worker threads (%d processors), cells read "
                + "from the cache included; the machine is shared, so timings are noisy.%n", seconds, threads,
                Runtime.getRuntime().availableProcessors()));
        return md.toString();
    }

    private String setup() {
        Fig3Cell clean = cells.stream().filter(c -> !c.forgetKind().ownModel()).findFirst().orElse(cells.get(0));
        String mislabelled = String.join(", ", cells.stream().filter(c -> c.forgetKind().ownModel())
                .map(c -> String.format(Locale.ROOT, "n_f = %d: %s in %d steps", c.size(), fmt(c.trainLoss()),
                        c.trainSteps())).toList());
        StringBuilder kinds = new StringBuilder();
        for (ForgetKind kind : ForgetKind.values()) {
            kinds.append(kinds.length() == 0 ? "" : "; ").append('*').append(kind.key()).append("*: ")
                    .append(kind.doc());
        }
        int parameters = new ReluMlp(64, spec.hidden()).parameterCount();
        return String.format(Locale.ROOT, SETUP, file.path(), spec.seed(), spec.positiveDigit(), spec.negativeDigit(),
                spec.trainSize(), testSize, spec.hidden(), parameters, fmt(spec.learningRate()),
                fmt(spec.lossTarget()), fmt(clean.trainLoss()), clean.trainSteps(), fmt(clean.testAccuracy()),
                mislabelled.isEmpty() ? "none" : mislabelled, spec.forgetSizes(),
                kinds + " (digit " + spec.oneClassDigit() + ")", spec.batch(), fmt(spec.alpha()), spec.steps(),
                spec.repeats(), spec.etas(), fmt(spec.perturbation()), spec.earlySteps(), fmt(spec.perturbation()),
                fmt(spec.divergenceRatio()));
    }

    String findingsText() {
        double eta = spec.etas().get(spec.etas().size() / 2);
        List<Fig3Row> atEta = rows.stream().filter(r -> r.run().eta() == eta).toList();
        long zeroStar = cells.stream().filter(c -> c.theory().etaStar() == 0.0).count();
        long fullNegative = cells.stream().filter(c -> c.theory().negativeCountA() == c.size()).count();
        StringBuilder orders = new StringBuilder();
        for (Fig3Findings.KindOrder order : findings.kinds()) {
            orders.append(String.format(Locale.ROOT, "- At eta = %s the kinds by decreasing sigma: %s; by ln rho: %s; "
                    + "by forget-loss increase: %s (Spearman over kinds: sigma %s, ln rho %s).%n", fmt(order.eta()),
                    order.bySigma(), order.byLnRho(), order.byForgetting(), fmt(order.sigmaVsForgetting()),
                    fmt(order.lnRhoVsForgetting())));
        }
        return String.format(Locale.ROOT, FINDINGS, zeroStar == cells.size() ? "0" : "> 0 in some cells", zeroStar,
                cells.size(), fullNegative, fmt(min(atEta, r -> r.cell().theory().sigma())),
                fmt(max(atEta, r -> r.cell().theory().sigma())), fmt(eta), fmt(min(atEta, Fig3Row::lnRho)),
                fmt(max(atEta, Fig3Row::lnRho)), findings.contracting(), findings.contractingAgree(),
                fmt(findings.contractingMedianRatio()), where(r -> r.run().exactEarlyRate() <= 0), findings.expanding(),
                findings.expandingAgree(), fmt(findings.expandingMedianRatio()),
                fmt(rows.stream().filter(r -> r.run().exactEarlyRate() > 0).mapToDouble(Fig3Row::earlyRatio).min()
                        .orElse(Double.NaN)),
                fmt(rows.stream().filter(r -> r.run().exactEarlyRate() > 0).mapToDouble(Fig3Row::earlyRatio).max()
                        .orElse(Double.NaN)), findings.verdictAgree(), findings.rows(),
                where(r -> (2 * r.run().linearDiverged() > spec.repeats())
                        != (2 * r.run().divergedPerturbed() > spec.repeats())), fmt(eta),
                rho("sigma", "forgetLossIncrease", eta), rho("sigma", "miaAucDrop", eta),
                rho("sigma", "observedEarlyRate", eta), rho("lnRho", "forgetLossIncrease", eta),
                rho("lnRho", "miaAucDrop", eta), rho("lnRho", "observedEarlyRate", eta), orders.toString().strip(),
                retrainSentence());
    }

    /** @return the rows matching the filter, as "kind n_f/eta" groups, or "none" */
    private String where(java.util.function.Predicate<Fig3Row> filter) {
        List<String> names = rows.stream().filter(filter).map(r -> String.format(Locale.ROOT, "%s %d at eta %s",
                r.cell().kind(), r.cell().size(), fmt(r.run().eta()))).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private String retrainSentence() {
        double eta = spec.etas().get(0);
        StringBuilder text = new StringBuilder("at eta = " + fmt(eta) + ", median forget loss after unlearning vs "
                + "retraining: ");
        for (ForgetKind kind : ForgetKind.values()) {
            List<Fig3Row> ofKind = rows.stream().filter(r -> r.run().eta() == eta && r.cell().forgetKind() == kind)
                    .toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            text.append(String.format(Locale.ROOT, "%s %s vs %s; ", kind.key(),
                    fmt(Fig3Findings.median(ofKind.stream().map(r -> r.run().forgetLossAfter()).toList())),
                    fmt(Fig3Findings.median(ofKind.stream().map(r -> r.cell().retrain().forgetLoss()).toList()))));
        }
        return text.append("membership-inference AUC after unlearning and after retraining are in the table below.")
                .toString();
    }

    private String rho(String predictor, String outcome, double eta) {
        return fmt(findings.spearman(predictor, outcome, eta));
    }

    String indexSummary(String folder) {
        double eta = spec.etas().get(spec.etas().size() / 2);
        return String.format(Locale.ROOT, "%d forget sets (4 kinds x %d sizes) x %d learning rates, %d repeats of %d "
                + "steps on a %d-unit ReLU network trained on digit %d vs %d. Details: [fig3.md](%s/fig3.md); data: "
                + "[fig3.csv](%s/fig3.csv), [fig3.json](%s/fig3.json).%n%n"
                + "- etaStar = 0 in %d of %d cells (n_f negative drift eigenvalues: unlearning is never mean-square "
                + "stable).%n"
                + "- Predicted early contraction in %d rows: the network agrees in sign in %d, median observed/exact "
                + "rate %s. Predicted growth in %d rows: the network grows in %d, at a median %s of the predicted "
                + "rate (saturation).%n"
                + "- At eta = %s, Spearman over cells: sigma vs forget-loss increase %s, ln rho vs forget-loss "
                + "increase %s, ln rho vs observed early rate %s.%n",
                cells.size(), spec.forgetSizes().size(), spec.etas().size(), spec.repeats(), spec.steps(),
                spec.hidden(), spec.positiveDigit(), spec.negativeDigit(), folder, folder, folder,
                cells.stream().filter(c -> c.theory().etaStar() == 0.0).count(), cells.size(), findings.contracting(),
                findings.contractingAgree(), fmt(findings.contractingMedianRatio()), findings.expanding(),
                findings.expandingAgree(), fmt(findings.expandingMedianRatio()), fmt(eta),
                rho("sigma", "forgetLossIncrease", eta), rho("lnRho", "forgetLossIncrease", eta),
                rho("lnRho", "observedEarlyRate", eta));
    }

    private static String table(List<Fig3Column> columns, List<Fig3Row> rows) {
        MarkdownTable table = MarkdownTable.of(columns.stream().map(Fig3Column::key).toArray(String[]::new));
        for (Fig3Row row : rows) {
            table.row(columns.stream().map(c -> cell(c.of(row))).toArray());
        }
        return table.toString();
    }

    private static String cell(@Nullable Object value) {
        return value instanceof Double d ? fmt(d) : String.valueOf(value);
    }

    private static double min(List<Fig3Row> rows, ToDoubleFunction<Fig3Row> f) {
        return rows.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double max(List<Fig3Row> rows, ToDoubleFunction<Fig3Row> f) {
        return rows.stream().mapToDouble(f).max().orElse(Double.NaN);
    }

    /** A number as {@link ProseNumber} writes it, NaN as "undefined". */
    static String fmt(double x) {
        return Double.isNaN(x) ? "undefined" : ProseNumber.format(x);
    }
}
