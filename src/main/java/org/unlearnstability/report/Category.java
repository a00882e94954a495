package org.unlearnstability.report;

import java.awt.Color;

/**
 * One value of a categorical heatmap and its colour, such as the Monte Carlo verdicts of Figure 1
 * (converge in blue, diverge in red, tie in grey).
 *
 * @param label the category's name, shown in the legend
 * @param colour its fill colour
 */
public record Category(String label, Color colour) {
    /** Rejects an empty label. */
    public Category {
        if (label.isEmpty()) {
            throw new IllegalArgumentException("a category needs a non-empty label");
        }
    }
}
