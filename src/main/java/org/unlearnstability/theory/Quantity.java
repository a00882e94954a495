package org.unlearnstability.theory;

import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.fraction.BigFraction;

/**
 * A named number of a claim check, with its exact rational value when the check was done in exact
 * arithmetic.
 *
 * @param name what it is, such as {@code "E||w_1||^2"}
 * @param value its value in floating point
 * @param exact its exact value as {@code p / q}, or null when only the floating-point value is known
 */
public record Quantity(String name, double value, @Nullable String exact) implements Serializable {
    /**
     * @param name what it is
     * @param value its exact value
     * @return the quantity with its exact value as {@code p / q}
     */
    public static Quantity exact(String name, BigFraction value) {
        return new Quantity(name, value.doubleValue(), Rationals.text(value));
    }
}
