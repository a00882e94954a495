package org.unlearnstability.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache key's build fingerprint sees every file of the tool (classes, packaged specs) and nothing else. */
class BuildFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void anyChangedClassChangesTheFingerprintAndAJarMatchesItsFolder() throws IOException {
        Path classes = dir.resolve("classes");
        write(classes.resolve("org/unlearnstability/a/A.class"), "a");
        write(classes.resolve("org/unlearnstability/b/B.class"), "b");
        String original = BuildFingerprint.of(classes);

        write(classes.resolve("org/other/C.class"), "another library");
        write(classes.resolve("META-INF/x.txt"), "not the tool's");
        assertEquals(original, BuildFingerprint.of(classes), "only the tool's files count");

        assertEquals(original, BuildFingerprint.of(jar(dir.resolve("tool.jar"), "a", "b")),
                "a jar of the same classes has the same fingerprint");

        write(classes.resolve("org/unlearnstability/b/B.class"), "b changed");
        String changedClass = BuildFingerprint.of(classes);
        assertNotEquals(original, changedClass, "a changed class must change the fingerprint");
        write(classes.resolve("org/unlearnstability/theory/claims/c.json"), "{}");
        assertNotEquals(changedClass, BuildFingerprint.of(classes), "a packaged spec must change the fingerprint");
    }

    @Test
    void theRunningCodeHasAFingerprint() {
        assertTrue(BuildFingerprint.current().matches("[0-9a-f]{64}"), BuildFingerprint.current());
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Path jar(Path file, String a, String b) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            // Entries out of name order, as a shaded jar may hold them.
            jar.putNextEntry(new JarEntry("org/unlearnstability/b/B.class"));
            jar.write(b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.putNextEntry(new JarEntry("org/unlearnstability/a/A.class"));
            jar.write(a.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.putNextEntry(new JarEntry("META-INF/x.txt"));
            jar.write(1);
        }
        return file;
    }
}
