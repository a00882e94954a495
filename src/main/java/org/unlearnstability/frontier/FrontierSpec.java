package org.unlearnstability.frontier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The grid of a stability frontier: the forget weights alpha and batch sizes B of update (2)
 * (paper, section 2.1) to evaluate, and optionally one learning rate at which rho(T) is reported.
 *
 * @param alphas strictly increasing values in [0, 1]
 * @param batches strictly increasing batch sizes, each at least 1
 * @param eta the learning rate for the rho column, if any
 */
public record FrontierSpec(List<Double> alphas, List<Integer> batches, OptionalDouble eta) {
    /** The default alpha step: 0, 0.1, ..., 1. */
    static final int DEFAULT_ALPHA_STEPS = 10;
    /** The most alphas: each is one reduction of the dynamics (an eigendecomposition on the range). */
    public static final int MAX_ALPHAS = 1_001;
    /** The most batch sizes: each is one etaStar per alpha. */
    public static final int MAX_BATCHES = 1_000;

    /** Copies the lists and checks the grid. */
    public FrontierSpec {
        alphas = List.copyOf(alphas);
        batches = List.copyOf(batches);
        requireSizes(alphas.size(), batches.size());
        requireIncreasing(alphas, 0.0, 1.0, "alphas must increase strictly within [0, 1]: ");
        requireIncreasing(batches, 1.0, Double.POSITIVE_INFINITY, "batch sizes must increase strictly from 1: ");
        if (eta.isPresent() && !(eta.getAsDouble() > 0.0 && Double.isFinite(eta.getAsDouble()))) {
            throw new IllegalArgumentException("eta must be a finite positive number, got " + eta.getAsDouble());
        }
    }

    /**
     * @param alphas strictly increasing values in [0, 1]
     * @param batches strictly increasing batch sizes, each at least 1
     * @param eta the learning rate for the rho column, if any
     * @return the grid
     * @throws IllegalArgumentException when the grid is empty, too large, out of range or not increasing
     */
    public static FrontierSpec of(double[] alphas, int[] batches, OptionalDouble eta) {
        return new FrontierSpec(Arrays.stream(alphas).boxed().toList(), Arrays.stream(batches).boxed().toList(), eta);
    }

    private static void requireSizes(int alphaCount, int batchCount) {
        if (alphaCount == 0 || batchCount == 0) {
            throw new IllegalArgumentException("a frontier needs at least one alpha and one batch size");
        }
        if (alphaCount > MAX_ALPHAS || batchCount > MAX_BATCHES) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a frontier takes at most %,d alphas and %,d batch sizes, got %,d and %,d", MAX_ALPHAS, MAX_BATCHES,
                    alphaCount, batchCount));
        }
    }

    /** The one rule of both axes: every value within [min, max] and above the one before. */
    private static void requireIncreasing(List<? extends Number> values, double min, double max, String rule) {
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i).doubleValue();
            if (!(value >= min && value <= max) || (i > 0 && !(value > values.get(i - 1).doubleValue()))) {
                throw new IllegalArgumentException(rule + values);
            }
        }
    }

    /** @return alpha = 0, 0.1, ..., 1 (each k / 10 exactly rounded) */
    public static double[] defaultAlphas() {
        double[] alphas = new double[DEFAULT_ALPHA_STEPS + 1];
        for (int k = 0; k <= DEFAULT_ALPHA_STEPS; k++) {
            alphas[k] = (double) k / DEFAULT_ALPHA_STEPS;
        }
        return alphas;
    }

    /**
     * @param nRetain n_r
     * @param nForget n_f
     * @return 1, 2, 5, 10, 25, 50, 100, 250, ... below min(n_r, n_f), then min(n_r, n_f) itself
     */
    public static int[] defaultBatches(int nRetain, int nForget) {
        int max = Math.min(nRetain, nForget);
        List<Integer> batches = new ArrayList<>();
        for (long decade = 1; decade < max; decade *= 10) {
            // 1, 2, 5 in the first decade; 10, 25, 50 (a quarter-decade ladder) after it
            long[] steps = decade == 1 ? new long[] {1, 2, 5} : new long[] {decade, decade * 5 / 2, decade * 5};
            for (long b : steps) {
                if (b < max) {
                    batches.add((int) b);
                }
            }
        }
        batches.add(max);
        return batches.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the alphas as an array (the heatmaps' x centres) */
    public double[] alphaValues() {
        return alphas.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return the batch sizes as an array */
    public int[] batchValues() {
        return batches.stream().mapToInt(Integer::intValue).toArray();
    }
}
