package org.unlearnstability.cnn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spearman's rank correlation (Pearson correlation of mid-ranks, ties averaged): how strongly
 * two grid-wide quantities of Figure 2 move together, without assuming a linear relation.
 */
public final class RankCorrelation {
    private RankCorrelation() {
    }

    /**
     * @param x values
     * @param y values of the same length
     * @return Spearman's rho, NaN if either side is constant or contains NaN
     */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("lengths differ: " + x.length + " vs " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                return Double.NaN;
            }
        }
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] v) {
        Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] ranks = new double[v.length];
        int start = 0;
        while (start < v.length) {
            int end = start;
            while (end + 1 < v.length && v[order[end + 1]] == v[order[start]]) {
                end++;
            }
            double mid = (start + end) / 2.0 + 1.0;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = mid;
            }
            start = end + 1;
        }
        return ranks;
    }

    private static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(Double.NaN);
        double my = Arrays.stream(y).average().orElse(Double.NaN);
        double sxy = 0.0;
        double sxx = 0.0;
        double syy = 0.0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0.0 || syy == 0.0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
