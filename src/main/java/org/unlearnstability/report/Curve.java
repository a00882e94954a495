package org.unlearnstability.report;

import java.awt.Color;
import java.util.Arrays;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A named polyline with its colour and stroke: a series of a {@link LinePlot}, or a curve drawn over a
 * {@link Heatmap} such as the Theorem 2.2 boundary (solid), the Theorem 2.3 boundary (dashed) and the
 * exact boundary etaStar = eta of Figure 1. Points are joined in the order given; a NaN coordinate breaks
 * the line (a boundary that leaves the plotted range and comes back). Each curve gets a legend entry.
 *
 * @param name the legend text
 * @param colour the line (and marker) colour
 * @param style the stroke pattern
 * @param width the line width in points, positive
 * @param markers whether each point is marked with a dot
 * @param x the x coordinates
 * @param y the y coordinates, as many as x
 */
public record Curve(String name, Color colour, LineStyle style, float width, boolean markers, double[] x, double[] y) {

    /** The line width of {@link #of}. */
    public static final float DEFAULT_WIDTH = 2.0f;

    /** Copies the coordinates and checks them. */
    public Curve {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a curve needs a name for its legend entry");
        }
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("curve '" + name + "' needs as many x as y coordinates, at least one"
                    + ", got " + x.length + " and " + y.length);
        }
        if (!(width > 0.0f) || Float.isInfinite(width)) {
            throw new IllegalArgumentException("curve '" + name + "': width must be positive, got " + width);
        }
        if (style == LineStyle.NONE && !markers) {
            throw new IllegalArgumentException("curve '" + name + "' has neither a line nor markers");
        }
        x = x.clone();
        y = y.clone();
    }

    /**
     * @param name the legend text
     * @param colour the colour
     * @param style the stroke pattern
     * @param x the x coordinates
     * @param y the y coordinates
     * @return a curve of the default width without markers
     */
    public static Curve of(String name, Color colour, LineStyle style, double[] x, double[] y) {
        return new Curve(name, colour, style, DEFAULT_WIDTH, false, x, y);
    }

    /** @return this curve with a dot at each point */
    public Curve withMarkers() {
        return new Curve(name, colour, style, width, true, x, y);
    }

    /**
     * @param newWidth the line width in points
     * @return this curve with that width
     */
    public Curve withWidth(float newWidth) {
        return new Curve(name, colour, style, newWidth, markers, x, y);
    }

    /** @return a copy of the x coordinates */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** @return a copy of the y coordinates */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** @return the number of points */
    public int size() {
        return x.length;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Curve c && name.equals(c.name) && colour.equals(c.colour) && style == c.style
                && Float.compare(width, c.width) == 0 && markers == c.markers
                && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, colour, style, width, markers, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "Curve[" + name + ", " + style + ", " + x.length + " points]";
    }
}
