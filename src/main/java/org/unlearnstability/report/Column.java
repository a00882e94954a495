package org.unlearnstability.report;

import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A column of a report table (fig1.csv, fig3.csv, frontier.csv and their JSON twins), declared once as an enum
 * constant: key, one line of documentation and the extractor of its value from a row. The CSV header and rows
 * ({@link #table}), the JSON keys (from the table), the Markdown legend ({@link Keyed#legendList},
 * {@link Keyed#legendTable}) and, through the table, the golden comparison all come from the constants.
 *
 * @param <R> the row type
 */
public interface Column<R> extends Keyed {
    /**
     * The declaration of a column.
     *
     * @param <R> the row type
     * @param entry the key and its documentation
     * @param value the extractor: the row's value in this column (a string, integer, double, boolean or null)
     */
    record Definition<R>(Entry entry, Function<R, @Nullable Object> value) {
        /**
         * @param <R> the row type
         * @param key the CSV header and JSON key
         * @param value the extractor
         * @param doc one line of documentation
         * @return the declaration
         */
        public static <R> Definition<R> of(String key, Function<R, @Nullable Object> value, String doc) {
            return new Definition<>(new Entry(key, doc), value);
        }

        /**
         * @param <R> the row type
         * @param key the CSV header and JSON key
         * @param value the extractor
         * @param doc one line of documentation
         * @return the declaration of a column whose non-finite doubles are written as missing (empty in CSV)
         */
        public static <R> Definition<R> finite(String key, Function<R, @Nullable Object> value, String doc) {
            return of(key, row -> {
                Object v = value.apply(row);
                return v instanceof Double d && !Double.isFinite(d) ? null : v;
            }, doc);
        }
    }

    /** @return the column's declaration */
    Definition<R> definition();

    @Override
    default Entry entry() {
        return definition().entry();
    }

    /**
     * @param row a row
     * @return its value in this column
     */
    default @Nullable Object of(R row) {
        return definition().value().apply(row);
    }

    /**
     * @param <R> the row type
     * @param columns the columns in order
     * @param rows the rows in order
     * @return the table: header from the keys, one row per row, one cell per column
     */
    static <R> CsvTable table(List<? extends Column<R>> columns, List<R> rows) {
        CsvTable.Builder table = CsvTable.builder(Keyed.keys(columns));
        for (R row : rows) {
            table.row(columns.stream().map(column -> column.of(row)).toList());
        }
        return table.build();
    }
}
