package org.unlearnstability.definitions.units;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.checkerframework.checker.units.qual.UnknownUnits;
import org.checkerframework.framework.qual.SubtypeOf;

/**
 * A squared curvature: a Frobenius inner product Tr(H_i H_j) of two Hessians (the Gram matrix of
 * Definitions 1-3).
 * Dimension curvature^2 in the units of {@link org.unlearnstability.definitions.units} (checked by the
 * Units Checker in {@code mvn verify}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
@SubtypeOf(UnknownUnits.class)
public @interface CurvatureSquared {
}
