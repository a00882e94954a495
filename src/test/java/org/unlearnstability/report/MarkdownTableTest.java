package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {
    @Test
    void padsColumnsAndAlignsThem() {
        String table = MarkdownTable.of("claim", "verdict", "cases")
                .align(1, MarkdownTable.Align.CENTER)
                .align(2, MarkdownTable.Align.RIGHT)
                .row("Theorem 2.2", "FAILS", 12)
                .row("Lemma 2.1 (1)", "HOLDS", 100000)
                .toString();
        assertEquals("| claim         | verdict |  cases |\n"
                + "| :------------ | :-----: | -----: |\n"
                + "| Theorem 2.2   | FAILS   |     12 |\n"
                + "| Lemma 2.1 (1) | HOLDS   | 100000 |\n", table);
    }

    @Test
    void escapesPipesAndLineBreaksSoCellsCannotBreakTheTable() {
        String table = MarkdownTable.of("a|b", "c").row("x | y\nz", null).toString();
        assertEquals("| a\\|b        | c   |\n"
                + "| :---------- | :-- |\n"
                + "| x \\| y<br>z |     |\n", table);
        assertEquals("\\\\\\|", MarkdownTable.escape("\\|"));
        assertEquals("a<br>b<br>c", MarkdownTable.escape("a\r\nb\rc"));
    }

    @Test
    void rendersACsvTableWithItsNumbersAsInCsv() {
        CsvTable csv = CsvTable.builder("Q", "ratio7", "note").row(1, Double.POSITIVE_INFINITY, null).build();
        assertEquals("| Q   | ratio7   | note |\n"
                + "| :-- | :------- | :--- |\n"
                + "| 1   | Infinity |      |\n", MarkdownTable.from(csv).toString());
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> MarkdownTable.of("a", "b").row("only one"));
        assertThrows(IllegalArgumentException.class, () -> MarkdownTable.of());
    }
}
