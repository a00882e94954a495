package org.unlearnstability.report;

import java.awt.Color;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Maps the value of a heatmap cell to a colour: either a {@link CategoricalScale} (the value is a category
 * index, as for verdicts) or a {@link ContinuousScale} (the value is a number, as for a ratio or a loss).
 */
public sealed interface ColourScale permits CategoricalScale, ContinuousScale {
    /**
     * @param value a cell value
     * @return its colour, or null when the cell is to be left blank (NaN)
     */
    @Nullable Color colourOf(double value);
}
