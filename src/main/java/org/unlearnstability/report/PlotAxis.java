package org.unlearnstability.report;

/**
 * An axis of a {@link Heatmap} or {@link LinePlot}: its label, linear or logarithmic scale, whether ticks
 * fall on integers only (batch size B, set size Q, dimension d), and an optional fixed range (NaN bounds
 * mean "fit the data").
 *
 * @param label the axis label, such as {@code "batch size B"}
 * @param log whether the scale is logarithmic (every value drawn on it must then be positive)
 * @param integerTicks whether tick marks fall on integers only
 * @param lower the fixed lower bound, or NaN to fit the data
 * @param upper the fixed upper bound, or NaN to fit the data
 */
public record PlotAxis(String label, boolean log, boolean integerTicks, double lower, double upper) {

    /** Checks that a fixed range is a proper interval (positive on a log axis). */
    public PlotAxis {
        if (Double.isNaN(lower) != Double.isNaN(upper)) {
            throw new IllegalArgumentException("axis '" + label + "': give both range bounds or neither");
        }
        if (!Double.isNaN(lower)) {
            if (!(lower < upper) || Double.isInfinite(lower) || Double.isInfinite(upper)) {
                throw new IllegalArgumentException("axis '" + label + "': range [" + lower + ", " + upper
                        + "] is not a finite interval");
            }
            if (log && !(lower > 0.0)) {
                throw new IllegalArgumentException("axis '" + label + "': a log axis needs a positive range, got ["
                        + lower + ", " + upper + "]");
            }
        }
    }

    /**
     * @param label the axis label
     * @return a linear axis fitted to the data
     */
    public static PlotAxis linear(String label) {
        return new PlotAxis(label, false, false, Double.NaN, Double.NaN);
    }

    /**
     * @param label the axis label
     * @return a linear axis with integer ticks, fitted to the data
     */
    public static PlotAxis integers(String label) {
        return new PlotAxis(label, false, true, Double.NaN, Double.NaN);
    }

    /**
     * @param label the axis label
     * @return a logarithmic axis fitted to the data
     */
    public static PlotAxis log(String label) {
        return new PlotAxis(label, true, false, Double.NaN, Double.NaN);
    }

    /**
     * @param newLower the fixed lower bound
     * @param newUpper the fixed upper bound
     * @return this axis with that range
     */
    public PlotAxis withRange(double newLower, double newUpper) {
        return new PlotAxis(label, log, integerTicks, newLower, newUpper);
    }

    /** @return whether the range is fixed */
    public boolean hasRange() {
        return !Double.isNaN(lower);
    }
}
