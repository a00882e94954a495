package org.unlearnstability.report;

import org.hipparchus.util.FastMath;

/**
 * One rectangle of a {@link Heatmap}: its extent in data coordinates and its value (a category index for
 * a categorical scale, a number for a continuous one, NaN for a blank cell). Rectangles need not form a
 * regular grid, so a column of cells can follow values such as the coherence sigma that change from one
 * batch size to the next.
 *
 * @param xMin the left edge
 * @param xMax the right edge, greater than xMin
 * @param yMin the bottom edge
 * @param yMax the top edge, greater than yMin
 * @param value the value
 */
public record HeatmapCell(double xMin, double xMax, double yMin, double yMax, double value) {
    /** Rejects empty or non-finite rectangles. */
    public HeatmapCell {
        if (!(xMin < xMax) || Double.isInfinite(xMin) || Double.isInfinite(xMax)
                || !(yMin < yMax) || Double.isInfinite(yMin) || Double.isInfinite(yMax)) {
            throw new IllegalArgumentException("heatmap cell [" + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax
                    + "] is not a finite non-empty rectangle");
        }
    }

    /**
     * The cell edges around grid centres: midpoints between neighbours (geometric midpoints on a log axis),
     * and half a spacing beyond the first and last centre.
     *
     * @param centres strictly increasing centres (positive when log), at least one
     * @param log whether the axis is logarithmic
     * @return {@code centres.length + 1} edges
     */
    public static double[] edges(double[] centres, boolean log) {
        if (centres.length == 0) {
            throw new IllegalArgumentException("a grid axis needs at least one centre");
        }
        double[] c = new double[centres.length];
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(centres[i]) || (log && !(centres[i] > 0.0))) {
                throw new IllegalArgumentException("grid centre " + i + " = " + centres[i]
                        + (log ? " must be finite and positive on a log axis" : " must be finite"));
            }
            c[i] = log ? FastMath.log(centres[i]) : centres[i];
            if (i > 0 && !(c[i] > c[i - 1])) {
                throw new IllegalArgumentException("grid centres must increase strictly, but centre " + i + " = "
                        + centres[i] + " follows " + centres[i - 1]);
            }
        }
        double[] edges = new double[c.length + 1];
        double firstHalf = c.length > 1 ? 0.5 * (c[1] - c[0]) : 0.5;
        double lastHalf = c.length > 1 ? 0.5 * (c[c.length - 1] - c[c.length - 2]) : 0.5;
        edges[0] = c[0] - firstHalf;
        for (int i = 1; i < c.length; i++) {
            edges[i] = 0.5 * (c[i - 1] + c[i]);
        }
        edges[c.length] = c[c.length - 1] + lastHalf;
        if (log) {
            for (int i = 0; i < edges.length; i++) {
                edges[i] = FastMath.exp(edges[i]);
            }
        }
        return edges;
    }
}
