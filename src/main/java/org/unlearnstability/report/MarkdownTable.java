package org.unlearnstability.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A GitHub-flavoured Markdown table for the report pages (claims.md, tightness.md, fig1.md). Cell text
 * is escaped so that it cannot break the table: a pipe becomes {@code \|}, a backslash before it is kept
 * literal, and a line break becomes {@code <br>}. Columns are padded to a common width so that the raw
 * file reads as a table too. Cells are formatted as in CSV ({@link Double#toString(double)}, empty for
 * null); format numbers yourself (as strings) when fewer digits read better.
 */
public final class MarkdownTable {
    /** The alignment of a column. */
    public enum Align {
        /** Left-aligned (text). */
        LEFT,
        /** Right-aligned (numbers). */
        RIGHT,
        /** Centred (verdicts, flags). */
        CENTER
    }

    private final List<String> header;
    private final Align[] align;
    private final List<List<String>> rows = new ArrayList<>();

    private MarkdownTable(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a Markdown table needs at least one column");
        }
        this.header = header.stream().map(MarkdownTable::escape).toList();
        this.align = new Align[header.size()];
        Arrays.fill(align, Align.LEFT);
    }

    /**
     * @param header the column headings
     * @return an empty table with these columns, all left-aligned
     */
    public static MarkdownTable of(String... header) {
        return new MarkdownTable(Arrays.asList(header));
    }

    /**
     * @param table a result table
     * @return a Markdown table with its columns and rows
     */
    public static MarkdownTable from(CsvTable table) {
        MarkdownTable markdown = new MarkdownTable(table.columns());
        for (int r = 0; r < table.rowCount(); r++) {
            markdown.row(table.row(r).toArray());
        }
        return markdown;
    }

    /**
     * @param column the column index
     * @param alignment its alignment
     * @return this table
     */
    public MarkdownTable align(int column, Align alignment) {
        align[column] = alignment;
        return this;
    }

    /**
     * @param cells one cell per column; numbers as in CSV, null as empty
     * @return this table
     * @throws IllegalArgumentException when the number of cells differs from the number of columns
     */
    public MarkdownTable row(@Nullable Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("Markdown row " + rows.size() + " has " + cells.length
                    + " cells but the table has " + header.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(cell -> escape(CsvTable.format(cell))).toList());
        return this;
    }

    /** @return the table as Markdown lines, each ending with a newline */
    @Override
    public String toString() {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = Math.max(3, header.get(c).length());
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendRow(text, header, width);
        List<String> rule = new ArrayList<>();
        for (int c = 0; c < width.length; c++) {
            rule.add(rule(align[c], width[c]));
        }
        appendRow(text, rule, width);
        for (List<String> row : rows) {
            appendRow(text, row, width);
        }
        return text.toString();
    }

    private void appendRow(StringBuilder text, List<String> cells, int[] width) {
        text.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(width[c] - cell.length());
            text.append(' ');
            text.append(align[c] == Align.RIGHT ? padding + cell : cell + padding);
            text.append(" |");
        }
        text.append('\n');
    }

    private static String rule(Align alignment, int width) {
        return switch (alignment) {
            case LEFT -> ":" + "-".repeat(width - 1);
            case RIGHT -> "-".repeat(width - 1) + ":";
            case CENTER -> ":" + "-".repeat(width - 2) + ":";
        };
    }

    /**
     * @param text raw cell text
     * @return the text made safe for one table cell
     */
    static String escape(String text) {
        return text.replace("\\|", "\\\\|")
                .replace("|", "\\|")
                .replace("\r\n", "<br>")
                .replace("\n", "<br>")
                .replace("\r", "<br>");
    }
}
