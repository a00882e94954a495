package org.unlearnstability.experiment.fig3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.unlearnstability.cnn.RankCorrelation;

/**
 * What Figure 3 finds, as numbers: how well the linear theory's growth rates match the network's, and whether the
 * theory's quantities order the cells and the forget kinds as the network's forgetting and divergence do.
 *
 * @param rows rows (cell x learning rate)
 * @param contracting rows whose exact early rate is at most 0 (the linear theory predicts early contraction)
 * @param contractingAgree of those, rows whose observed early rate is also at most 0
 * @param contractingMedianRatio median observed / exact early rate over those rows
 * @param expanding rows whose exact early rate is positive
 * @param expandingAgree of those, rows whose observed early rate is also positive
 * @param expandingMedianRatio median observed / exact early rate over those rows
 * @param verdictAgree rows where the majority verdict of the linearised runs equals that of the network runs from the
 *     perturbed start
 * @param rankings Spearman correlations over cells, per learning rate
 * @param kinds per learning rate, the forget kinds ordered by the theory and by the network
 */
public record Fig3Findings(int rows, int contracting, int contractingAgree, double contractingMedianRatio,
        int expanding, int expandingAgree, double expandingMedianRatio, int verdictAgree,
        List<RankAgreement> rankings, List<KindOrder> kinds) {

    /** Copies the lists. */
    public Fig3Findings {
        rankings = List.copyOf(rankings);
        kinds = List.copyOf(kinds);
    }

    /**
     * Spearman's rho over the cells at one learning rate between a quantity of the theory and an outcome of the
     * network (NaN when either is constant, as etaStar is when it is 0 everywhere).
     *
     * @param predictor the theory's column key
     * @param outcome the network's column key
     * @param eta the learning rate
     * @param spearman rho
     */
    public record RankAgreement(String predictor, String outcome, double eta, double spearman) {
    }

    /**
     * The forget kinds at one learning rate, each averaged over sizes (mean of sigma, mean ln rho, median forget-loss
     * increase), in decreasing order of each, with Spearman's rho between the kinds' sigma and forget-loss increase.
     *
     * @param eta the learning rate
     * @param bySigma kind keys by decreasing mean sigma
     * @param byLnRho kind keys by decreasing mean ln rho
     * @param byForgetting kind keys by decreasing median forget-loss increase
     * @param sigmaVsForgetting Spearman's rho over the kinds
     * @param lnRhoVsForgetting Spearman's rho over the kinds
     */
    public record KindOrder(double eta, List<String> bySigma, List<String> byLnRho, List<String> byForgetting,
            double sigmaVsForgetting, double lnRhoVsForgetting) {

        /** Copies the lists. */
        public KindOrder {
            bySigma = List.copyOf(bySigma);
            byLnRho = List.copyOf(byLnRho);
            byForgetting = List.copyOf(byForgetting);
        }
    }

    /** The theory's quantities whose ordering is compared. */
    static final List<Fig3Column> PREDICTORS = List.of(Fig3Column.SIGMA, Fig3Column.ETA_STAR, Fig3Column.LN_RHO);
    /** The network's outcomes. */
    static final List<Fig3Column> OUTCOMES = List.of(Fig3Column.FORGET_LOSS_INCREASE, Fig3Column.MIA_AUC_DROP,
            Fig3Column.OBSERVED_EARLY_RATE, Fig3Column.LOG10_RATIO_FROM_OPTIMUM);

    /**
     * @param rows every row
     * @param etas the learning rates
     * @param repeats runs per verdict
     * @return the findings
     */
    public static Fig3Findings of(List<Fig3Row> rows, List<Double> etas, int repeats) {
        List<Double> contractingRatios = new ArrayList<>();
        List<Double> expandingRatios = new ArrayList<>();
        int contractingAgree = 0;
        int expandingAgree = 0;
        int verdictAgree = 0;
        for (Fig3Row row : rows) {
            Fig3Cell.EtaRun run = row.run();
            if (run.exactEarlyRate() <= 0) {
                contractingRatios.add(row.earlyRatio());
                contractingAgree += run.observedEarlyRate() <= 0 ? 1 : 0;
            } else {
                expandingRatios.add(row.earlyRatio());
                expandingAgree += run.observedEarlyRate() > 0 ? 1 : 0;
            }
            verdictAgree += (2 * run.linearDiverged() > repeats) == (2 * run.divergedPerturbed() > repeats) ? 1 : 0;
        }
        List<RankAgreement> rankings = new ArrayList<>();
        List<KindOrder> kinds = new ArrayList<>();
        for (double eta : etas) {
            List<Fig3Row> atEta = rows.stream().filter(r -> r.run().eta() == eta).toList();
            for (Fig3Column predictor : PREDICTORS) {
                for (Fig3Column outcome : OUTCOMES) {
                    rankings.add(new RankAgreement(predictor.key(), outcome.key(), eta,
                            RankCorrelation.spearman(values(atEta, predictor), values(atEta, outcome))));
                }
            }
            kinds.add(kindOrder(eta, atEta));
        }
        return new Fig3Findings(rows.size(), contractingRatios.size(), contractingAgree, median(contractingRatios),
                expandingRatios.size(), expandingAgree, median(expandingRatios), verdictAgree, rankings, kinds);
    }

    private static KindOrder kindOrder(double eta, List<Fig3Row> atEta) {
        List<ForgetKind> kinds = Arrays.stream(ForgetKind.values())
                .filter(k -> atEta.stream().anyMatch(r -> r.cell().forgetKind() == k)).toList();
        double[] sigma = new double[kinds.size()];
        double[] lnRho = new double[kinds.size()];
        double[] forgetting = new double[kinds.size()];
        for (int i = 0; i < kinds.size(); i++) {
            ForgetKind kind = kinds.get(i);
            List<Fig3Row> ofKind = atEta.stream().filter(r -> r.cell().forgetKind() == kind).toList();
            sigma[i] = ofKind.stream().mapToDouble(r -> r.cell().theory().sigma()).average().orElse(Double.NaN);
            lnRho[i] = ofKind.stream().mapToDouble(Fig3Row::lnRho).average().orElse(Double.NaN);
            forgetting[i] = median(ofKind.stream().map(Fig3Row::forgetLossIncrease).toList());
        }
        return new KindOrder(eta, decreasing(kinds, sigma), decreasing(kinds, lnRho), decreasing(kinds, forgetting),
                RankCorrelation.spearman(sigma, forgetting), RankCorrelation.spearman(lnRho, forgetting));
    }

    private static List<String> decreasing(List<ForgetKind> kinds, double[] values) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i));
        return order.stream().map(i -> kinds.get(i).key()).toList();
    }

    private static double[] values(List<Fig3Row> rows, Fig3Column column) {
        ToDoubleFunction<Fig3Row> f = r -> {
            Object v = column.of(r);
            return v instanceof Number n ? n.doubleValue() : Double.NaN;
        };
        return rows.stream().mapToDouble(f).toArray();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /**
     * @param predictor a predictor key
     * @param outcome an outcome key
     * @param eta a learning rate
     * @return that ranking's rho, NaN when absent
     */
    public double spearman(String predictor, String outcome, double eta) {
        return rankings.stream().filter(r -> r.predictor().equals(predictor) && r.outcome().equals(outcome)
                && r.eta() == eta).mapToDouble(RankAgreement::spearman).findFirst().orElse(Double.NaN);
    }
}
