package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonComparisonTest {
    private static JsonNode json(String text) throws IOException {
        return JsonOutput.mapper().readTree(text);
    }

    private static List<String> paths(String expected, String actual) throws IOException {
        return JsonComparison.compare(json(expected), json(actual), Tolerance.DEFAULT).stream()
                .map(JsonDifference::path).toList();
    }

    @Test
    void identicalDocumentsAndReorderedKeysMatch() throws IOException {
        assertEquals(List.of(),
                paths("{\"a\":1,\"b\":[true,null,\"x\",2.5]}", "{\"b\":[true,null,\"x\",2.5],\"a\":1}"));
    }

    @Test
    void numbersCompareNumericallyAcrossIntegerAndFloatingForms() throws IOException {
        assertEquals(List.of(), paths("{\"a\":1}", "{\"a\":1.0}"));
        assertEquals(List.of(), paths("{\"a\":0}", "{\"a\":1e-13}"));
        assertEquals(List.of("$.a"), paths("{\"a\":0}", "{\"a\":1e-11}"));
        assertEquals(List.of(), paths("{\"a\":1e300}", "{\"a\":1.0000000001e300}"));
        assertEquals(List.of("$.a"), paths("{\"a\":-2.0}", "{\"a\":-2.00000001}"));
    }

    @Test
    void integersMustMatchExactlySoLargeSeedsCannotDrift() throws IOException {
        assertEquals(List.of("$.seed"), paths("{\"seed\":12345678901234}", "{\"seed\":12345678901235}"));
        assertEquals(List.of("$.n"), paths("{\"n\":1000}", "{\"n\":1001}"));
    }

    @Test
    void stringsBooleansAndNullsMustBeEqual() throws IOException {
        assertEquals(List.of("$.v", "$.c", "$.e"),
                paths("{\"v\":\"tie\",\"c\":true,\"e\":null}", "{\"v\":\"Tie\",\"c\":false,\"e\":0}"));
    }

    @Test
    void typeMismatchesKeySetsAndArrayLengthsAreReported() throws IOException {
        List<JsonDifference> differences = JsonComparison.compare(
                json("{\"rows\":[{\"q\":1},{\"q\":2},{\"q\":3}],\"gone\":1,\"obj\":{\"x\":1}}"),
                json("{\"rows\":[{\"q\":1},{\"q\":5}],\"new\":2,\"obj\":[1]}"), Tolerance.DEFAULT);
        assertEquals(List.of("$.rows.length", "$.rows[1].q", "$.gone", "$.obj", "$.new"),
                differences.stream().map(JsonDifference::path).toList());
        assertEquals(JsonDifference.ABSENT, differences.get(2).actual());
        assertEquals(JsonDifference.ABSENT, differences.get(4).expected());
        assertTrue(differences.get(3).reason().contains("expected object, got array"), differences.get(3).reason());
        assertEquals("3", differences.get(0).expected());
        assertEquals("2", differences.get(0).actual());
    }
}
