package org.unlearnstability.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesStringsBytesTextAndStreamsAndReplacesExistingFiles() throws IOException {
        Path file = dir.resolve("a.txt");
        AtomicOutput.writeString(file, "first é\n");
        assertEquals("first é\n", Files.readString(file, StandardCharsets.UTF_8));
        AtomicOutput.writeBytes(file, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        AtomicOutput.writeText(file, out -> out.write("text"));
        assertEquals("text", Files.readString(file));
        AtomicOutput.writeStream(file, out -> out.write("stream".getBytes(StandardCharsets.UTF_8)));
        assertEquals("stream", Files.readString(file));
        assertEquals(List.of("a.txt"), names());
    }

    @Test
    void anExceptionInTheCallbackLeavesNoFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("never.csv");
        IllegalStateException thrown = new IllegalStateException("cell 7 failed");
        IllegalStateException caught = assertThrows(IllegalStateException.class,
                () -> AtomicOutput.writeText(file, out -> {
                    out.write("Q,B\n1,2\n");
                    out.flush();
                    throw thrown;
                }));
        assertSame(thrown, caught);
        assertFalse(Files.exists(file));
        assertEquals(List.of(), names());
    }

    @Test
    void anIoExceptionInTheCallbackKeepsThePreviousContent() throws IOException {
        Path file = dir.resolve("kept.json");
        AtomicOutput.writeString(file, "old");
        assertThrows(IOException.class, () -> AtomicOutput.writeStream(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of("kept.json"), names());
    }

    @Test
    void aCallbackMayCloseItsWriterOrStream() throws IOException {
        Path text = dir.resolve("closed.txt");
        AtomicOutput.writeText(text, out -> {
            try (Writer writer = out) {
                writer.write("closed early");
            }
        });
        assertEquals("closed early", Files.readString(text));
        Path bytes = dir.resolve("closed.bin");
        AtomicOutput.writeStream(bytes, out -> {
            out.write(42);
            out.close();
        });
        assertArrayEquals(new byte[] {42}, Files.readAllBytes(bytes));
    }

    @Test
    void createsMissingParentsButRefusesADirectoryTarget() throws IOException {
        Path nested = dir.resolve("reports/fig1/data.csv");
        AtomicOutput.writeString(nested, "x\n");
        assertEquals("x\n", Files.readString(nested));
        assertThrows(IOException.class, () -> AtomicOutput.writeString(dir.resolve("reports"), "x"));
    }

    @Test
    void concurrentWritersOfOneFileLeaveOneCompleteVersion() throws Exception {
        Path file = dir.resolve("shared.txt");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> jobs = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String content = String.valueOf((char) ('a' + t)).repeat(50_000);
                jobs.add(pool.submit(() -> {
                    AtomicOutput.writeString(file, content);
                    return null;
                }));
            }
            for (Future<Void> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
        String content = Files.readString(file);
        assertEquals(50_000, content.length());
        assertEquals(1, content.chars().distinct().count(), "mixed content from two writers");
        assertEquals(List.of("shared.txt"), names());
    }
}
