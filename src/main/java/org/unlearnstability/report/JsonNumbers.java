package org.unlearnstability.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one NaN/Infinity policy of every JSON output: a finite double is a number, an infinite or
 * undefined value (an infinite threshold, 0/0) is null. ({@link JsonOutput} rejects a tree that
 * still holds a non-finite number.)
 */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    /**
     * @param node the object
     * @param key the key
     * @param value the number: null in JSON when not finite
     */
    public static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /**
     * @param array the array
     * @param value the number: null in JSON when not finite
     */
    public static void add(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
    }
}
