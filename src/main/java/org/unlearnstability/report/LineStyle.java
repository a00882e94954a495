package org.unlearnstability.report;

import java.awt.BasicStroke;

/**
 * How a {@link Curve} is stroked. Figure 1 draws the Theorem 2.2 boundary solid, the Theorem 2.3
 * boundary dashed, and the exact mean-square boundary in a third style.
 */
public enum LineStyle {
    /** A continuous line. */
    SOLID,
    /** Dashes. */
    DASHED,
    /** Dots. */
    DOTTED,
    /** No line: markers only (a scatter). */
    NONE;

    /**
     * @param width the line width in points
     * @return the stroke; dash lengths scale with the width so thick lines keep their pattern
     */
    BasicStroke stroke(float width) {
        return switch (this) {
            case SOLID, NONE -> new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
            case DASHED -> new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10.0f,
                    new float[] {4.0f * width + 2.0f, 2.5f * width + 1.0f}, 0.0f);
            case DOTTED -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10.0f,
                    new float[] {0.1f, 2.5f * width}, 0.0f);
        };
    }
}
