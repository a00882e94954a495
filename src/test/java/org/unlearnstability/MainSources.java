package org.unlearnstability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The lines of the main Java sources that match a pattern, as "file:line: text", for tests that police the source. */
final class MainSources {
    private MainSources() {
    }

    /**
     * @param pattern what to look for in each line
     * @param file which files to read (of the .java files under src/main/java)
     * @return the matching lines, "file:line: text"
     */
    static List<String> matching(Pattern pattern, Predicate<Path> file) {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            return files.filter(f -> f.toString().endsWith(".java") && file.test(f))
                    .flatMap(f -> hits(f, pattern)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> hits(Path file, Pattern pattern) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size())
                    .filter(i -> pattern.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
