package org.unlearnstability.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.unlearnstability.family.InputException;

/**
 * An experiment spec file (specs/experiments/*.json): its path, its JSON, and the value of its
 * "experiment" field, which selects the {@link Experiment} that runs it. A spec without that field (the
 * Figure 2 specs, whose reader rejects unknown fields) is named by its file: fig2.json and
 * fig2-quick.json run the experiment "fig2". A file named
 * {@code <name>-quick.json} is a quick spec: small enough for {@code mvn verify}, with a golden output
 * in {@code golden/<name>-quick.json}.
 *
 * @param path the file
 * @param tree its JSON
 * @param experiment the value of its "experiment" field
 */
public record SpecFile(Path path, JsonNode tree, String experiment) {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final String QUICK_SUFFIX = "-quick";

    /**
     * @param path a spec file
     * @return the spec
     * @throws InputException when the file is unreadable, not JSON, or has no "experiment" string
     */
    public static SpecFile read(Path path) {
        String source = path.toString();
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readString(path));
        } catch (JsonProcessingException e) {
            throw new InputException(source, null, -1, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(source, null, -1, "cannot read: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InputException(source, null, -1, "not a JSON object");
        }
        JsonNode experiment = tree.get("experiment");
        if (experiment == null) {
            return new SpecFile(path, tree, outputName(baseName(path)));
        }
        if (!experiment.isTextual()) {
            throw new InputException(source, "experiment", -1, "must be a string naming the experiment, e.g. \"fig1\"");
        }
        return new SpecFile(path, tree, experiment.asText());
    }

    /** @return the file name without ".json", such as "fig1-quick" */
    public String baseName() {
        return baseName(path);
    }

    private static String baseName(Path path) {
        Path name = path.getFileName();
        String file = name == null ? path.toString() : name.toString();
        return file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
    }

    private static String outputName(String base) {
        return base.endsWith(QUICK_SUFFIX) ? base.substring(0, base.length() - QUICK_SUFFIX.length()) : base;
    }

    /** @return whether this is a quick spec (its name ends with "-quick") */
    public boolean quick() {
        return baseName().endsWith(QUICK_SUFFIX);
    }

    /** @return the output folder name: the base name without "-quick", such as "fig1" */
    public String outputName() {
        return outputName(baseName());
    }
}
