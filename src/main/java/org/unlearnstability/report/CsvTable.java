package org.unlearnstability.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.io.AtomicOutput;

/**
 * An immutable table of results (one row per cell of a sweep, such as the (Q, B) cells of the tightness
 * grid or the (B, Q, eta, sampler) rows of Figure 1) with named columns and cells that are strings,
 * integers, doubles, booleans or missing. It is written two ways that read back without surprises:
 *
 * <ul>
 *   <li>as CSV ({@link #toCsv()}): RFC 4180 quoting (a field holding a comma, a double quote or a line
 *       break is quoted, quotes doubled), a header line, {@code \n} line ends (RFC 4180 asks for CRLF;
 *       LF keeps committed reports diffable, and pandas and R read both). Doubles are written by
 *       {@link Double#toString(double)}, which round-trips exactly; non-finite doubles as {@code Infinity},
 *       {@code -Infinity} and {@code NaN}, which {@code pandas.read_csv} parses as floats; a missing cell
 *       as an empty field, which pandas reads as NaN (checked with pandas 1.5: integer, float, bool and
 *       object columns come back as written; pass {@code float_precision="round_trip"} to get every
 *       double bit for bit, since pandas' default fast parser may be off in the last digit);</li>
 *   <li>as JSON ({@link #toJson()}): an array with one object per row, keys in column order, where
 *       non-finite doubles become null because JSON cannot hold them (the CSV keeps them).</li>
 * </ul>
 *
 * <p>Integral cells ({@code Integer}, {@code Long}, {@code Short}, {@code Byte}) are held as {@code Long},
 * floating ones ({@code Double}, {@code Float}) as {@code Double}; any other type is rejected when the row
 * is added, naming the row and column. Build with {@link #builder(String...)}.
 */
public final class CsvTable {
    private final List<String> columns;
    private final Map<String, Integer> columnIndex;
    private final List<List<@Nullable Object>> rows;

    private CsvTable(List<String> columns, List<List<@Nullable Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        this.columnIndex = Map.copyOf(index);
    }

    /**
     * @param columns the column names: non-empty, distinct
     * @return a builder for a table with these columns
     */
    public static Builder builder(String... columns) {
        return new Builder(Arrays.asList(columns));
    }

    /**
     * @param columns the column names: non-empty, distinct
     * @return a builder for a table with these columns
     */
    public static Builder builder(List<String> columns) {
        return new Builder(columns);
    }

    /** @return the column names, in order */
    public List<String> columns() {
        return columns;
    }

    /** @return the number of rows */
    public int rowCount() {
        return rows.size();
    }

    /**
     * @param row the row index
     * @return the cells of that row in column order (String, Long, Double, Boolean or null)
     */
    public List<@Nullable Object> row(int row) {
        return Collections.unmodifiableList(rows.get(row));
    }

    /**
     * @param row the row index
     * @param column the column name
     * @return the cell (String, Long, Double, Boolean or null)
     * @throws IllegalArgumentException when there is no such column
     */
    public @Nullable Object get(int row, String column) {
        return rows.get(row).get(indexOf(column));
    }

    /**
     * @param column a column name
     * @return its position
     * @throws IllegalArgumentException when there is no such column
     */
    public int indexOf(String column) {
        Integer index = columnIndex.get(column);
        if (index == null) {
            throw new IllegalArgumentException("no column '" + column + "' in " + columns);
        }
        return index;
    }

