package org.unlearnstability.experiment.fig2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.unlearnstability.cnn.RankCorrelation;
import org.unlearnstability.rng.RandomStreams;

/**
 * The numbers behind the claims of section 3.2 and Theorem 2.4, computed from the grid of cell
 * means. A cell is in the memorisation region when its mean training loss is at most 0.1 (the
 * paper's "training loss &lt;= 0.1") and its mean test error at least 0.25 (halfway to chance); it
 * generalises when its mean test error is at most 0.05. A looser reading of "low training loss" (mean
 * training error at most 0.01, i.e. the training set is interpolated) gives the interpolating
 * memorisation region. Overlap with "high forget loss" is measured
 * three ways: means inside vs outside the region, Spearman correlations over all cells, and the
 * Jaccard index of the region with the same number of cells of highest forget loss.
 */
public final class Fig2Findings {
    /** The paper's training-loss level. */
    public static final double LOW_TRAIN_LOSS = 0.1;
    /** Test error at which a low-loss cell counts as memorising. */
    public static final double HIGH_TEST_ERROR = 0.25;
    /** Training error up to which a cell counts as interpolating its training set. */
    public static final double INTERPOLATION_ERROR = 0.01;
    /** Test error at which a cell counts as generalising. */
    public static final double LOW_TEST_ERROR = 0.05;
    /** The normal quantile of a two-sided 95 % interval (region means, the flatness test of sigma). */
    public static final double Z95 = 1.959963984540054;
    /** The fewest cells below the transition at one d for the flatness test of sigma against ||mu||. */
    public static final int FLATNESS_CELLS = 4;
    /** Parametric bootstrap draws behind the 95 % intervals on the Jaccard indices. */
    public static final int BOOTSTRAP_DRAWS = 2000;
    /** The seed of the bootstrap stream (fixed: the findings are a function of the cells alone). */
    static final long BOOTSTRAP_SEED = 20250901L;

    private final Map<String, Double> numbers;
    private final Set<String> counts;
    private final List<CellSummary> memorisation;
    private final List<CellSummary> generalisation;

    private Fig2Findings(Map<String, Double> numbers, Set<String> counts, List<CellSummary> memorisation,
            List<CellSummary> generalisation) {
        this.numbers = Collections.unmodifiableMap(numbers);
        this.counts = Set.copyOf(counts);
        this.memorisation = List.copyOf(memorisation);
        this.generalisation = List.copyOf(generalisation);
    }

