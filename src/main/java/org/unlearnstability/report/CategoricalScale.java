package org.unlearnstability.report;

import java.awt.Color;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A colour per category; cells hold the category's index in {@link #categories()}. The legend lists the
 * categories in this order.
 *
 * @param categories the categories, at least one, with distinct labels
 */
public record CategoricalScale(List<Category> categories) implements ColourScale {
    /** Copies the list and rejects duplicate labels. */
    public CategoricalScale {
        categories = List.copyOf(categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a categorical scale needs at least one category");
        }
        Set<String> labels = new HashSet<>();
        for (Category category : categories) {
            if (!labels.add(category.label())) {
                throw new IllegalArgumentException("category '" + category.label() + "' appears twice");
            }
        }
    }

    /**
     * @param categories the categories in legend order
     * @return the scale
     */
    public static CategoricalScale of(Category... categories) {
        return new CategoricalScale(Arrays.asList(categories));
    }

    /**
     * @param label a category label
     * @return its index
     * @throws IllegalArgumentException when there is no such category
     */
    public int indexOf(String label) {
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).label().equals(label)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown category '" + label + "'; the scale has "
                + categories.stream().map(Category::label).toList());
    }

    /**
     * @param value a category index, or NaN for a blank cell
     * @return the category's colour, or null for NaN
     * @throws IllegalArgumentException when the value is not a valid index
     */
    @Override
    public @Nullable Color colourOf(double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        int index = (int) value;
        if (index != value || index < 0 || index >= categories.size()) {
            throw new IllegalArgumentException("category index " + value + " is not in 0.." + (categories.size() - 1));
        }
        return categories.get(index).colour();
    }
}
