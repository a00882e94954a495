package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;

/** One declaration per column: header, rows, legend, JSON documentation and key lookup all read it. */
class ColumnTest {
    /** A row of the test table. */
    record Point(String name, double x) {
    }

    /** Columns of the test table. */
    enum PointColumn implements Column<Point> {
        NAME("name", Point::name, "the point's name"),
        X("x", Point::x, "abscissa | with a pipe"),
        FINITE_X("finiteX", null, "abscissa, missing when not finite");

        private final Definition<Point> definition;

        PointColumn(String key, @Nullable Function<Point, @Nullable Object> value, String doc) {
            this.definition = value == null ? Definition.finite(key, Point::x, doc) : Definition.of(key, value, doc);
        }

        @Override
        public Definition<Point> definition() {
            return definition;
        }
    }

    private static final List<PointColumn> COLUMNS = List.of(PointColumn.values());

    @Test
    void tableHeaderAndCellsComeFromTheColumns() {
        CsvTable table = Column.table(COLUMNS, List.of(new Point("a", 1.5), new Point("b", Double.NaN)));
        assertEquals(List.of("name", "x", "finiteX"), table.columns());
        assertEquals("name,x,finiteX\na,1.5,1.5\nb,NaN,\n", table.toCsv());
        assertNull(table.get(1, "finiteX"));
    }

    @Test
    void legendsAndDocsListEveryKeyWithItsLine() {
        assertEquals("- `name`: the point's name\n- `x`: abscissa | with a pipe\n"
                + "- `finiteX`: abscissa, missing when not finite\n", Keyed.legendList(COLUMNS));
        String table = Keyed.legendTable(COLUMNS);
        assertTrue(table.contains("| `x`       | abscissa \\| with a pipe"), table);
        assertEquals("the point's name", Keyed.docs(COLUMNS).get("name").asText());
        assertEquals(List.of("name", "x", "finiteX"), Keyed.keys(COLUMNS));
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() {
        assertEquals(PointColumn.X, Keyed.byKey(COLUMNS, "x", "column"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Keyed.byKey(COLUMNS, "y", "column"));
        assertEquals("unknown column y (one of [name, x, finiteX])", e.getMessage());
    }
}
