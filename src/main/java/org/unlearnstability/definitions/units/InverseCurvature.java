package org.unlearnstability.definitions.units;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.checkerframework.checker.units.qual.UnknownUnits;
import org.checkerframework.framework.qual.SubtypeOf;

/**
 * An inverse curvature: a learning rate (eta, eta7, eta8, etaStar, etaCoherenceFree), so that eta times a
 * curvature is dimensionless, as in J = I - eta A.
 * Dimension curvature^-1 in the units of {@link org.unlearnstability.definitions.units} (checked by the
 * Units Checker in {@code mvn verify}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
@SubtypeOf(UnknownUnits.class)
public @interface InverseCurvature {
}