    /**
     * @param cells the grid cells
     * @return the findings
     */
    public static Fig2Findings of(List<CellSummary> cells) {
        Map<String, Double> n = new LinkedHashMap<>();
        List<CellSummary> mem = select(cells, c -> c.mean(Fig2Metric.TRAIN_LOSS) <= LOW_TRAIN_LOSS
                && c.mean(Fig2Metric.TEST_ERROR) >= HIGH_TEST_ERROR);
        List<CellSummary> gen = select(cells, c -> c.mean(Fig2Metric.TEST_ERROR) <= LOW_TEST_ERROR);
        Set<String> counts = new HashSet<>();
        count(n, counts, "cells", cells.size());
        count(n, counts, "cellsWithTrainLossAtMost0.1", select(cells, c -> c.mean(Fig2Metric.TRAIN_LOSS)
                <= LOW_TRAIN_LOSS).size());
        n.put("maxMeanTrainLoss", max(cells, Fig2Metric.TRAIN_LOSS));
        n.put("maxMeanTrainError", max(cells, Fig2Metric.TRAIN_ERROR));
        count(n, counts, "memorisationCells", mem.size());
        count(n, counts, "generalisationCells", gen.size());
        for (Fig2Metric m : List.of(Fig2Metric.FORGET_LOSS_BEFORE, Fig2Metric.FORGET_LOSS_AFTER,
                Fig2Metric.FORGET_LOSS_INCREASE, Fig2Metric.RETRAIN_FORGET_LOSS, Fig2Metric.RETRAIN_GAP,
                Fig2Metric.MIA_AUC_BEFORE, Fig2Metric.MIA_AUC_AFTER, Fig2Metric.TEST_ERROR_AFTER,
                Fig2Metric.RETAIN_LOSS_AFTER)) {
            n.put(m.key() + "InMemorisation", average(mem, m));
            n.put(m.key() + "InGeneralisation", average(gen, m));
        }
        for (Fig2Metric m : List.of(Fig2Metric.FORGET_LOSS_AFTER, Fig2Metric.FORGET_LOSS_INCREASE)) {
            n.put(m.key() + "InMemorisationCi95", halfWidth(mem, m));
            n.put(m.key() + "InGeneralisationCi95", halfWidth(gen, m));
        }
        double[] testError = column(cells, Fig2Metric.TEST_ERROR);
        n.put("spearmanForgetLossAfterVsTestError", RankCorrelation.spearman(column(cells,
                Fig2Metric.FORGET_LOSS_AFTER), testError));
        n.put("spearmanForgetLossIncreaseVsTestError", RankCorrelation.spearman(column(cells,
                Fig2Metric.FORGET_LOSS_INCREASE), testError));
        n.put("spearmanForgetLossAfterVsTrainLoss", RankCorrelation.spearman(column(cells,
                Fig2Metric.FORGET_LOSS_AFTER), column(cells, Fig2Metric.TRAIN_LOSS)));
        n.put("spearmanRetrainGapVsTestError", RankCorrelation.spearman(column(cells, Fig2Metric.RETRAIN_GAP),
                testError));
        n.put("jaccardMemorisationVsTopForgetLossAfter", jaccard(cells, mem, Fig2Metric.FORGET_LOSS_AFTER));
        interval(n, "jaccardMemorisationVsTopForgetLossAfter", cells, Fig2Metric.TRAIN_LOSS, LOW_TRAIN_LOSS,
                Fig2Metric.FORGET_LOSS_AFTER);
        n.put("jaccardMemorisationVsTopForgetLossIncrease", jaccard(cells, mem, Fig2Metric.FORGET_LOSS_INCREASE));
        interval(n, "jaccardMemorisationVsTopForgetLossIncrease", cells, Fig2Metric.TRAIN_LOSS, LOW_TRAIN_LOSS,
                Fig2Metric.FORGET_LOSS_INCREASE);
        // The looser reading of "low training loss": the training set is interpolated (error ~ 0).
        List<CellSummary> interpolating = select(cells, c -> c.mean(Fig2Metric.TRAIN_ERROR) <= INTERPOLATION_ERROR
                && c.mean(Fig2Metric.TEST_ERROR) >= HIGH_TEST_ERROR);
        count(n, counts, "interpolatingMemorisationCells", interpolating.size());
        n.put("forgetLossAfterInInterpolatingMemorisation", average(interpolating, Fig2Metric.FORGET_LOSS_AFTER));
        n.put("forgetLossIncreaseInInterpolatingMemorisation",
                average(interpolating, Fig2Metric.FORGET_LOSS_INCREASE));
        n.put("jaccardInterpolatingMemorisationVsTopForgetLossAfter",
                jaccard(cells, interpolating, Fig2Metric.FORGET_LOSS_AFTER));
        interval(n, "jaccardInterpolatingMemorisationVsTopForgetLossAfter", cells, Fig2Metric.TRAIN_ERROR,
                INTERPOLATION_ERROR, Fig2Metric.FORGET_LOSS_AFTER);
        n.put("jaccardInterpolatingMemorisationVsTopForgetLossIncrease",
                jaccard(cells, interpolating, Fig2Metric.FORGET_LOSS_INCREASE));
        interval(n, "jaccardInterpolatingMemorisationVsTopForgetLossIncrease", cells, Fig2Metric.TRAIN_ERROR,
                INTERPOLATION_ERROR, Fig2Metric.FORGET_LOSS_INCREASE);
        coherence(n, cells);
        return new Fig2Findings(n, counts, mem, gen);
    }

