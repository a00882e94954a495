package org.unlearnstability.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Applies the policy to a whole tree, such as one Jackson made from a record: every non-finite number becomes null.
     *
     * @param node the tree, changed in place where it is an object or array
     * @return the tree (a null node when {@code node} itself is a non-finite number)
     */
    public static JsonNode finiteOrNull(JsonNode node) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            return NullNode.getInstance();
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, finiteOrNull(object.get(name)));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, finiteOrNull(array.get(i)));
            }
        }
        return node;
    }
}
