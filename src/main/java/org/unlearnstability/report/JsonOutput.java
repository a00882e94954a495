package org.unlearnstability.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.unlearnstability.io.AtomicOutput;

/**
 * The one JSON layout of every report and golden file: Jackson, two-space indentation, {@code \n} line
 * ends on every platform and a final newline, so that files diff cleanly under version control and the
 * same tree always gives the same bytes. Key order is the tree's own order.
 *
 * <p>JSON has no NaN or infinities. Trees built by {@link CsvTable#toJson()} already hold null for them;
 * any other tree holding a non-finite double is rejected here rather than written as a non-standard token.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonOutput() {
    }

    /** @return the mapper that reads report JSON (shared, thread-safe; do not reconfigure it) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param tree a JSON tree
     * @return its text in the report layout, ending with a newline
     * @throws IllegalArgumentException when the tree holds NaN or an infinity
     */
    public static String toText(JsonNode tree) {
        requireFinite(tree, "$");
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException("cannot serialise a JSON tree", impossible);
        }
    }

    /**
     * @param target the file, written atomically
     * @param tree the document
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when the tree holds NaN or an infinity
     */
    public static void write(Path target, JsonNode tree) throws IOException {
        AtomicOutput.writeString(target, toText(tree));
    }

    private static void requireFinite(JsonNode node, String path) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException("JSON cannot hold " + node.doubleValue() + " at " + path
                    + "; write null (or a string) instead");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireFinite(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (var entry : node.properties()) {
                requireFinite(entry.getValue(), path + "." + entry.getKey());
            }
        }
    }
}
