package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir
    Path dir;

    /** A strict RFC 4180 reader: the reference the writer must agree with. */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    char q = csv.charAt(i++);
                    if (q == '"') {
                        if (i < csv.length() && csv.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                char next = csv.charAt(i);
                assertTrue(next == ',' || next == '\n', "quoted field must end at a separator, got '" + next + "'");
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                assertTrue(c != '"' && c != '\r', "unquoted field holds " + (int) c);
                field.append(c);
            }
            i++;
        }
        assertEquals(0, field.length() + record.size(), "the last line must end with a newline");
        return records;
    }

    @Test
    void writesTheHeaderAndTypedCellsAsPandasReadsThem() {
        CsvTable table = CsvTable.builder("Q", "B", "sigma", "etaStar", "ratio7", "mcVerdict", "cond7", "note")
                .row(1, 2L, 0.1, Double.POSITIVE_INFINITY, Double.NaN, "converge", true, null)
                .row(50, 50, 1.0E-5, 2.0, Double.NEGATIVE_INFINITY, "tie", false, "a, \"b\"\nc")
                .build();
        String expected = "Q,B,sigma,etaStar,ratio7,mcVerdict,cond7,note\n"
                + "1,2,0.1,Infinity,NaN,converge,true,\n"
                + "50,50,1.0E-5,2.0,-Infinity,tie,false,\"a, \"\"b\"\"\nc\"\n";
        assertEquals(expected, table.toCsv());
        assertEquals(List.of("50", "50", "1.0E-5", "2.0", "-Infinity", "tie", "false", "a, \"b\"\nc"),
                parse(table.toCsv()).get(2));
    }

    @Test
    void everyDoubleRoundTripsExactlyThroughItsCsvText() {
        qt().forAll(doubles().any()).checkAssert(x -> {
            String text = parse(CsvTable.builder("x").row(x).build().toCsv()).get(1).get(0);
            assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(Double.parseDouble(text)),
                    "x = " + x + " written as " + text);
        });
        for (double special : new double[] {Double.NaN, Double.MIN_VALUE, -0.0, Double.MAX_VALUE}) {
            String text = CsvTable.format(special);
            assertEquals(Double.doubleToLongBits(special), Double.doubleToLongBits(Double.parseDouble(text)));
        }
    }

    @Test
    void anyStringsRoundTripThroughRfc4180Quoting() {
        qt().forAll(lists().of(strings().betweenCodePoints(9, 126).ofLengthBetween(0, 8)).ofSizeBetween(1, 5))
                .checkAssert(cells -> {
                    List<String> columns = new ArrayList<>();
                    for (int c = 0; c < cells.size(); c++) {
                        columns.add("c" + c);
                    }
                    String csv = CsvTable.builder(columns).row(cells).build().toCsv();
                    assertEquals(List.of(columns, cells), parse(csv), "cells " + cells + " written as " + csv);
                });
    }

    @Test
    void aSingleMissingCellIsNotABlankLine() {
        assertEquals("x\n\"\"\n", CsvTable.builder("x").row((Object) null).build().toCsv());
    }

    @Test
    void jsonHasOneObjectPerRowWithNullForNonFiniteDoubles() throws IOException {
        CsvTable table = CsvTable.builder("Q", "eta7", "eta8", "verdict", "cond", "missing")
                .row(5, Double.POSITIVE_INFINITY, 0.25, "diverge", true, null)
                .row(10, Double.NaN, 1.0E-300, "tie", false, null)
                .build();
        ArrayNode json = table.toJson();
        assertEquals(2, json.size());
        JsonNode first = json.get(0);
        assertEquals(List.of("Q", "eta7", "eta8", "verdict", "cond", "missing"),
                toList(first.fieldNames()));
        assertTrue(first.get("Q").isIntegralNumber());
        assertEquals(5, first.get("Q").intValue());
        assertTrue(first.get("eta7").isNull());
        assertEquals(0.25, first.get("eta8").doubleValue());
        assertEquals("diverge", first.get("verdict").textValue());
        assertTrue(first.get("cond").booleanValue());
        assertTrue(first.get("missing").isNull());
        assertTrue(json.get(1).get("eta7").isNull());
        assertEquals(1.0E-300, json.get(1).get("eta8").doubleValue());

        Path file = dir.resolve("t.json");
        table.writeJson(file);
        assertEquals(List.of(), JsonComparison.compare(json, JsonOutput.mapper().readTree(Files.readString(file)),
                Tolerance.EXACT));
        Path csv = dir.resolve("t.csv");
        table.writeCsv(csv);
        assertEquals(table.toCsv(), Files.readString(csv));
    }

    @Test
    void normalizesNumberTypesAndRejectsOthersNamingRowAndColumn() {
        CsvTable table = CsvTable.builder("i", "s", "b", "f").row(3, (short) 4, (byte) 5, 0.5f).build();
        assertEquals(List.of(3L, 4L, 5L, 0.5), table.row(0));
        assertEquals(0.5, table.get(0, "f"));
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> CsvTable.builder("a", "when").row(1, 2).row(1, new java.math.BigDecimal("1.5")));
        assertTrue(wrongType.getMessage().contains("row 1, column 'when'"), wrongType.getMessage());
        IllegalArgumentException wrongCount = assertThrows(IllegalArgumentException.class,
                () -> CsvTable.builder("a", "b").row(1));
        assertTrue(wrongCount.getMessage().contains("row 0 has 1 cells"), wrongCount.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvTable.builder("a", "a"));
        assertThrows(IllegalArgumentException.class, () -> CsvTable.builder());
        assertThrows(IllegalArgumentException.class, () -> table.get(0, "nope"));
    }

    @Test
    void tablesAreImmutable() {
        CsvTable.Builder builder = CsvTable.builder("a").row(1);
        CsvTable table = builder.build();
        builder.row(2);
        assertEquals(1, table.rowCount());
        assertThrows(UnsupportedOperationException.class, () -> table.row(0).set(0, 9L));
        assertEquals(Arrays.asList("a"), table.columns());
    }

    private static List<String> toList(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
