package org.unlearnstability.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares two report directories the way the Spark engine must match the local one: byte for byte, except the
 * lines that state timings.
 */
final class EngineReports {
    /** A timing line states a duration such as "16.4 s" or "58.6 s". */
    private static final Pattern TIMING = Pattern.compile("\\d s\\b");

    private EngineReports() {
    }

    /**
     * @param local the directory of the local run
     * @param spark the directory of the Spark run
     * @param markdown the Markdown files (relative), compared without their timing lines
     * @param exact the files compared byte for byte
     */
    static void assertSame(Path local, Path spark, List<String> markdown, List<String> exact) throws IOException {
        for (String file : markdown) {
            assertEquals(withoutTimings(local.resolve(file)), withoutTimings(spark.resolve(file)), file);
        }
        for (String file : exact) {
            assertArrayEquals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(spark.resolve(file)), file);
        }
    }

    /** @return every file under the directory, relative, sorted */
    static List<String> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> withoutTimings(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !TIMING.matcher(line).find()).toList();
    }
}
