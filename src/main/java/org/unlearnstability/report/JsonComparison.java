package org.unlearnstability.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares a produced JSON document with an expected one, the rule behind {@link GoldenFile}:
 * <ul>
 *   <li>two integers (counts, seeds, sizes) must be equal exactly, since a relative tolerance would let a
 *       large seed drift;</li>
 *   <li>any other two numbers must agree within the {@link Tolerance};</li>
 *   <li>strings, booleans and nulls must be equal;</li>
 *   <li>arrays must have the same length and match elementwise (the common prefix is still compared when
 *       the lengths differ, so one inserted row does not hide the rest);</li>
 *   <li>objects must have the same key set (key order is ignored) and match key by key;</li>
 *   <li>values of different JSON types never match.</li>
 * </ul>
 * Every departure is reported with its JSON path; nothing stops at the first one.
 */
public final class JsonComparison {
    private final Tolerance tolerance;
    private final List<JsonDifference> differences = new ArrayList<>();

    private JsonComparison(Tolerance tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * @param expected the golden document
     * @param actual the produced document
     * @param tolerance the tolerance for non-integer numbers
     * @return every difference, in document order (empty when they match)
     */
    public static List<JsonDifference> compare(JsonNode expected, JsonNode actual, Tolerance tolerance) {
        JsonComparison comparison = new JsonComparison(tolerance);
        comparison.walk("$", expected, actual);
        return List.copyOf(comparison.differences);
    }

    private void walk(String path, JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            compareNumbers(path, expected, actual);
        } else if (expected.getNodeType() != actual.getNodeType()) {
            differ(path, expected, actual, "expected " + typeName(expected) + ", got " + typeName(actual));
        } else if (expected.isArray()) {
            compareArrays(path, expected, actual);
        } else if (expected.isObject()) {
            compareObjects(path, expected, actual);
        } else if (!expected.equals(actual)) {
            differ(path, expected, actual, typeName(expected) + "s differ");
        }
    }

    private void compareNumbers(String path, JsonNode expected, JsonNode actual) {
        if (expected.isIntegralNumber() && actual.isIntegralNumber()) {
            if (!expected.bigIntegerValue().equals(actual.bigIntegerValue())) {
                differ(path, expected, actual, "integers must be equal exactly");
            }
            return;
        }
        double e = expected.doubleValue();
        double a = actual.doubleValue();
        if (!tolerance.accepts(e, a)) {
            double gap = Math.abs(a - e);
            double relative = gap / Math.max(Math.abs(e), Math.abs(a));
            differ(path, expected, actual, String.format("differs by %.3e (relative %.3e) beyond relative %.1e,"
                    + " absolute %.1e", gap, relative, tolerance.relative(), tolerance.absolute()));
        }
    }

    private void compareArrays(String path, JsonNode expected, JsonNode actual) {
        if (expected.size() != actual.size()) {
            differences.add(new JsonDifference(path + ".length", Integer.toString(expected.size()),
                    Integer.toString(actual.size()), "array lengths differ"));
        }
        int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++) {
            walk(path + "[" + i + "]", expected.get(i), actual.get(i));
        }
    }

    private void compareObjects(String path, JsonNode expected, JsonNode actual) {
        for (Iterator<String> keys = expected.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            JsonNode other = actual.get(key);
            if (other == null) {
                differences.add(new JsonDifference(path + "." + key, brief(expected.get(key)), JsonDifference.ABSENT,
                        "key missing from the produced document"));
            } else {
                walk(path + "." + key, expected.get(key), other);
            }
        }
        for (Iterator<String> keys = actual.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!expected.has(key)) {
                differences.add(new JsonDifference(path + "." + key, JsonDifference.ABSENT, brief(actual.get(key)),
                        "key not in the golden file"));
            }
        }
    }

    private void differ(String path, JsonNode expected, JsonNode actual, String reason) {
        differences.add(new JsonDifference(path, brief(expected), brief(actual), reason));
    }

    private static String typeName(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Keeps a whole sub-tree from flooding the report when, say, an object stands where a number was. */
    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
