package org.unlearnstability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Source says what the code does and which part of the paper it implements, never which work item brought it:
 * issue numbers mean nothing to the next reader and go stale. Checks the main sources for them.
 */
class IssueReferencesTest {
    private static final Pattern ISSUE = Pattern.compile("(?i)\\bissues?\\s*#?\\d+");

    @Test
    void mainSourcesNameNoIssueNumbers() throws IOException {
        List<String> hits;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            hits = files.filter(f -> f.toString().endsWith(".java")).flatMap(IssueReferencesTest::hits).toList();
        }
        assertEquals(List.of(), hits, "issue numbers in main sources");
    }

    @Test
    void theCheckFindsAnIssueNumber() {
        Matcher matcher = ISSUE.matcher(" * The product as it was before Issue 13, one row at a time");
        assertTrue(matcher.find());
    }

    private static Stream<String> hits(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size())
                    .filter(i -> ISSUE.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
