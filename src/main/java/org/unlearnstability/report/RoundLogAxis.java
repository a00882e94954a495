package org.unlearnstability.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.util.FastMath;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis whose ticks fall on round values (1, 2, 5 times a power of ten on short ranges, whole
 * decades on longer ones) instead of LogAxis's evenly spaced exponents, which label a grid such as
 * B in {1, 2, 5, 10, 20, 50} with values like 3.162.
 */
final class RoundLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final double[] DENSE = {1, 2, 3, 4, 5, 6, 8};
    private static final double[] SPARSE = {1, 2, 5};
    private static final double[] DECADE = {1};
    private static final int MAX_DECADE_TICKS = 7;
    /** Relative slack at the ends of the range: a round tick that equals an end up to rounding is kept. */
    private static final double TICK_SLACK = 1e-12;

    /** @param label the axis label */
    RoundLogAxis(String label) {
        super(label);
    }

    @Override
    public List<Tick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        double low = getLowerBound();
        double high = getUpperBound();
        List<Double> values = roundValues(low, high);
        if (values.size() < 2) {
            @SuppressWarnings("unchecked")
            List<Tick> fallback = super.refreshTicks(g2, state, dataArea, edge);
            return fallback;
        }
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor;
        if (vertical) {
            anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        } else {
            anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        }
        List<Tick> ticks = new ArrayList<>();
        for (double value : values) {
            ticks.add(new NumberTick(TickType.MAJOR, value, CompactFormat.text(value), anchor, anchor, 0.0));
        }
        return ticks;
    }

    /**
     * @param low the lower bound, positive
     * @param high the upper bound
     * @return round values inside [low, high], densest pattern that stays readable for the span
     */
    static List<Double> roundValues(double low, double high) {
        List<Double> values = new ArrayList<>();
        if (!(low > 0.0) || !(high > low) || Double.isInfinite(high)) {
            return values;
        }
        double span = FastMath.log10(high / low);
        double[] mantissas = span <= 1.0 ? DENSE : span <= 2.5 ? SPARSE : DECADE;
        int first = (int) Math.floor(FastMath.log10(low));
        int last = (int) Math.ceil(FastMath.log10(high));
        int step = Math.max(1, (int) Math.ceil((last - first) / (double) MAX_DECADE_TICKS));
        for (int exponent = first; exponent <= last; exponent++) {
            if (mantissas == DECADE && Math.floorMod(exponent, step) != 0) {
                continue;
            }
            for (double mantissa : mantissas) {
                // Parse the decimal text so that 3e-1 is exactly the double nearest 0.3.
                double value = Double.parseDouble(mantissa + "e" + exponent);
                if (value >= low * (1 - TICK_SLACK) && value <= high * (1 + TICK_SLACK)) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
