package org.unlearnstability.definitions.units;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.Tree;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import org.checkerframework.checker.units.UnitsVisitor;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.framework.type.AnnotatedTypeMirror;

/**
 * The Units Checker's visitor, plus the check the stock checker lacks: the two operands of a comparison, a sum
 * or a difference must have compatible units (one a subtype of the other; the dimensionless default and the
 * scale-free constants fit everything). Comparing a learning rate with a curvature, as in {@code eta <=
 * lambdaMaxD}, or adding C_r to a curvature is an error.
 */
public class PaperUnitsVisitor extends UnitsVisitor {
    /** The checked operators and their symbols for the message. */
    private static final Map<Tree.Kind, String> CHECKED = Map.of(
            Tree.Kind.PLUS, "+", Tree.Kind.MINUS, "-",
            Tree.Kind.LESS_THAN, "<", Tree.Kind.LESS_THAN_EQUAL, "<=",
            Tree.Kind.GREATER_THAN, ">", Tree.Kind.GREATER_THAN_EQUAL, ">=",
            Tree.Kind.EQUAL_TO, "==", Tree.Kind.NOT_EQUAL_TO, "!=");

    /**
     * @param checker the checker
     */
    public PaperUnitsVisitor(BaseTypeChecker checker) {
        super(checker);
    }

    @Override
    public Void visitBinary(BinaryTree tree, Void p) {
        if (CHECKED.containsKey(tree.getKind())) {
            AnnotatedTypeMirror left = atypeFactory.getAnnotatedType(tree.getLeftOperand());
            AnnotatedTypeMirror right = atypeFactory.getAnnotatedType(tree.getRightOperand());
            if (left.getKind().isPrimitive() && right.getKind().isPrimitive()) {
                AnnotationMirror l = left.getEffectiveAnnotations().iterator().next();
                AnnotationMirror r = right.getEffectiveAnnotations().iterator().next();
                if (!qualHierarchy.isSubtypeQualifiersOnly(l, r) && !qualHierarchy.isSubtypeQualifiersOnly(r, l)) {
                    checker.reportError(tree, "operands.unit.mismatch", CHECKED.get(tree.getKind()), l, r);
                }
            }
        }
        return super.visitBinary(tree, p);
    }
}
