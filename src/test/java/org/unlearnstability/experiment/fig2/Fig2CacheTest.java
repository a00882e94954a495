package org.unlearnstability.experiment.fig2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.OutputDirectory;

/**
 * A Figure 2 rerun of an unchanged spec takes every cell from the cache (no network is trained again), the
 * result is the same as computing afresh, and a changed spec reads none of the cached cells.
 */
class Fig2CacheTest {
    private static final Path QUICK = Path.of("specs", "experiments", "fig2-quick.json");

    @TempDir
    Path dir;

    @Test
    void rerunReadsEveryCellFromTheCacheAndAChangedSpecReadsNone() throws IOException {
        SpecFile file = SpecFile.read(QUICK);
        RunContext context = new RunContext(OutputDirectory.create(dir.resolve("out")), dir.resolve("cache"), 2,
                false);
        JsonNode first = new Fig2Experiment().run(file, context).golden();
        List<Path> cached = cellFiles(dir.resolve("cache"));
        assertEquals(Fig2Computation.cellCount(Fig2Spec.read(QUICK)), cached.size(), cached::toString);
        assertEquals(first, new Fig2Experiment().run(file, context).golden(), "a cached rerun changes the result");

        // Mark every cached cell: a rerun that shows the mark read the cache instead of retraining.
        for (Path cell : cached) {
            ObjectNode tree = (ObjectNode) JsonOutput.mapper().readTree(Files.readString(cell));
            ((ArrayNode) tree.get("mean")).set(0, 123.0);
            Files.writeString(cell, JsonOutput.toText(tree));
        }
        JsonNode marked = new Fig2Experiment().run(file, context).golden();
        for (JsonNode cell : marked.get("cells")) {
            assertEquals(123.0, cell.get("trainLoss").get("mean").asDouble(), cell::toString);
        }

        ObjectNode reseeded = (ObjectNode) file.tree().deepCopy();
        reseeded.put("seed", reseeded.get("seed").asLong() + 1);
        Path changedSpec = dir.resolve("fig2-quick.json");
        JsonOutput.write(changedSpec, reseeded);
        JsonNode fresh = new Fig2Experiment().run(SpecFile.read(changedSpec), context).golden();
        for (JsonNode cell : fresh.get("cells")) {
            assertNotEquals(123.0, cell.get("trainLoss").get("mean").asDouble(), cell::toString);
        }
        assertTrue(cellFiles(dir.resolve("cache")).size() > cached.size(), "the changed spec has its own folder");
    }

    private static List<Path> cellFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
