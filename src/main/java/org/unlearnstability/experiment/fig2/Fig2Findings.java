package org.unlearnstability.experiment.fig2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.cnn.RankCorrelation;
import org.unlearnstability.report.JsonNumbers;
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
public record Fig2Findings(Training training, Regions regions, Overlap overlap, Overlap interpolating,
        Coherence coherence, Flatness flatness) {
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

    /** The quantiles of a two-sided 95 % bootstrap interval. */
    private static final double LOW_QUANTILE = 0.025;
    private static final double HIGH_QUANTILE = 0.975;
    /** The per-region means of fig2.md, in the order of the JSON findings. */
    static final List<Fig2Metric> REGION_METRICS = List.of(Fig2Metric.FORGET_LOSS_BEFORE, Fig2Metric.FORGET_LOSS_AFTER,
            Fig2Metric.FORGET_LOSS_INCREASE, Fig2Metric.RETRAIN_FORGET_LOSS, Fig2Metric.RETRAIN_GAP,
            Fig2Metric.MIA_AUC_BEFORE, Fig2Metric.MIA_AUC_AFTER, Fig2Metric.TEST_ERROR_AFTER,
            Fig2Metric.RETAIN_LOSS_AFTER);
    /** The metrics whose region means carry a 95 % interval. */
    static final List<Fig2Metric> FORGET_METRICS = List.of(Fig2Metric.FORGET_LOSS_AFTER,
            Fig2Metric.FORGET_LOSS_INCREASE);
    /** The metrics whose range over the grid the findings state. */
    static final List<Fig2Metric> RANGE_METRICS = List.of(Fig2Metric.BOUND10_RATIO, Fig2Metric.BOUND11_RATIO,
            Fig2Metric.LAMBDA_MAX_S, Fig2Metric.MAX_LAMBDA_MAX_DRF, Fig2Metric.LAMBDA_MAX_D, Fig2Metric.THRESHOLD7,
            Fig2Metric.THRESHOLD8, Fig2Metric.NEGATIVE_COUNT_A, Fig2Metric.LAMBDA_MIN_A, Fig2Metric.ETA_STAR,
            Fig2Metric.RHO, Fig2Metric.ETA_COHERENCE_FREE, Fig2Metric.ETA7);

    /**
     * Does training reach the paper's loss level?
     *
     * @param cells grid cells
     * @param lowLossCells cells whose mean training loss is at most {@link #LOW_TRAIN_LOSS}
     * @param maxMeanTrainLoss the largest cell mean of the training loss
     * @param maxMeanTrainError the largest cell mean of the training error
     */
    public record Training(int cells, int lowLossCells, double maxMeanTrainLoss, double maxMeanTrainError) {
    }

    /**
     * A metric's average over the two regions.
     *
     * @param memorisation over the memorisation cells
     * @param generalisation over the generalising cells
     */
    public record RegionMeans(double memorisation, double generalisation) {
    }

    /**
     * The memorisation and generalisation regions and the averages of metrics over them.
     *
     * @param memorisation the memorisation cells
     * @param generalisation the generalising cells
     * @param means per metric of {@link #REGION_METRICS}, its averages
     * @param ci95 per metric of {@link #FORGET_METRICS}, the half-widths of the 95 % intervals of those averages
     */
    public record Regions(List<CellSummary> memorisation, List<CellSummary> generalisation,
            Map<Fig2Metric, RegionMeans> means, Map<Fig2Metric, RegionMeans> ci95) {
        /** Copies the lists and maps. */
        public Regions {
            memorisation = List.copyOf(memorisation);
            generalisation = List.copyOf(generalisation);
            means = Collections.unmodifiableMap(new EnumMap<>(means));
            ci95 = Collections.unmodifiableMap(new EnumMap<>(ci95));
        }

        /**
         * @param metric a metric of {@link #REGION_METRICS}
         * @return its averages over the regions
         */
        public RegionMeans mean(Fig2Metric metric) {
            return found(means.get(metric), metric);
        }

        /**
         * @param metric a metric of {@link #FORGET_METRICS}
         * @return the half-widths of the 95 % intervals of its averages
         */
        public RegionMeans halfWidth(Fig2Metric metric) {
            return found(ci95.get(metric), metric);
        }
    }

    /**
     * A Jaccard index with its bootstrap interval.
     *
     * @param index the index of the measured region
     * @param low the 2.5 % point
     * @param high the 97.5 % point
     */
    public record Interval(double index, double low, double high) {
    }

    /**
     * How a memorisation region overlaps with the cells of highest forget loss.
     *
     * @param cells the region's cells
     * @param forgetLossAfter the region's average forget loss after unlearning
     * @param forgetLossIncrease the region's average forget-loss increase
     * @param topForgetLossAfter Jaccard index with the as many cells of highest forget loss after
     * @param topForgetLossIncrease Jaccard index with the as many cells of highest increase
     */
    public record Overlap(int cells, double forgetLossAfter, double forgetLossIncrease, Interval topForgetLossAfter,
            Interval topForgetLossIncrease) {
    }

    /**
     * A smallest and a largest value.
     *
     * @param min the smallest
     * @param max the largest
     */
    public record Range(double min, double max) {
    }

    /**
     * Spearman rank correlations over all cells.
     *
     * @param forgetLossAfterVsTestError forget loss after against test error
     * @param forgetLossIncreaseVsTestError forget-loss increase against test error
     * @param forgetLossAfterVsTrainLoss forget loss after against training loss
     * @param retrainGapVsTestError retrainGap against test error
     * @param sigmaVsSnr sigma against SNR
     * @param sigmaVsTestError sigma against test error
     * @param sigmaVsForgetLossIncrease sigma against forget-loss increase
     * @param bound10RatioVsSnr lambdaMaxS / (10) against SNR
     * @param bound11RatioVsSnr maxLambdaMaxDrf / (11) against SNR
     * @param bound10RatioVsD lambdaMaxS / (10) against d
     * @param bound11RatioVsD maxLambdaMaxDrf / (11) against d
     */
    public record Spearman(double forgetLossAfterVsTestError, double forgetLossIncreaseVsTestError,
            double forgetLossAfterVsTrainLoss, double retrainGapVsTestError, double sigmaVsSnr, double sigmaVsTestError,
            double sigmaVsForgetLossIncrease, double bound10RatioVsSnr, double bound11RatioVsSnr,
            double bound10RatioVsD, double bound11RatioVsD) {
    }

    /**
     * Coherence and the thresholds of Theorems 2.2-2.4 over the grid.
     *
     * @param spearman the rank correlations over all cells
     * @param sigmaOverPairsLowestSnrQuarter sigma / (n_r n_f) averaged over the lowest-SNR quarter of cells
     * @param sigmaOverPairsHighestSnrQuarter the same over the highest-SNR quarter
     * @param ranges per metric of {@link #RANGE_METRICS}, its range of cell means
     * @param condition7Fraction the fraction of repeats in which (7) holds
     * @param condition8Fraction the fraction in which (8) holds
     */
    public record Coherence(Spearman spearman, double sigmaOverPairsLowestSnrQuarter,
            double sigmaOverPairsHighestSnrQuarter, Map<Fig2Metric, Range> ranges, double condition7Fraction,
            double condition8Fraction) {
        /** Copies the map. */
        public Coherence {
            ranges = Collections.unmodifiableMap(new EnumMap<>(ranges));
        }

        /**
         * @param metric a metric of {@link #RANGE_METRICS}
         * @return its range of cell means
         */
        public Range range(Fig2Metric metric) {
            return found(ranges.get(metric), metric);
        }
    }

    /**
     * The flatness test of sigma against ||mu|| below the transition ({@link #flatness}).
     *
     * @param tested rows (values of d) tested
     * @param flat rows found flat
     * @param spearman the range of the rows' rank correlations
     */
    public record Flatness(int tested, int flat, Range spearman) {
    }

    /** A finding kept per metric is only looked up for the metrics it is kept for: any other is a coding error. */
    private static <T> T found(@Nullable T value, Fig2Metric metric) {
        if (value == null) {
            throw new IllegalArgumentException("no finding kept for " + metric.key());
        }
        return value;
    }

    /**
     * @param cells the grid cells
     * @return the findings
     */
    public static Fig2Findings of(List<CellSummary> cells) {
        List<CellSummary> mem = select(cells, c -> c.mean(Fig2Metric.TRAIN_LOSS) <= LOW_TRAIN_LOSS
                && c.mean(Fig2Metric.TEST_ERROR) >= HIGH_TEST_ERROR);
        List<CellSummary> gen = select(cells, c -> c.mean(Fig2Metric.TEST_ERROR) <= LOW_TEST_ERROR);
        // The looser reading of "low training loss": the training set is interpolated (error ~ 0).
        List<CellSummary> interpolating = select(cells, c -> c.mean(Fig2Metric.TRAIN_ERROR) <= INTERPOLATION_ERROR
                && c.mean(Fig2Metric.TEST_ERROR) >= HIGH_TEST_ERROR);
        Training training = new Training(cells.size(), select(cells, c -> c.mean(Fig2Metric.TRAIN_LOSS)
                <= LOW_TRAIN_LOSS).size(), max(cells, Fig2Metric.TRAIN_LOSS), max(cells, Fig2Metric.TRAIN_ERROR));
        Map<Fig2Metric, RegionMeans> means = new EnumMap<>(Fig2Metric.class);
        for (Fig2Metric m : REGION_METRICS) {
            means.put(m, new RegionMeans(average(mem, m), average(gen, m)));
        }
        Map<Fig2Metric, RegionMeans> ci95 = new EnumMap<>(Fig2Metric.class);
        for (Fig2Metric m : FORGET_METRICS) {
            ci95.put(m, new RegionMeans(halfWidth(mem, m), halfWidth(gen, m)));
        }
        Overlap memorisation = overlap("jaccardMemorisationVsTopForgetLoss", cells, mem, Fig2Metric.TRAIN_LOSS,
                LOW_TRAIN_LOSS);
        Overlap interpolation = overlap("jaccardInterpolatingMemorisationVsTopForgetLoss", cells, interpolating,
                Fig2Metric.TRAIN_ERROR, INTERPOLATION_ERROR);
        return new Fig2Findings(training, new Regions(mem, gen, means, ci95), memorisation, interpolation,
                coherence(cells), flatness(cells));
    }

    /** The key stem names the bootstrap streams: "After" and "Increase" are appended, as in the JSON keys. */
    private static Overlap overlap(String stem, List<CellSummary> cells, List<CellSummary> region, Fig2Metric fit,
            double fitLevel) {
        return new Overlap(region.size(), average(region, Fig2Metric.FORGET_LOSS_AFTER),
                average(region, Fig2Metric.FORGET_LOSS_INCREASE),
                jaccardInterval(stem + "After", cells, region, fit, fitLevel, Fig2Metric.FORGET_LOSS_AFTER),
                jaccardInterval(stem + "Increase", cells, region, fit, fitLevel, Fig2Metric.FORGET_LOSS_INCREASE));
    }

    private static Coherence coherence(List<CellSummary> cells) {
        double[] snr = column(cells, Fig2Metric.SNR);
        double[] testError = column(cells, Fig2Metric.TEST_ERROR);
        double[] sigma = column(cells, Fig2Metric.SIGMA);
        double[] increase = column(cells, Fig2Metric.FORGET_LOSS_INCREASE);
        double[] after = column(cells, Fig2Metric.FORGET_LOSS_AFTER);
        double[] bound10 = column(cells, Fig2Metric.BOUND10_RATIO);
        double[] bound11 = column(cells, Fig2Metric.BOUND11_RATIO);
        double[] d = cells.stream().mapToDouble(CellSummary::d).toArray();
        Spearman spearman = new Spearman(RankCorrelation.spearman(after, testError),
                RankCorrelation.spearman(increase, testError),
                RankCorrelation.spearman(after, column(cells, Fig2Metric.TRAIN_LOSS)),
                RankCorrelation.spearman(column(cells, Fig2Metric.RETRAIN_GAP), testError),
                RankCorrelation.spearman(sigma, snr), RankCorrelation.spearman(sigma, testError),
                RankCorrelation.spearman(sigma, increase), RankCorrelation.spearman(bound10, snr),
                RankCorrelation.spearman(bound11, snr), RankCorrelation.spearman(bound10, d),
                RankCorrelation.spearman(bound11, d));
        List<CellSummary> bySnr = new ArrayList<>(cells);
        bySnr.sort(Comparator.comparingDouble(c -> c.mean(Fig2Metric.SNR)));
        int quarter = Math.max(1, bySnr.size() / 4);
        Map<Fig2Metric, Range> ranges = new EnumMap<>(Fig2Metric.class);
        for (Fig2Metric m : RANGE_METRICS) {
            ranges.put(m, new Range(min(cells, m), max(cells, m)));
        }
        return new Coherence(spearman, average(bySnr.subList(0, quarter), Fig2Metric.SIGMA_OVER_PAIRS),
                average(bySnr.subList(bySnr.size() - quarter, bySnr.size()), Fig2Metric.SIGMA_OVER_PAIRS), ranges,
                average(cells, Fig2Metric.CONDITION7), average(cells, Fig2Metric.CONDITION8));
    }

    /**
     * The flatness test of sigma against ||mu|| below the transition: at each d, over the cells whose mean test
     * error is at least {@link #HIGH_TEST_ERROR} (at least {@link #FLATNESS_CELLS} of them), Spearman's rank
     * correlation of sigma with ||mu||; flat when |rho_s| is below the large-sample two-sided 5 % critical value
     * Z95 / sqrt(k - 1) for k cells (no monotone trend detectable at the 5 % level).
     */
    private static Flatness flatness(List<CellSummary> cells) {
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
        return new Flatness(tested, flat, new Range(lo, hi));
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

    /**
     * The 95 % interval of a Jaccard index with each cell's repeat-to-repeat spread carried through: a parametric
     * bootstrap that draws every cell's means of the fitting metric, the test error and the forget metric
     * independently from N(mean, sd^2 / repeats), re-forms the region (fit &lt;= fitLevel, test error &gt;=
     * {@link #HIGH_TEST_ERROR}) and its top cells, and takes the 2.5 % and 97.5 % points of the
     * {@link #BOOTSTRAP_DRAWS} indices (draws with an empty region are left out; NaN when all are), beside the
     * index of the measured region. The key names the bootstrap stream.
     */
    private static Interval jaccardInterval(String key, List<CellSummary> cells, List<CellSummary> region,
            Fig2Metric fit, double fitLevel, Fig2Metric forget) {
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
        return new Interval(jaccard(cells, region, forget),
                kept == 0 ? Double.NaN : sorted[(int) Math.floor(LOW_QUANTILE * (kept - 1))],
                kept == 0 ? Double.NaN : sorted[(int) Math.ceil(HIGH_QUANTILE * (kept - 1))]);
    }

    /**
     * @return the findings as the JSON object of fig2.json: every number under its documented key (counts of cells
     *     as integers; undefined numbers as null)
     */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("cells", training.cells());
        n.put("cellsWithTrainLossAtMost0.1", training.lowLossCells());
        JsonNumbers.put(n, "maxMeanTrainLoss", training.maxMeanTrainLoss());
        JsonNumbers.put(n, "maxMeanTrainError", training.maxMeanTrainError());
        n.put("memorisationCells", regions.memorisation().size());
        n.put("generalisationCells", regions.generalisation().size());
        for (Fig2Metric m : REGION_METRICS) {
            JsonNumbers.put(n, m.key() + "InMemorisation", regions.mean(m).memorisation());
            JsonNumbers.put(n, m.key() + "InGeneralisation", regions.mean(m).generalisation());
        }
        for (Fig2Metric m : FORGET_METRICS) {
            JsonNumbers.put(n, m.key() + "InMemorisationCi95", regions.halfWidth(m).memorisation());
            JsonNumbers.put(n, m.key() + "InGeneralisationCi95", regions.halfWidth(m).generalisation());
        }
        Spearman rho = coherence.spearman();
        JsonNumbers.put(n, "spearmanForgetLossAfterVsTestError", rho.forgetLossAfterVsTestError());
        JsonNumbers.put(n, "spearmanForgetLossIncreaseVsTestError", rho.forgetLossIncreaseVsTestError());
        JsonNumbers.put(n, "spearmanForgetLossAfterVsTrainLoss", rho.forgetLossAfterVsTrainLoss());
        JsonNumbers.put(n, "spearmanRetrainGapVsTestError", rho.retrainGapVsTestError());
        putJaccard(n, "jaccardMemorisationVsTopForgetLoss", overlap);
        n.put("interpolatingMemorisationCells", interpolating.cells());
        JsonNumbers.put(n, "forgetLossAfterInInterpolatingMemorisation", interpolating.forgetLossAfter());
        JsonNumbers.put(n, "forgetLossIncreaseInInterpolatingMemorisation", interpolating.forgetLossIncrease());
        putJaccard(n, "jaccardInterpolatingMemorisationVsTopForgetLoss", interpolating);
        JsonNumbers.put(n, "spearmanSigmaVsSnr", rho.sigmaVsSnr());
        JsonNumbers.put(n, "spearmanSigmaVsTestError", rho.sigmaVsTestError());
        JsonNumbers.put(n, "spearmanSigmaVsForgetLossIncrease", rho.sigmaVsForgetLossIncrease());
        JsonNumbers.put(n, "sigmaOverPairsLowestSnrQuarter", coherence.sigmaOverPairsLowestSnrQuarter());
        JsonNumbers.put(n, "sigmaOverPairsHighestSnrQuarter", coherence.sigmaOverPairsHighestSnrQuarter());
        putRange(n, Fig2Metric.BOUND10_RATIO);
        JsonNumbers.put(n, "spearmanLambdaMaxSOverBound10VsSnr", rho.bound10RatioVsSnr());
        putRange(n, Fig2Metric.BOUND11_RATIO);
        JsonNumbers.put(n, "spearmanMaxLambdaMaxDrfOverBound11VsSnr", rho.bound11RatioVsSnr());
        JsonNumbers.put(n, "spearmanLambdaMaxSOverBound10VsD", rho.bound10RatioVsD());
        JsonNumbers.put(n, "spearmanMaxLambdaMaxDrfOverBound11VsD", rho.bound11RatioVsD());
        List<Fig2Metric> rest = RANGE_METRICS.subList(2, RANGE_METRICS.size());
        int dynamics = rest.indexOf(Fig2Metric.NEGATIVE_COUNT_A);
        rest.subList(0, dynamics).forEach(m -> putRange(n, m));
        JsonNumbers.put(n, "condition7Fraction", coherence.condition7Fraction());
        JsonNumbers.put(n, "condition8Fraction", coherence.condition8Fraction());
        rest.subList(dynamics, rest.size()).forEach(m -> putRange(n, m));
        // Written as doubles (3.0), as fig2.json has always had them.
        JsonNumbers.put(n, "sigmaVsMuBelowTransitionTested", flatness.tested());
        JsonNumbers.put(n, "sigmaVsMuBelowTransitionFlat", flatness.flat());
        JsonNumbers.put(n, "spearmanSigmaVsMuBelowTransitionMin", flatness.spearman().min());
        JsonNumbers.put(n, "spearmanSigmaVsMuBelowTransitionMax", flatness.spearman().max());
        return n;
    }

    private void putRange(ObjectNode n, Fig2Metric metric) {
        JsonNumbers.put(n, metric.key() + "Min", coherence.range(metric).min());
        JsonNumbers.put(n, metric.key() + "Max", coherence.range(metric).max());
    }

    private static void putJaccard(ObjectNode n, String stem, Overlap region) {
        putInterval(n, stem + "After", region.topForgetLossAfter());
        putInterval(n, stem + "Increase", region.topForgetLossIncrease());
    }

    private static void putInterval(ObjectNode n, String key, Interval interval) {
        JsonNumbers.put(n, key, interval.index());
        JsonNumbers.put(n, key + "Ci95Low", interval.low());
        JsonNumbers.put(n, key + "Ci95High", interval.high());
    }
}
