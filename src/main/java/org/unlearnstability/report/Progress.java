package org.unlearnstability.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Progress of a long sweep (the cells of a figure's grid, the cases of a claim audit) on stderr, in two
 * styles: on a terminal one line redrawn in place, at most a few times a second; otherwise (a log file,
 * CI) one full line per interval, a minute by default, so that logs stay short. Each line reads
 * {@code fig1: 1200/5000 cells (24.0%), 38.5 cells/s, ETA 1m39s}.
 *
 * <p>{@link #advance()} may be called from any number of worker threads; it costs one atomic increment
 * except when a line is due. Lines are only written when a cell completes, so an interval without any
 * completed cell prints nothing. {@link #close()} writes the final line (total time and rate) once.
 */
public final class Progress implements AutoCloseable {
    /** How lines are written. */
    public enum Style {
        /** Redraw one line with a carriage return (a terminal). */
        REDRAWN,
        /** One line per interval (a log). */
        LINES
    }

    /** The interval between lines in {@link Style#LINES} when none is given. */
    public static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    /** The interval between redraws in {@link Style#REDRAWN}. */
    public static final Duration REDRAW_INTERVAL = Duration.ofMillis(250);

    private final String label;
    private final long total;
    private final PrintStream out;
    private final Style style;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private final Object lock = new Object();
    private volatile long nextLineNanos;
    private int lastWidth;
    private boolean closed;

    /**
     * @param label what is being swept, such as {@code "fig1 eta=0.5"}
     * @param total the number of cells, at least 0
     * @param out where lines go
     * @param style redrawn or one line per interval
     * @param interval the time between lines, positive
     * @param clock a nanosecond clock, {@link System#nanoTime()} outside tests
     */
    public Progress(String label, long total, PrintStream out, Style style, Duration interval, LongSupplier clock) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0, got " + total);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("progress interval must be positive, got " + interval);
        }
        this.label = label;
        this.total = total;
        this.out = out;
        this.style = style;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.nextLineNanos = startNanos + intervalNanos;
    }

    /**
     * Whether stderr is an interactive terminal. {@link System#console()} is null as soon as either stdout or
     * stdin is redirected (as in {@code reproduce > log}), so it cannot answer alone: on Linux the target of
     * /proc/self/fd/2 tells (a terminal device, /dev/pts/N or /dev/ttyN); elsewhere a console, or a TERM other
     * than "dumb", counts as a terminal.
     *
     * @param console whether the JVM has a console
     * @param term the TERM environment variable, or null
     * @param stderrLink the /proc link of file descriptor 2
     * @return whether progress may redraw one line in place
     */
    static boolean stderrIsTerminal(boolean console, @Nullable String term, Path stderrLink) {
        if (console) {
            return true;
        }
        try {
            if (Files.isSymbolicLink(stderrLink)) {
                String target = Files.readSymbolicLink(stderrLink).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | SecurityException | UnsupportedOperationException unreadable) {
            // No /proc: fall back on TERM below.
        }
        return term != null && !term.isBlank() && !term.equals("dumb");
    }

    /**
     * Progress on stderr: redrawn when stderr is an interactive terminal ({@link #stderrIsTerminal}), one line
     * a minute otherwise.
     *
     * @param label what is being swept
     * @param total the number of cells
     * @return the progress reporter
     */
    public static Progress onStderr(String label, long total) {
        boolean terminal = stderrIsTerminal(System.console() != null, System.getenv("TERM"),
                Path.of("/proc/self/fd/2"));
        return new Progress(label, total, System.err, terminal ? Style.REDRAWN : Style.LINES,
                terminal ? REDRAW_INTERVAL : LOG_INTERVAL, System::nanoTime);
    }

    /** Records one finished cell; thread-safe. */
    public void advance() {
        advance(1);
    }

    /**
     * Records finished cells; thread-safe.
     *
     * @param cells how many cells finished, at least 0
     */
    public void advance(long cells) {
        if (cells < 0) {
            throw new IllegalArgumentException("cells must be >= 0, got " + cells);
        }
        long count = done.addAndGet(cells);
        long now = clock.getAsLong();
        if (now - nextLineNanos < 0) {
            return;
        }
        synchronized (lock) {
            if (closed || now - nextLineNanos < 0) {
                return;
            }
            nextLineNanos = now + intervalNanos;
            emit(status(Math.max(count, done.get()), now), false);
        }
    }

    /** @return the number of cells finished so far */
    public long done() {
        return done.get();
    }

    /** Writes the final line: cells done, elapsed time and rate. Later calls do nothing. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            long now = clock.getAsLong();
            long count = done.get();
            double seconds = (now - startNanos) / 1e9;
            String line = String.format(Locale.ROOT, "%s: %d/%d cells in %s (%s cells/s)", label, count, total,
                    duration(seconds), rate(count, seconds));
            emit(line, true);
        }
    }

    /**
     * @param count cells done
     * @param now the clock reading
     * @return the status text
     */
    String status(long count, long now) {
        double seconds = (now - startNanos) / 1e9;
        double percent = total == 0 ? 100.0 : 100.0 * count / total;
        String eta;
        if (count == 0 || seconds <= 0.0) {
            eta = "?";
        } else {
            eta = duration((total - Math.min(count, total)) * seconds / count);
        }
        return String.format(Locale.ROOT, "%s: %d/%d cells (%.1f%%), %s cells/s, ETA %s", label, count, total,
                percent, rate(count, seconds), eta);
    }

    private void emit(String line, boolean last) {
        if (style == Style.LINES) {
            out.println(line);
        } else {
            // Pad over the remains of a longer previous line, since a carriage return does not erase.
            String padding = " ".repeat(Math.max(0, lastWidth - line.length()));
            lastWidth = line.length();
            out.print("\r" + line + padding + (last ? System.lineSeparator() : ""));
        }
        out.flush();
    }

    private static String rate(long count, double seconds) {
        return seconds <= 0.0 ? "?" : String.format(Locale.ROOT, "%.1f", count / seconds);
    }

    /**
     * @param seconds a duration
     * @return it as {@code 45s}, {@code 3m07s} or {@code 2h05m}
     */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + "s";
        }
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", whole / 3600, (whole % 3600) / 60);
    }
}
