package org.unlearnstability.experiment.claims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.report.OutputDirectory;

/**
 * A stored audit restores exactly the files it stored and the index text, only for the same budget and seed,
 * and never when its manifest or one of its files is missing (an interrupted store).
 */
class StoredAuditTest {
    @TempDir
    Path dir;

    @Test
    void restoresTheStoredFilesAndSummaryForTheSameBudgetAndSeedOnly() throws IOException {
        Path first = dir.resolve("first");
        Path claims = write(first.resolve("claims.md"), "# verdicts\n".getBytes());
        Path png = write(first.resolve("tightness-ratio7.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
        Path counterexample = write(first.resolve("counterexamples/theorem22-divergence.json"), "{}".getBytes());
        Path cache = dir.resolve("cache");
        StoredAudit.of(cache, false, 7).store(first, List.of(claims, png, counterexample), "summary text",
                Map.of("theorem22-divergence", "FAILS"), 12.5);

        Path second = dir.resolve("second");
        Optional<StoredAudit.Manifest> restored = StoredAudit.of(cache, false, 7)
                .restore(OutputDirectory.create(second));
        assertTrue(restored.isPresent());
        assertEquals("summary text", restored.get().summary());
        assertEquals(Map.of("theorem22-divergence", "FAILS"), restored.get().verdicts());
        assertEquals(12.5, restored.get().seconds());
        for (String file : List.of("claims.md", "tightness-ratio7.png", "counterexamples/theorem22-divergence.json")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }

        assertFalse(StoredAudit.of(cache, true, 7).restore(OutputDirectory.create(dir.resolve("q"))).isPresent(),
                "a quick audit is not the full one");
        assertFalse(StoredAudit.of(cache, false, 8).restore(OutputDirectory.create(dir.resolve("s"))).isPresent(),
                "another seed is another audit");
    }

    @Test
    void aStoreWithAMissingFileIsNotRestored() throws IOException {
        Path first = dir.resolve("first");
        Path claims = write(first.resolve("claims.md"), "x".getBytes());
        Path cache = dir.resolve("cache");
        StoredAudit.of(cache, true, 1).store(first, List.of(claims), "s", Map.of(), 1.0);
        try (var files = Files.walk(cache)) {
            for (Path p : files.filter(p -> p.getFileName().toString().equals("claims.md")).toList()) {
                Files.delete(p);
            }
        }
        Path second = dir.resolve("second");
        assertFalse(StoredAudit.of(cache, true, 1).restore(OutputDirectory.create(second)).isPresent());
        assertFalse(Files.exists(second.resolve("claims.md")));
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}