    private static void coherence(Map<String, Double> n, List<CellSummary> cells) {
        double[] snr = column(cells, Fig2Metric.SNR);
        n.put("spearmanSigmaVsSnr", RankCorrelation.spearman(column(cells, Fig2Metric.SIGMA), snr));
        n.put("spearmanSigmaVsTestError", RankCorrelation.spearman(column(cells, Fig2Metric.SIGMA),
                column(cells, Fig2Metric.TEST_ERROR)));
        n.put("spearmanSigmaVsForgetLossIncrease", RankCorrelation.spearman(column(cells, Fig2Metric.SIGMA),
                column(cells, Fig2Metric.FORGET_LOSS_INCREASE)));
        List<CellSummary> bySnr = new ArrayList<>(cells);
        bySnr.sort(Comparator.comparingDouble(c -> c.mean(Fig2Metric.SNR)));
        int quarter = Math.max(1, bySnr.size() / 4);
        n.put("sigmaOverPairsLowestSnrQuarter", average(bySnr.subList(0, quarter), Fig2Metric.SIGMA_OVER_PAIRS));
        n.put("sigmaOverPairsHighestSnrQuarter", average(bySnr.subList(bySnr.size() - quarter, bySnr.size()),
                Fig2Metric.SIGMA_OVER_PAIRS));
        for (Fig2Metric m : List.of(Fig2Metric.BOUND10_RATIO, Fig2Metric.BOUND11_RATIO)) {
            n.put(m.key() + "Min", min(cells, m));
            n.put(m.key() + "Max", max(cells, m));
            n.put("spearman" + capitalised(m.key()) + "VsSnr", RankCorrelation.spearman(column(cells, m), snr));
        }
        double[] d = cells.stream().mapToDouble(CellSummary::d).toArray();
        n.put("spearmanLambdaMaxSOverBound10VsD", RankCorrelation.spearman(column(cells, Fig2Metric.BOUND10_RATIO), d));
        n.put("spearmanMaxLambdaMaxDrfOverBound11VsD", RankCorrelation.spearman(column(cells,
                Fig2Metric.BOUND11_RATIO), d));
        for (Fig2Metric m : List.of(Fig2Metric.LAMBDA_MAX_S, Fig2Metric.MAX_LAMBDA_MAX_DRF, Fig2Metric.LAMBDA_MAX_D,
                Fig2Metric.THRESHOLD7, Fig2Metric.THRESHOLD8)) {
            n.put(m.key() + "Min", min(cells, m));
            n.put(m.key() + "Max", max(cells, m));
        }
        n.put("condition7Fraction", average(cells, Fig2Metric.CONDITION7));
        n.put("condition8Fraction", average(cells, Fig2Metric.CONDITION8));
        for (Fig2Metric m : List.of(Fig2Metric.NEGATIVE_COUNT_A, Fig2Metric.LAMBDA_MIN_A, Fig2Metric.ETA_STAR,
                Fig2Metric.RHO, Fig2Metric.ETA_COHERENCE_FREE, Fig2Metric.ETA7)) {
            n.put(m.key() + "Min", min(cells, m));
            n.put(m.key() + "Max", max(cells, m));
        }
        flatness(n, cells);
    }

    /**
     * The flatness test of sigma against ||mu|| below the transition: at each d, over the cells whose mean test
     * error is at least {@link #HIGH_TEST_ERROR} (at least {@link #FLATNESS_CELLS} of them), Spearman's rank
     * correlation of sigma with ||mu||; flat when |rho_s| is below the large-sample two-sided 5 % critical value
     * Z95 / sqrt(k - 1) for k cells (no monotone trend detectable at the 5 % level).
     */
    private static void flatness(Map<String, Double> n, List<CellSummary> cells) {
        Map<Integer, List<CellSummary>> byD = new java.util.TreeMap<>();
        for (CellSummary c : cells) {
            if (c.mean(Fig2Metric.TEST_ERROR) >= HIGH_TEST_ERROR) {
                byD.computeIfAbsent(c.d(), k -> new ArrayList<>()).add(c);
            }
        }
        int tested = 0;
        int flat = 0;
        double lo = Double.NaN;
        double hi = Double.NaN;
        for (List<CellSummary> row : byD.values()) {
            if (row.size() < FLATNESS_CELLS) {
                continue;
            }
            double rho = RankCorrelation.spearman(column(row, Fig2Metric.SIGMA),
                    row.stream().mapToDouble(CellSummary::muNorm).toArray());
            tested++;
            flat += Math.abs(rho) < Z95 / Math.sqrt(row.size() - 1.0) ? 1 : 0;
            lo = Double.isNaN(lo) ? rho : Math.min(lo, rho);
            hi = Double.isNaN(hi) ? rho : Math.max(hi, rho);
        }
        n.put("sigmaVsMuBelowTransitionTested", (double) tested);
        n.put("sigmaVsMuBelowTransitionFlat", (double) flat);
        n.put("spearmanSigmaVsMuBelowTransitionMin", lo);
        n.put("spearmanSigmaVsMuBelowTransitionMax", hi);
    }

    /**
     * The half-width of a 95 % interval for the average over a region of cell means, from each cell's spread over
     * its repeats (standard error sd / sqrt(repeats), cells independent); NaN when a cell has one repeat.
     */
    private static double halfWidth(List<CellSummary> region, Fig2Metric metric) {
        if (region.isEmpty()) {
            return Double.NaN;
        }
        double variance = 0.0;
        for (CellSummary c : region) {
            variance += c.std(metric) * c.std(metric) / c.repeats();
        }
        return Z95 * Math.sqrt(variance) / region.size();
    }

    private static void count(Map<String, Double> numbers, Set<String> counts, String key, int value) {
        numbers.put(key, (double) value);
        counts.add(key);
    }

    /**
     * @param key a name from {@link #numbers()}
     * @return whether it is a count of cells (written as an integer)
     */
    public boolean isCount(String key) {
        return counts.contains(key);
    }

