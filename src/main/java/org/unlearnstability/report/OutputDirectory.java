package org.unlearnstability.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.io.AtomicOutput;

/**
 * A directory of report outputs (for example {@code reports/} or {@code reports/fig1/}) in which every
 * file is written through {@link AtomicOutput}. Files are named by paths relative to the root; a name
 * that would leave the root (an absolute path or one climbing out with {@code ..}) is rejected, so a
 * spec field can never make a report overwrite files elsewhere.
 *
 * <p>Each file is atomic on its own; the directory as a whole is not (a run interrupted between two
 * files leaves the first new and the second old). The list of files written is kept for the report index.
 * Instances are thread-safe.
 */
public final class OutputDirectory {
    private final Path root;
    /** Absolute paths, shared with sub-directories so that the top directory lists every file. */
    private final Set<Path> written;

    private OutputDirectory(Path root, Set<Path> written) {
        this.root = root;
        this.written = written;
    }

    /**
     * @param root the directory, created with its parents when missing
     * @return the output directory
     * @throws IOException when the directory cannot be created
     */
    public static OutputDirectory create(Path root) throws IOException {
        Path normalized = root.toAbsolutePath().normalize();
        Files.createDirectories(normalized);
        return new OutputDirectory(normalized, new LinkedHashSet<>());
    }

    /**
     * Checks, before any computation, that a report directory can be written: it is created with its parents
     * when missing and a probe file is created in it and deleted (this catches a path that is a file, a
     * parent that is a file, a directory without write permission and a read-only file system alike).
     *
     * @param root the directory
     * @return why it cannot be written, or empty when it can
     */
    public static Optional<String> unwritable(Path root) {
        Path normalized = root.toAbsolutePath().normalize();
        if (Files.exists(normalized) && !Files.isDirectory(normalized)) {
            return Optional.of("exists and is not a directory");
        }
        try {
            Files.createDirectories(normalized);
            Path probe = Files.createTempFile(normalized, ".write-probe", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            @Nullable String reason = e instanceof java.nio.file.FileSystemException fs ? fs.getReason() : null;
            if (reason == null) {
                reason = e.getClass().getSimpleName();
            }
            return Optional.of("cannot be written (" + reason + ")");
        }
    }

    /**
     * @param relative a directory name relative to the root, such as {@code "fig1"}
     * @return an output directory there whose files are also listed by this one's {@link #written()}
     * @throws IOException when the directory cannot be created
     * @throws IllegalArgumentException when the name leads outside the root
     */
    public OutputDirectory subdirectory(String relative) throws IOException {
        Path directory = resolve(relative);
        Files.createDirectories(directory);
        return new OutputDirectory(directory, written);
    }

    /** @return the absolute, normalized root directory */
    public Path root() {
        return root;
    }

    /**
     * @param relative a file name relative to the root, such as {@code "fig1/fig1.csv"}
     * @return the absolute path of that file; its parent directories exist afterwards
     * @throws IOException when a parent directory cannot be created
     * @throws IllegalArgumentException when the name is empty, absolute or leads outside the root
     */
    public Path resolve(String relative) throws IOException {
        Path given = Path.of(relative);
        if (relative.isBlank() || given.isAbsolute()) {
            throw new IllegalArgumentException("output name must be a relative file name, got '" + relative + "'");
        }
        Path file = root.resolve(given).normalize();
        Path parent = file.getParent();
        if (!file.startsWith(root) || file.equals(root) || parent == null) {
            throw new IllegalArgumentException("output name '" + relative + "' leads outside " + root);
        }
        Files.createDirectories(parent);
        return file;
    }

    /**
     * @param relative the file name relative to the root
     * @param text the content, as UTF-8
     * @return the file written
     * @throws IOException when it cannot be written (the previous file, if any, is then unchanged)
     */
    public Path writeString(String relative, String text) throws IOException {
        Path file = resolve(relative);
        AtomicOutput.writeString(file, text);
        return record(file);
    }

    /**
     * @param relative the file name relative to the root
     * @param bytes the content
     * @return the file written
     * @throws IOException when it cannot be written (the previous file, if any, is then unchanged)
     */
    public Path writeBytes(String relative, byte[] bytes) throws IOException {
        Path file = resolve(relative);
        AtomicOutput.writeBytes(file, bytes);
        return record(file);
    }

    /**
     * @param relative the file name relative to the root
     * @param content writes the text (UTF-8)
     * @return the file written
     * @throws IOException when it cannot be written (the previous file, if any, is then unchanged)
     */
    public Path writeText(String relative, AtomicOutput.TextContent content) throws IOException {
        Path file = resolve(relative);
        AtomicOutput.writeText(file, content);
        return record(file);
    }

    /**
     * @param relative the file name relative to the root
     * @param content writes the bytes
     * @return the file written
     * @throws IOException when it cannot be written (the previous file, if any, is then unchanged)
     */
    public Path writeStream(String relative, AtomicOutput.StreamContent content) throws IOException {
        Path file = resolve(relative);
        AtomicOutput.writeStream(file, content);
        return record(file);
    }

    /**
     * Records a file that another writer (such as {@link Figure#writePng}) wrote atomically under this root.
     *
     * @param file the file, which must lie under the root
     * @return the file
     */
    public Path record(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        if (!normalized.startsWith(root)) {
            throw new IllegalArgumentException(file + " does not lie under " + root);
        }
        synchronized (written) {
            written.add(normalized);
        }
        return normalized;
    }

    /**
     * @return the files written through this directory or its sub-directories, each once, in the order first
     *     written, relative to the root
     */
    public List<Path> written() {
        synchronized (written) {
            return written.stream().filter(file -> file.startsWith(root)).map(root::relativize).toList();
        }
    }
}
