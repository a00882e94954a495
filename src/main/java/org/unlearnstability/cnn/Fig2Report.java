package org.unlearnstability.cnn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes the Figure 2 reports into one directory: fig2.csv and fig2.json (every cell, mean and std
 * of every metric), fig2.md (the findings with numbers). Every file is written atomically.
 */
public final class Fig2Report {
    private Fig2Report() {
    }

    /**
     * @param result the sweep result
     * @param outDir the directory (created if missing)
     * @throws IOException when a file cannot be written
     */
    public static void write(Fig2Result result, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Fig2Findings findings = Fig2Findings.of(result.cells());
        writeAtomically(outDir.resolve("fig2.csv"), csv(result.cells()));
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        writeAtomically(outDir.resolve("fig2.json"), mapper.writeValueAsString(json(result, findings)) + "\n");
        writeAtomically(outDir.resolve("fig2.md"), Fig2Markdown.of(result, findings));
    }

    /**
     * @param result the sweep result
     * @param findings its findings
     * @return the JSON document: spec, findings, cells, sensitivity runs
     */
    public static ObjectNode json(Fig2Result result, Fig2Findings findings) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("spec", new ObjectMapper().valueToTree(result.spec()));
        ObjectNode numbers = root.putObject("findings");
        for (Map.Entry<String, Double> e : findings.numbers().entrySet()) {
            if (Double.isFinite(e.getValue())) {
                numbers.put(e.getKey(), e.getValue());
            } else {
                numbers.putNull(e.getKey());
            }
        }
        root.set("cells", cells(result.cells()));
        ArrayNode sensitivity = root.putArray("sensitivity");
        for (Fig2Result.SensitivityRun run : result.sensitivity()) {
            ObjectNode node = sensitivity.addObject();
            node.put("initSigma", run.initSigma());
            node.set("cells", cells(run.cells()));
        }
        return root;
    }

    private static ArrayNode cells(List<CellSummary> cells) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (CellSummary c : cells) {
            array.add(c.toJson());
        }
        return array;
    }

    /**
     * @param cells grid cells
     * @return one row per cell: d, mu, repeats, then mean and std of every metric
     */
    public static String csv(List<CellSummary> cells) {
        StringBuilder out = new StringBuilder("d,mu,repeats");
        for (CnnMetric m : CnnMetric.values()) {
            out.append(',').append(m.key()).append("Mean,").append(m.key()).append("Std");
        }
        out.append('\n');
        for (CellSummary c : cells) {
            out.append(c.d()).append(',').append(number(c.muNorm())).append(',').append(c.repeats());
            for (CnnMetric m : CnnMetric.values()) {
                out.append(',').append(number(c.mean(m))).append(',').append(number(c.std(m)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Shortest round-trip decimal; an undefined value is an empty field. */
    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