    /** @return the table as CSV text: header line, one line per row, each line ending with {@code \n} */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        appendLine(csv, new ArrayList<@Nullable Object>(columns));
        for (List<@Nullable Object> row : rows) {
            appendLine(csv, row);
        }
        return csv.toString();
    }

    /**
     * @param target the CSV file, written atomically
     * @throws IOException when it cannot be written
     */
    public void writeCsv(Path target) throws IOException {
        AtomicOutput.writeString(target, toCsv());
    }

    /** @return the table as a JSON array of row objects; non-finite doubles are null */
    public ArrayNode toJson() {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        ArrayNode array = factory.arrayNode();
        for (List<@Nullable Object> row : rows) {
            ObjectNode object = array.addObject();
            for (int c = 0; c < columns.size(); c++) {
                putJson(object, columns.get(c), row.get(c));
            }
        }
        return array;
    }

    /**
     * @param target the JSON file, written atomically in the {@link JsonOutput} layout
     * @throws IOException when it cannot be written
     */
    public void writeJson(Path target) throws IOException {
        JsonOutput.write(target, toJson());
    }

    /**
     * @param value a cell
     * @return the cell as CSV text before quoting: empty for null, {@link Double#toString(double)} for doubles
     */
    static String format(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return Double.toString(number);
        }
        return value.toString();
    }

    private static void appendLine(StringBuilder csv, List<@Nullable Object> cells) {
        int start = csv.length();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                csv.append(',');
            }
            csv.append(quote(format(cells.get(c))));
        }
        if (csv.length() == start) {
            // A blank line would be skipped by pandas; a quoted empty field still reads as missing.
            csv.append("\"\"");
        }
        csv.append('\n');
    }

    private static String quote(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        if (!needsQuotes) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static void putJson(ObjectNode object, String key, @Nullable Object value) {
        if (value == null) {
            object.putNull(key);
        } else if (value instanceof Double number) {
            JsonNumbers.put(object, key, number);
        } else if (value instanceof Long number) {
            object.put(key, number.longValue());
        } else if (value instanceof Boolean flag) {
            object.put(key, flag.booleanValue());
        } else {
            object.put(key, value.toString());
        }
    }

    /** Collects rows, checking each against the columns as it is added. */
    public static final class Builder {
        private final List<String> columns;
        private final List<List<@Nullable Object>> rows = new ArrayList<>();

        private Builder(List<String> columns) {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("column " + i + " has an empty name");
                }
                if (columns.subList(0, i).contains(name)) {
                    throw new IllegalArgumentException("column name '" + name + "' appears twice");
                }
            }
            this.columns = List.copyOf(columns);
        }

        /**
         * @param cells one cell per column, in column order: String, Integer, Long, Short, Byte, Double, Float,
         *     Boolean or null
         * @return this builder
         * @throws IllegalArgumentException when the count or a type is wrong (names the row and column)
         */
        public Builder row(@Nullable Object... cells) {
            return row(Arrays.asList(cells));
        }

        /**
         * @param cells one cell per column, in column order
         * @return this builder
         * @throws IllegalArgumentException when the count or a type is wrong (names the row and column)
         */
        public Builder row(List<? extends @Nullable Object> cells) {
            int index = rows.size();
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException("row " + index + " has " + cells.size() + " cells but the table has "
                        + columns.size() + " columns " + columns);
            }
            List<@Nullable Object> normalized = new ArrayList<>(cells.size());
            for (int c = 0; c < cells.size(); c++) {
                normalized.add(normalize(cells.get(c), index, columns.get(c)));
            }
            rows.add(normalized);
            return this;
        }

        /** @return the table */
        public CsvTable build() {
            return new CsvTable(columns, rows);
        }

        private static @Nullable Object normalize(@Nullable Object cell, int row, String column) {
            if (cell == null || cell instanceof String || cell instanceof Boolean
                    || cell instanceof Long || cell instanceof Double) {
                return cell;
            }
            if (cell instanceof Integer || cell instanceof Short || cell instanceof Byte) {
                return ((Number) cell).longValue();
            }
            if (cell instanceof Float number) {
                return number.doubleValue();
            }
            throw new IllegalArgumentException("row " + row + ", column '" + column + "': a table cell must be a "
                    + "string, an integer, a double, a boolean or null, got " + cell.getClass().getSimpleName()
                    + " (" + cell + ")");
        }
    }
}
