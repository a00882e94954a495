package org.unlearnstability.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Something a report names by a key and documents in one line: a column of a CSV/JSON table ({@link Column}), a
 * per-repeat metric, a kind of forget set. The key and the line are declared once, in the constant's entry, and every
 * header, JSON key, Markdown legend and key lookup reads them from there.
 */
public interface Keyed {
    /**
     * The key and its one line of documentation.
     *
     * @param key the CSV header, JSON key or spec value
     * @param doc one line of documentation (Markdown legends, JSON "columns" objects)
     */
    record Entry(String key, String doc) {
    }

    /** @return the key and its documentation */
    Entry entry();

    /** @return the CSV header, JSON key or spec value */
    default String key() {
        return entry().key();
    }

    /** @return one line of documentation */
    default String doc() {
        return entry().doc();
    }

    /**
     * @param items keyed items in report order
     * @return their keys in that order
     */
    static List<String> keys(List<? extends Keyed> items) {
        return items.stream().map(Keyed::key).toList();
    }

    /**
     * @param <K> the keyed type
     * @param items the candidates
     * @param key a key
     * @param what what the items are, for the message
     * @return the item with that key
     * @throws IllegalArgumentException naming the key when none has it
     */
    static <K extends Keyed> K byKey(List<K> items, String key, String what) {
        for (K item : items) {
            if (item.key().equals(key)) {
                return item;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " " + key + " (one of " + keys(items) + ")");
    }

    /**
     * @param items keyed items in report order
     * @return a Markdown list with one line {@code - `key`: doc} per item
     */
    static String legendList(List<? extends Keyed> items) {
        StringBuilder md = new StringBuilder();
        for (Keyed item : items) {
            md.append("- `").append(item.key()).append("`: ").append(item.doc()).append('\n');
        }
        return md.toString();
    }

    /**
     * @param items keyed items in report order
     * @return a Markdown table of key and meaning, one row per item
     */
    static String legendTable(List<? extends Keyed> items) {
        MarkdownTable table = MarkdownTable.of("column", "meaning");
        for (Keyed item : items) {
            table.row("`" + item.key() + "`", item.doc());
        }
        return table.toString();
    }

    /**
     * @param items keyed items in report order
     * @return a JSON object from each key to its documentation
     */
    static ObjectNode docs(List<? extends Keyed> items) {
        ObjectNode docs = JsonNodeFactory.instance.objectNode();
        for (Keyed item : items) {
            docs.put(item.key(), item.doc());
        }
        return docs;
    }
}
