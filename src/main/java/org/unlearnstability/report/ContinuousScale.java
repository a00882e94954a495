package org.unlearnstability.report;

import java.awt.Color;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.util.FastMath;

/**
 * A colour ramp over [lower, upper], linear or logarithmic in the value. Values beyond the bounds,
 * including infinities, take the colour of the nearer end (so an infinite ratio shows as "very large");
 * NaN cells are left blank. A diverging scale puts the palette's middle colour at {@code centre}, for
 * instance a ratio eta7/etaStar of 1, where a bound changes from the right side to the wrong one.
 *
 * @param label the colour bar's label
 * @param lower the value at the start of the ramp (positive on a log scale)
 * @param upper the value at the end of the ramp, greater than lower
 * @param log whether positions are taken on log10 of the value
 * @param palette the colour ramp
 * @param centre the value at the middle of the ramp (strictly between the bounds), or NaN for the
 *     midpoint of the (log) range
 */
public record ContinuousScale(String label, double lower, double upper, boolean log, Palette palette, double centre)
        implements ColourScale {

    /** Checks the bounds and the centre. */
    public ContinuousScale {
        if (!(lower < upper) || Double.isInfinite(lower) || Double.isInfinite(upper)) {
            throw new IllegalArgumentException("colour scale '" + label + "': [" + lower + ", " + upper
                    + "] is not a finite interval");
        }
        if (log && !(lower > 0.0)) {
            throw new IllegalArgumentException("colour scale '" + label + "': a log scale needs lower > 0, got "
                    + lower);
        }
        if (!Double.isNaN(centre) && !(centre > lower && centre < upper)) {
            throw new IllegalArgumentException("colour scale '" + label + "': centre " + centre
                    + " is not inside (" + lower + ", " + upper + ")");
        }
    }

    /**
     * @param label the colour bar's label
     * @param lower the lower bound
     * @param upper the upper bound
     * @return a linear viridis scale
     */
    public static ContinuousScale linear(String label, double lower, double upper) {
        return new ContinuousScale(label, lower, upper, false, Palette.VIRIDIS, Double.NaN);
    }

    /**
     * @param label the colour bar's label
     * @param lower the lower bound, positive
     * @param upper the upper bound
     * @return a logarithmic viridis scale
     */
    public static ContinuousScale log(String label, double lower, double upper) {
        return new ContinuousScale(label, lower, upper, true, Palette.VIRIDIS, Double.NaN);
    }

    /**
     * @param label the colour bar's label
     * @param lower the lower bound (positive when log)
     * @param centre the value shown white
     * @param upper the upper bound
     * @param log whether the scale is logarithmic
     * @return a blue-white-red scale centred at {@code centre}
     */
    public static ContinuousScale diverging(String label, double lower, double centre, double upper, boolean log) {
        return new ContinuousScale(label, lower, upper, log, Palette.DIVERGING, centre);
    }

    @Override
    public @Nullable Color colourOf(double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        if (log && value <= 0.0) {
            return palette.at(0.0);
        }
        return palette.at(position(log ? FastMath.log10(value) : value));
    }

    /**
     * @param coordinate a value, or its log10 on a log scale
     * @return its position along the palette, in [0, 1]
     */
    double position(double coordinate) {
        double low = coordinate(lower);
        double high = coordinate(upper);
        double clamped = Math.max(low, Math.min(high, coordinate));
        if (Double.isNaN(centre)) {
            return (clamped - low) / (high - low);
        }
        double middle = coordinate(centre);
        return clamped <= middle
                ? 0.5 * (clamped - low) / (middle - low)
                : 0.5 + 0.5 * (clamped - middle) / (high - middle);
    }

    /**
     * @param value a value
     * @return the coordinate the colour bar's axis uses: log10 of the value on a log scale, else the value
     */
    double coordinate(double value) {
        return log ? FastMath.log10(value) : value;
    }
}