    private static String capitalised(String key) {
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    private static List<CellSummary> select(List<CellSummary> cells, Predicate<CellSummary> keep) {
        return cells.stream().filter(keep).toList();
    }

    static double[] column(List<CellSummary> cells, Fig2Metric metric) {
        return cells.stream().mapToDouble(c -> c.mean(metric)).toArray();
    }

    private static double average(List<CellSummary> cells, Fig2Metric metric) {
        return cells.stream().mapToDouble(c -> c.mean(metric)).average().orElse(Double.NaN);
    }

    private static double max(List<CellSummary> cells, Fig2Metric metric) {
        return cells.stream().mapToDouble(c -> c.mean(metric)).max().orElse(Double.NaN);
    }

    private static double min(List<CellSummary> cells, Fig2Metric metric) {
        return cells.stream().mapToDouble(c -> c.mean(metric)).min().orElse(Double.NaN);
    }

    /**
     * The 95 % interval of a Jaccard index with each cell's repeat-to-repeat spread carried through: a parametric
     * bootstrap that draws every cell's means of the fitting metric, the test error and the forget metric
     * independently from N(mean, sd^2 / repeats), re-forms the region (fit &lt;= fitLevel, test error &gt;=
     * {@link #HIGH_TEST_ERROR}) and its top cells, and takes the 2.5 % and 97.5 % points of the
     * {@link #BOOTSTRAP_DRAWS} indices (draws with an empty region are left out; NaN when all are). Stored as
     * key + "Ci95Low" and key + "Ci95High".
     */
    private static void interval(Map<String, Double> n, String key, List<CellSummary> cells, Fig2Metric fit,
            double fitLevel, Fig2Metric forget) {
        UniformRandomProvider rng = RandomStreams.stream(BOOTSTRAP_SEED, key.hashCode());
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int size = cells.size();
        double[] values = new double[BOOTSTRAP_DRAWS];
        int kept = 0;
        double[] score = new double[size];
        boolean[] inRegion = new boolean[size];
        for (int draw = 0; draw < BOOTSTRAP_DRAWS; draw++) {
            int regionSize = 0;
            for (int c = 0; c < size; c++) {
                CellSummary cell = cells.get(c);
                boolean fits = drawMean(cell, fit, gauss) <= fitLevel;
                boolean errs = drawMean(cell, Fig2Metric.TEST_ERROR, gauss) >= HIGH_TEST_ERROR;
                inRegion[c] = fits && errs;
                regionSize += inRegion[c] ? 1 : 0;
                score[c] = drawMean(cell, forget, gauss);
            }
            if (regionSize == 0) {
                continue;
            }
            Integer[] order = new Integer[size];
            for (int c = 0; c < size; c++) {
                order[c] = c;
            }
            Arrays.sort(order, (x, y) -> Double.compare(score[y], score[x]));
            int both = 0;
            for (int t = 0; t < regionSize; t++) {
                both += inRegion[order[t]] ? 1 : 0;
            }
            values[kept++] = (double) both / (2 * regionSize - both);
        }
        double[] sorted = Arrays.copyOf(values, kept);
        Arrays.sort(sorted);
        n.put(key + "Ci95Low", kept == 0 ? Double.NaN : sorted[(int) Math.floor(0.025 * (kept - 1))]);
        n.put(key + "Ci95High", kept == 0 ? Double.NaN : sorted[(int) Math.ceil(0.975 * (kept - 1))]);
    }

    /** A draw of the cell's mean of a metric from N(mean, sd^2 / repeats) (the mean itself when sd is undefined). */
    private static double drawMean(CellSummary cell, Fig2Metric metric, NormalizedGaussianSampler gauss) {
        double z = gauss.sample();
        double sd = cell.std(metric);
        return Double.isFinite(sd) ? cell.mean(metric) + z * sd / Math.sqrt(cell.repeats()) : cell.mean(metric);
    }

    /** Jaccard index of the region with the |region| cells of largest mean metric. */
    private static double jaccard(List<CellSummary> cells, List<CellSummary> region, Fig2Metric metric) {
        if (region.isEmpty()) {
            return Double.NaN;
        }
        List<CellSummary> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingDouble((CellSummary c) -> c.mean(metric)).reversed());
        Set<CellSummary> top = new HashSet<>(sorted.subList(0, region.size()));
        long both = region.stream().filter(top::contains).count();
        return (double) both / (2 * region.size() - both);
    }

    /** @return the named numbers, in a stable order */
    public Map<String, Double> numbers() {
        return numbers;
    }

    /**
     * @param key a name from {@link #numbers()}
     * @return its value
     */
    public double number(String key) {
        Double v = numbers.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no finding named " + key);
        }
        return v;
    }

    /** @return the memorisation cells */
    public List<CellSummary> memorisation() {
        return memorisation;
    }

    /** @return the generalising cells */
    public List<CellSummary> generalisation() {
        return generalisation;
    }
}
