package org.unlearnstability.experiment.fig2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import org.unlearnstability.report.JsonNumbers;

/**
 * One grid cell (d, ||mu||) of Figure 2 summarised over its repeats: for every {@link Fig2Metric}
 * the mean and the sample standard deviation (n - 1 in the denominator; undefined for one repeat).
 * A metric that is NaN in any repeat (coherence switched off, 0/0) is NaN in the summary; the
 * {@link Fig2Metric#sampled()} metrics are summarised over the first {@link Fig2Repeat#DYNAMICS_REPEATS} repeats
 * only, where they are computed.
 *
 * @param d the patch dimension
 * @param muNorm ||mu||
 * @param repeats the number of repeats
 * @param mean per metric (by ordinal), the mean
 * @param std per metric (by ordinal), the standard deviation
 */
public record CellSummary(int d, double muNorm, int repeats, double[] mean, double[] std) implements Serializable {

    /**
     * @param d the patch dimension
     * @param muNorm ||mu||
     * @param values per repeat, the metrics by ordinal
     * @return the summary
     */
    public static CellSummary of(int d, double muNorm, double[][] values) {
        int metrics = Fig2Metric.values().length;
        double[] mean = new double[metrics];
        double[] std = new double[metrics];
        for (Fig2Metric metric : Fig2Metric.values()) {
            int k = metric.ordinal();
            int n = metric.sampled() ? Math.min(values.length, Fig2Repeat.DYNAMICS_REPEATS) : values.length;
            double sum = 0.0;
            for (int r = 0; r < n; r++) {
                sum += values[r][k];
            }
            mean[k] = sum / n;
            double squares = 0.0;
            for (int r = 0; r < n; r++) {
                squares += (values[r][k] - mean[k]) * (values[r][k] - mean[k]);
            }
            std[k] = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        }
        return new CellSummary(d, muNorm, values.length, mean, std);
    }

    /**
     * @param metric a metric
     * @return its mean over the repeats
     */
    public double mean(Fig2Metric metric) {
        return mean[metric.ordinal()];
    }

    /**
     * @param metric a metric
     * @return its standard deviation over the repeats
     */
    public double std(Fig2Metric metric) {
        return std[metric.ordinal()];
    }

    /** @return the cell as JSON: d, mu, repeats, then {"mean": .., "std": ..} per metric (null if undefined) */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("d", d);
        node.put("mu", muNorm);
        node.put("repeats", repeats);
        for (Fig2Metric metric : Fig2Metric.values()) {
            ObjectNode value = node.putObject(metric.key());
            JsonNumbers.put(value, "mean", mean(metric));
            JsonNumbers.put(value, "std", std(metric));
        }
        return node;
    }
}
