package org.unlearnstability.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;

/** Exact comparisons of Hessians and of rejection messages, shared by the reader and writer tests. */
final class HessianAssertions {
    private HessianAssertions() {
    }

    /** Same representation, bit-identical entries. */
    static void assertSameHessian(Hessian expected, Hessian actual, String where) {
        assertEquals(expected.getClass(), actual.getClass(), where);
        assertEquals(expected.dimension(), actual.dimension(), where);
        if (expected instanceof DenseHessian dense) {
            assertArrayEquals(dense.rows(), ((DenseHessian) actual).rows(), where);
        } else if (expected instanceof DiagonalHessian diagonal) {
            assertArrayEquals(diagonal.diagonal(), ((DiagonalHessian) actual).diagonal(), where);
        } else {
            assertArrayEquals(((FactorHessian) expected).columns(), ((FactorHessian) actual).columns(), where);
        }
    }

    /** Same Hessians in the same order, and every Frobenius product Tr(H_i H_j) bit-identical. */
    static void assertSameFamily(HessianFamily expected, HessianFamily actual) {
        assertEquals(expected.nRetain(), actual.nRetain());
        assertEquals(expected.nForget(), actual.nForget());
        List<Hessian> before = expected.all();
        List<Hessian> after = actual.all();
        for (int i = 0; i < before.size(); i++) {
            assertSameHessian(before.get(i), after.get(i), "sample " + i + " of retain + forget");
            for (int j = 0; j < before.size(); j++) {
                assertEquals(before.get(i).frobeniusInner(before.get(j)), after.get(i).frobeniusInner(after.get(j)),
                        "Tr(H_" + i + " H_" + j + ")");
            }
        }
    }

    /**
     * Asserts a rejection naming the file, set, sample and reason, and that the one-line message is
     * exactly "file: set sample i: reason".
     *
     * @return the exception, for further checks
     */
    static InputException assertRejected(Executable read, String source, String field, int index,
                                         String reasonStart) {
        InputException e = assertThrows(InputException.class, read);
        assertEquals(source, e.source(), "file named");
        assertEquals(field, e.field(), "set or field named");
        assertEquals(index, e.sampleIndex(), "sample index named");
        if (!e.reason().startsWith(reasonStart)) {
            throw new AssertionError("reason \"" + e.reason() + "\" does not start with \"" + reasonStart + "\"");
        }
        String where = field == null ? "" : ": " + field;
        String sample = index < 0 ? "" : (field == null ? ": " : " ") + "sample " + index;
        assertEquals(source + where + sample + ": " + e.reason(), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
        assertInstanceOf(RuntimeException.class, e);
        return e;
    }

    /**
     * @param e a rejection
     * @param label the text just before a number in the reason
     * @return that number
     */
    static double numberAfter(InputException e, String label) {
        String reason = e.reason();
        int start = reason.indexOf(label);
        if (start < 0) {
            throw new AssertionError("reason \"" + reason + "\" has no \"" + label + "\"");
        }
        start += label.length();
        int end = start;
        while (end < reason.length() && "+-.0123456789E".indexOf(reason.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(reason.substring(start, end));
    }
}
