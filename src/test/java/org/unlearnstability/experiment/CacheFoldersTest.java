package org.unlearnstability.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache folders of other builds are deleted; those of the running build are kept. */
class CacheFoldersTest {

    @Test
    void foldersOfOtherBuildsArePrunedAndOursKept(@TempDir Path root) throws Exception {
        Path other = Files.createDirectories(root.resolve("fig1-0123456789abcdef"));
        Files.writeString(other.resolve(CacheFolders.MARKER), "0".repeat(64) + "\n");
        Files.writeString(other.resolve("Q000.json"), "{}");
        Path legacy = Files.createDirectories(root.resolve("fig2-fedcba9876543210"));
        Files.writeString(legacy.resolve("cell.json"), "{}");
        CellCache<String> ours = CellCache.open(root, "fig1", "{}", String.class);
        Files.writeString(ours.directory().resolve("Q000.json"), "\"kept\"");

        List<Path> deleted = CacheFolders.pruneOtherBuilds(root);

        assertEquals(List.of(other, legacy), deleted);
        assertFalse(Files.exists(other));
        assertFalse(Files.exists(legacy));
        assertEquals("kept", ours.load("Q000").orElseThrow());
        assertTrue(CacheFolders.pruneOtherBuilds(root).isEmpty(), "a second pass deletes nothing");
        CacheFolders.clear(root);
        assertFalse(Files.exists(root));
    }
}
