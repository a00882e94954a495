package org.unlearnstability.definitions.units;

import java.lang.annotation.Annotation;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.checkerframework.checker.units.UnitsRelations;
import org.checkerframework.checker.units.qual.UnitsBottom;
import org.checkerframework.checker.units.qual.UnknownUnits;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.javacutil.AnnotationBuilder;
import org.checkerframework.javacutil.AnnotationUtils;

/**
 * The algebra of the paper's units: each is a power of curvature (1/eta^2, 1/eta, dimensionless, curvature,
 * curvature^2 for exponents -2..2), a product adds the exponents and a quotient subtracts them. Exponent 0 is the
 * dimensionless default (the checker's unannotated top); a result outside -2..2 is left to the checker's default
 * rule, which makes it mixed. The scale-free constants (bottom: 0, infinity, NaN) stay scale-free.
 */
public final class PaperUnitsRelations implements UnitsRelations {
    /** The units by exponent of curvature, from -2 to 2; index 2 (dimensionless) is the unannotated top. */
    private static final List<Class<? extends Annotation>> BY_EXPONENT = List.of(
            InverseCurvatureSquared.class, InverseCurvature.class, UnknownUnits.class, Curvature.class,
            CurvatureSquared.class);
    private static final int OFFSET = 2;

    private AnnotationMirror[] units = new AnnotationMirror[0];
    private @Nullable AnnotationMirror bottom;

    @Override
    public UnitsRelations init(ProcessingEnvironment env) {
        units = BY_EXPONENT.stream().map(c -> AnnotationBuilder.fromClass(env.getElementUtils(), c))
                .toArray(AnnotationMirror[]::new);
        bottom = AnnotationBuilder.fromClass(env.getElementUtils(), UnitsBottom.class);
        return this;
    }

    @Override
    public @Nullable AnnotationMirror multiplication(AnnotatedTypeMirror lht, AnnotatedTypeMirror rht) {
        return combine(lht, rht, 1);
    }

    @Override
    public @Nullable AnnotationMirror division(AnnotatedTypeMirror lht, AnnotatedTypeMirror rht) {
        return combine(lht, rht, -1);
    }

    /** lht * rht^sign in exponents of curvature; null (the checker's default rule) when not both are ours. */
    private @Nullable AnnotationMirror combine(AnnotatedTypeMirror lht, AnnotatedTypeMirror rht, int sign) {
        if (isBottom(lht) || isBottom(rht)) {
            return bottom;
        }
        Integer left = exponent(lht);
        Integer right = exponent(rht);
        if (left == null || right == null || left == 0 && right == 0) {
            return null;
        }
        int result = left + sign * right;
        return Math.abs(result) <= OFFSET ? units[result + OFFSET] : null;
    }

    private boolean isBottom(AnnotatedTypeMirror type) {
        return bottom != null && type.hasPrimaryAnnotation(bottom);
    }

    private @Nullable Integer exponent(AnnotatedTypeMirror type) {
        for (int i = 0; i < units.length; i++) {
            for (AnnotationMirror anno : type.getPrimaryAnnotations()) {
                if (AnnotationUtils.areSame(anno, units[i])) {
                    return i - OFFSET;
                }
            }
        }
        return null;
    }
}
