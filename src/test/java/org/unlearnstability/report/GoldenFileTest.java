package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenFileTest {
    @TempDir
    Path dir;

    private static JsonNode json(String text) throws IOException {
        return JsonOutput.mapper().readTree(text);
    }

    private static JsonNode cells(double sigma) throws IOException {
        return json("{\"spec\":\"fig1-quick\",\"seed\":12345678901234,\"cells\":[{\"B\":1,\"sigma\":0.5},"
                + "{\"B\":2,\"sigma\":" + sigma + ",\"verdict\":\"diverge\",\"cond7\":true,\"eta7\":null}]}");
    }

    private Path golden(double sigma) throws IOException {
        Path file = dir.resolve("golden/fig1-quick.json");
        JsonOutput.write(file, cells(sigma));
        return file;
    }

    @Test
    void aDifferenceWithinToleranceMatches() throws IOException {
        Path file = golden(0.75);
        GoldenCheck check = GoldenFile.at(file).withUpdate(false).check(cells(0.75 * (1 + 5e-10)));
        assertEquals(GoldenCheck.Outcome.MATCHES, check.outcome(), check.describe());
        assertTrue(check.passed());
    }

    @Test
    void aDifferenceBeyondToleranceIsReportedWithItsPathAndBothValues() throws IOException {
        Path file = golden(0.75);
        double actual = 0.75 * (1 + 3e-9);
        GoldenCheck check = GoldenFile.at(file).withUpdate(false).check(cells(actual));
        assertEquals(GoldenCheck.Outcome.DIFFERS, check.outcome());
        assertFalse(check.passed());
        assertEquals(1, check.differences().size());
        JsonDifference difference = check.differences().get(0);
        assertEquals("$.cells[1].sigma", difference.path());
        assertEquals("0.75", difference.expected());
        assertEquals(Double.toString(actual), difference.actual());
        String text = check.describe();
        assertTrue(text.contains("$.cells[1].sigma: expected 0.75, actual " + actual), text);
        assertTrue(text.contains(GoldenFile.UPDATE_HINT), text);
        AssertionError failure = assertThrows(AssertionError.class,
                () -> GoldenFile.at(file).withUpdate(false).assertMatches(cells(actual)));
        assertTrue(failure.getMessage().contains("$.cells[1].sigma"), failure.getMessage());
        assertEquals(0.75, json(Files.readString(file)).at("/cells/1/sigma").doubleValue(), "golden was rewritten");
    }

    @Test
    void aLooserToleranceAcceptsWhatTheDefaultRejects() throws IOException {
        Path file = golden(0.75);
        GoldenFile loose = GoldenFile.at(file).withUpdate(false).withTolerance(new Tolerance(1e-6, 0.0));
        assertTrue(loose.check(cells(0.75 * (1 + 3e-9))).passed());
        assertFalse(loose.check(cells(0.75 * (1 + 3e-6))).passed());
    }

    @Test
    void aMissingGoldenFileFailsAndSaysHowToCreateItWithoutCreatingIt() throws IOException {
        Path file = dir.resolve("golden/none.json");
        GoldenCheck check = GoldenFile.at(file).withUpdate(false).check(cells(1.0));
        assertEquals(GoldenCheck.Outcome.MISSING, check.outcome());
        assertFalse(check.passed());
        assertTrue(check.describe().contains("mvn verify -Dgolden.update=true"), check.describe());
        assertFalse(Files.exists(file));
        assertThrows(AssertionError.class, () -> GoldenFile.at(file).withUpdate(false).assertMatches(cells(1.0)));
        assertFalse(Files.exists(file));
    }

    @Test
    void updateModeCreatesRewritesAndReportsButLeavesMatchingFilesAlone() throws IOException {
        Path file = dir.resolve("golden/new.json");
        GoldenFile updating = GoldenFile.at(file).withUpdate(true);
        GoldenCheck created = updating.check(cells(1.0));
        assertEquals(GoldenCheck.Outcome.CREATED, created.outcome());
        assertTrue(created.passed());
        assertTrue(created.describe().contains("CREATED"));
        assertEquals(JsonOutput.toText(cells(1.0)), Files.readString(file));

        GoldenCheck rewritten = updating.check(cells(2.0));
        assertEquals(GoldenCheck.Outcome.UPDATED, rewritten.outcome());
        assertEquals(1, rewritten.differences().size());
        assertTrue(rewritten.describe().contains("REWRITTEN"), rewritten.describe());
        assertEquals(2.0, json(Files.readString(file)).at("/cells/1/sigma").doubleValue());

        GoldenCheck unchanged = updating.check(cells(2.0 * (1 + 1e-12)));
        assertEquals(GoldenCheck.Outcome.MATCHES, unchanged.outcome());
        assertEquals(2.0, json(Files.readString(file)).at("/cells/1/sigma").doubleValue(),
                "a match within tolerance must not churn the golden file");
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of("new.json"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void theSystemPropertyAloneSwitchesUpdateModeOn() throws IOException {
        String previous = System.getProperty(GoldenFile.UPDATE_PROPERTY);
        try {
            System.setProperty(GoldenFile.UPDATE_PROPERTY, "false");
            assertFalse(GoldenFile.at(dir.resolve("a.json")).updates());
            System.setProperty(GoldenFile.UPDATE_PROPERTY, "true");
            GoldenFile golden = GoldenFile.at(dir.resolve("a.json"));
            assertTrue(golden.updates());
            assertEquals(GoldenCheck.Outcome.CREATED, golden.assertMatches(cells(1.0)).outcome());
        } finally {
            if (previous == null) {
                System.clearProperty(GoldenFile.UPDATE_PROPERTY);
            } else {
                System.setProperty(GoldenFile.UPDATE_PROPERTY, previous);
            }
        }
    }

    @Test
    void anUnreadableGoldenFileFails() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"cells\": [1, 2");
        GoldenCheck check = GoldenFile.at(file).withUpdate(false).check(cells(1.0));
        assertEquals(GoldenCheck.Outcome.UNREADABLE, check.outcome());
        assertFalse(check.passed());
        assertFalse(check.detail().isEmpty());
    }

    @Test
    void describeListsAtMostFortyDifferences() throws IOException {
        ObjectNode expected = JsonOutput.mapper().createObjectNode();
        ObjectNode actual = JsonOutput.mapper().createObjectNode();
        for (int i = 0; i < 50; i++) {
            expected.put("k" + i, i);
            actual.put("k" + i, i + 1);
        }
        Path file = dir.resolve("many.json");
        JsonOutput.write(file, expected);
        GoldenCheck check = GoldenFile.at(file).withUpdate(false).check(actual);
        assertEquals(50, check.differences().size());
        String text = check.describe();
        assertEquals(GoldenCheck.LISTED, text.lines().filter(l -> l.startsWith("  $.")).count());
        assertTrue(text.endsWith("... and 10 more"), text);
    }
}
