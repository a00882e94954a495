package org.unlearnstability.definitions.units;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;
import org.checkerframework.checker.units.UnitsAnnotatedTypeFactory;
import org.checkerframework.checker.units.UnitsRelations;
import org.checkerframework.checker.units.qual.MixedUnits;
import org.checkerframework.checker.units.qual.PolyUnit;
import org.checkerframework.checker.units.qual.UnitsBottom;
import org.checkerframework.checker.units.qual.UnknownUnits;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.treeannotator.ListTreeAnnotator;
import org.checkerframework.framework.type.treeannotator.TreeAnnotator;
import org.checkerframework.javacutil.TreeUtils;

/**
 * The Units Checker's type factory with the paper's units and {@link PaperUnitsRelations} built in (no
 * {@code -Aunits} list to keep in sync), and the scale-free constants 0, +-infinity and NaN typed as bottom:
 * c * 0 = 0 and c * infinity = infinity for every positive scale c, so these numbers have every unit.
 */
public class PaperUnitsAnnotatedTypeFactory extends UnitsAnnotatedTypeFactory {
    /** The units of {@code org.unlearnstability.definitions.units}. */
    static final List<Class<? extends Annotation>> PAPER_UNITS = List.of(
            Curvature.class, InverseCurvature.class, CurvatureSquared.class, InverseCurvatureSquared.class);

    /**
     * @param checker the checker
     */
    @SuppressWarnings("this-escape")
    public PaperUnitsAnnotatedTypeFactory(BaseTypeChecker checker) {
        super(checker);
    }

    @Override
    protected Set<Class<? extends Annotation>> createSupportedTypeQualifiers() {
        Set<Class<? extends Annotation>> qualifiers = new LinkedHashSet<>(super.createSupportedTypeQualifiers());
        qualifiers.addAll(List.of(UnknownUnits.class, MixedUnits.class, UnitsBottom.class, PolyUnit.class));
        qualifiers.addAll(PAPER_UNITS);
        return qualifiers;
    }

    @Override
    protected Map<String, UnitsRelations> getUnitsRel() {
        Map<String, UnitsRelations> relations = super.getUnitsRel();
        relations.computeIfAbsent(PaperUnitsRelations.class.getCanonicalName(),
                name -> new PaperUnitsRelations().init(processingEnv));
        return relations;
    }

    @Override
    public TreeAnnotator createTreeAnnotator() {
        return new ListTreeAnnotator(super.createTreeAnnotator(), new ScaleFreeConstants());
    }

    /** Types 0, +-infinity and NaN (literals and constant fields) as bottom: they fit every unit. */
    private final class ScaleFreeConstants extends TreeAnnotator {
        ScaleFreeConstants() {
            super(PaperUnitsAnnotatedTypeFactory.this);
        }

        @Override
        public Void visitLiteral(LiteralTree tree, AnnotatedTypeMirror type) {
            markIfScaleFree(tree.getValue(), type);
            return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree tree, AnnotatedTypeMirror type) {
            markConstant(tree, type);
            return null;
        }

        @Override
        public Void visitIdentifier(IdentifierTree tree, AnnotatedTypeMirror type) {
            markConstant(tree, type);
            return null;
        }

        private void markConstant(ExpressionTree tree, AnnotatedTypeMirror type) {
            Element element = TreeUtils.elementFromUse(tree);
            if (element instanceof VariableElement variable) {
                markIfScaleFree(variable.getConstantValue(), type);
            }
        }

        private void markIfScaleFree(Object value, AnnotatedTypeMirror type) {
            if (value instanceof Number number && type.getKind().isPrimitive()) {
                double v = number.doubleValue();
                if (v == 0.0 || Double.isInfinite(v) || Double.isNaN(v)) {
                    type.replaceAnnotation(BOTTOM);
                }
            }
        }
    }
}
