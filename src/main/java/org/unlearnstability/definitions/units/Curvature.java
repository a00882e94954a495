package org.unlearnstability.definitions.units;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.checkerframework.checker.units.qual.UnknownUnits;
import org.checkerframework.framework.qual.SubtypeOf;

/**
 * A curvature: an eigenvalue, trace or Rayleigh quotient of a Hessian (lambda_max(D), lambda_max(D_rf),
 * the drift A of J = I - eta A), the thresholds of (7) and (8), and sqrt(Tr(H_i H_j)).
 * Dimension curvature^1 in the units of {@link org.unlearnstability.definitions.units} (checked by the
 * Units Checker in {@code mvn verify}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
@SubtypeOf(UnknownUnits.class)
public @interface Curvature {
}
