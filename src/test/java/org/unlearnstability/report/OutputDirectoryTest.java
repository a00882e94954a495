package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void writesNestedFilesAndListsThemOnceInOrder() throws IOException {
        OutputDirectory out = OutputDirectory.create(dir.resolve("reports"));
        out.writeString("claims.md", "# Claims\n");
        out.writeBytes("fig1/data.bin", new byte[] {7});
        out.writeText("fig1/fig1.md", w -> w.write("fig"));
        out.writeStream("tightness.csv", s -> s.write('x'));
        out.writeString("claims.md", "# Claims v2\n");
        assertEquals("# Claims v2\n", Files.readString(dir.resolve("reports/claims.md")));
        assertEquals(List.of(Path.of("claims.md"), Path.of("fig1/data.bin"), Path.of("fig1/fig1.md"),
                Path.of("tightness.csv")), out.written());
    }

    @Test
    void subdirectoriesReportTheirFilesToTheTopDirectory() throws IOException {
        OutputDirectory top = OutputDirectory.create(dir);
        OutputDirectory fig1 = top.subdirectory("fig1");
        top.writeString("README.md", "index");
        fig1.writeString("fig1.csv", "Q\n");
        assertEquals(List.of(Path.of("README.md"), Path.of("fig1/fig1.csv")), top.written());
        assertEquals(List.of(Path.of("fig1.csv")), fig1.written());
        assertThrows(IllegalArgumentException.class, () -> top.subdirectory("../x"));
    }

    @Test
    void refusesNamesThatLeaveTheRoot() throws IOException {
        OutputDirectory out = OutputDirectory.create(dir.resolve("reports"));
        assertThrows(IllegalArgumentException.class, () -> out.writeString("../escape.txt", "x"));
        assertThrows(IllegalArgumentException.class, () -> out.writeString("fig1/../../escape.txt", "x"));
        assertThrows(IllegalArgumentException.class, () -> out.writeString(dir.resolve("abs.txt").toString(), "x"));
        assertThrows(IllegalArgumentException.class, () -> out.writeString("", "x"));
        assertThrows(IllegalArgumentException.class, () -> out.writeString(".", "x"));
        assertFalse(Files.exists(dir.resolve("escape.txt")));
        assertThrows(IllegalArgumentException.class, () -> out.record(dir.resolve("elsewhere.png")));
    }

    @Test
    void aFailedFileLeavesTheOthersAndNoTemporary() throws IOException {
        OutputDirectory out = OutputDirectory.create(dir);
        out.writeString("a.txt", "a");
        assertThrows(IllegalStateException.class, () -> out.writeText("b.txt", w -> {
            throw new IllegalStateException("boom");
        }));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("a.txt"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals(List.of(Path.of("a.txt")), out.written());
        assertTrue(Files.isDirectory(out.root()));
    }
}
