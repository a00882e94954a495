package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong(5 * SECOND);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void logStyleWritesOneLinePerIntervalWithRateAndEta() {
        Progress progress = new Progress("fig1", 100, out, Progress.Style.LINES, Duration.ofMinutes(1), now::get);
        for (int i = 0; i < 10; i++) {
            now.addAndGet(5 * SECOND);
            progress.advance();
        }
        assertEquals("", text(), "nothing before the first minute");
        now.addAndGet(10 * SECOND);
        progress.advance(10);
        assertEquals("fig1: 20/100 cells (20.0%), 0.3 cells/s, ETA 4m00s" + System.lineSeparator(), text());
        now.addAndGet(SECOND);
        progress.advance();
        assertEquals(1, text().lines().count(), "a second line only after another minute");
        now.addAndGet(59 * SECOND);
        progress.advance();
        assertEquals(2, text().lines().count());
        assertTrue(text().lines().toList().get(1).startsWith("fig1: 22/100 cells (22.0%), 0.2 cells/s, ETA "),
                text());
    }

    @Test
    void closeWritesTheTotalOnceAndSilencesLaterAdvances() {
        Progress progress = new Progress("audit", 4, out, Progress.Style.LINES, Duration.ofSeconds(1), now::get);
        now.addAndGet(2 * SECOND);
        progress.advance(4);
        progress.close();
        progress.close();
        now.addAndGet(10 * SECOND);
        progress.advance();
        List<String> lines = text().lines().toList();
        assertEquals(List.of("audit: 4/4 cells (100.0%), 2.0 cells/s, ETA 0s", "audit: 4/4 cells in 2s (2.0 cells/s)"),
                lines);
    }

    @Test
    void terminalStyleRedrawsOneLineAndPadsOverLongerText() {
        Progress progress = new Progress("sweep", 1000, out, Progress.Style.REDRAWN, Duration.ofMillis(250),
                now::get);
        now.addAndGet(SECOND);
        progress.advance(999);
        now.addAndGet(SECOND);
        progress.advance();
        progress.close();
        String text = text();
        assertTrue(text.startsWith("\rsweep: 999/1000 cells (99.9%), 999.0 cells/s, ETA 0s"), text);
        assertTrue(text.contains("\rsweep: 1000/1000 cells (100.0%), 500.0 cells/s, ETA 0s"), text);
        String status = "sweep: 1000/1000 cells (100.0%), 500.0 cells/s, ETA 0s";
        String last = "sweep: 1000/1000 cells in 2s (500.0 cells/s)";
        String padding = " ".repeat(status.length() - last.length());
        assertTrue(text.endsWith("\r" + last + padding + System.lineSeparator()),
                "the final line pads over the longer status line: [" + text + "]");
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), "redrawn in place, one newline at the end");
    }

    @Test
    void manyThreadsCountEveryCellAndWriteWholeMonotoneLines() throws InterruptedException {
        AtomicLong ticks = new AtomicLong();
        // Every clock reading moves time on by 1 ms, so lines fall due while the threads race.
        Progress progress = new Progress("par", 80_000, out, Progress.Style.LINES, Duration.ofMillis(50),
                () -> ticks.addAndGet(1_000_000L));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    progress.advance();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        progress.close();
        assertEquals(80_000, progress.done());
        Pattern line = Pattern.compile("par: (\\d+)/80000 cells \\(\\d+\\.\\d%\\), [\\d.]+ cells/s, ETA \\S+");
        List<String> lines = text().lines().toList();
        assertTrue(lines.size() > 10, "expected many progress lines, got " + lines.size());
        long previous = -1;
        for (String text : lines.subList(0, lines.size() - 1)) {
            Matcher matcher = line.matcher(text);
            assertTrue(matcher.matches(), "garbled line: " + text);
            long count = Long.parseLong(matcher.group(1));
            assertTrue(count >= previous, "counts went backwards: " + previous + " then " + count);
            previous = count;
        }
        assertTrue(lines.get(lines.size() - 1).startsWith("par: 80000/80000 cells in "), lines.get(lines.size() - 1));
    }

    @Test
    void formatsDurationsAndRejectsBadArguments() {
        assertEquals("0s", Progress.duration(0.2));
        assertEquals("59s", Progress.duration(59.0));
        assertEquals("1m00s", Progress.duration(60.0));
        assertEquals("59m59s", Progress.duration(3599.0));
        assertEquals("2h05m", Progress.duration(2 * 3600 + 5 * 60 + 30));
        Progress progress = new Progress("x", 10, out, Progress.Style.LINES, Duration.ofSeconds(1), now::get);
        assertEquals("x: 0/10 cells (0.0%), ? cells/s, ETA ?", progress.status(0, now.get()));
        assertThrows(IllegalArgumentException.class, () -> progress.advance(-1));
        assertThrows(IllegalArgumentException.class,
                () -> new Progress("x", -1, out, Progress.Style.LINES, Duration.ofSeconds(1), now::get));
        assertThrows(IllegalArgumentException.class,
                () -> new Progress("x", 1, out, Progress.Style.LINES, Duration.ZERO, now::get));
    }

    @Test
    void stderrOnATerminalIsDetectedWhenOnlyStdoutIsRedirected(@TempDir Path dir)
            throws Exception {
        Path tty = Files.createSymbolicLink(dir.resolve("tty"),
                Path.of("/dev/pts/3"));
        Path file = Files.createSymbolicLink(dir.resolve("file"),
                Path.of("/tmp/log.txt"));
        assertTrue(Progress.stderrIsTerminal(false, "xterm", tty));
        assertTrue(Progress.stderrIsTerminal(false, null, tty));
        assertFalse(Progress.stderrIsTerminal(false, "xterm", file));
        assertTrue(Progress.stderrIsTerminal(true, null, file));
        Path none = dir.resolve("no-proc");
        assertTrue(Progress.stderrIsTerminal(false, "xterm", none));
        assertFalse(Progress.stderrIsTerminal(false, "dumb", none));
        assertFalse(Progress.stderrIsTerminal(false, null, none));
    }
}
