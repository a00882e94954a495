package org.unlearnstability.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes one file atomically, as the project guide requires of every output: the content goes to a
 * temporary file in the target's own directory (so that the final rename never crosses a file system),
 * is forced to disk, and is then moved over the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 * A reader sees either the old file or the complete new one, never a prefix; when writing fails, the
 * target is left as it was and the temporary file is deleted.
 *
 * <p>Temporary files are named {@code .<target name>.<random>.tmp}. Missing parent directories of the
 * target are created.
 */
public final class AtomicOutput {

    /** Produces the bytes of a file. */
    @FunctionalInterface
    public interface StreamContent {
        /**
         * @param out the stream to write to; closing it is allowed and has no effect
         * @throws IOException when the content cannot be produced
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Produces the text of a file, encoded as UTF-8. */
    @FunctionalInterface
    public interface TextContent {
        /**
         * @param out the writer to write to; closing it is allowed and has no effect
         * @throws IOException when the content cannot be produced
         */
        void writeTo(Writer out) throws IOException;
    }

    private static final int NAME_ATTEMPTS = 16;

    private AtomicOutput() {
    }

    /**
     * @param target the file to write
     * @param text its content, encoded as UTF-8
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param target the file to write
     * @param bytes its content
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        writeStream(target, out -> out.write(bytes));
    }

    /**
     * @param target the file to write
     * @param content writes the text; an exception from it aborts the write and leaves no file behind
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    public static void writeText(Path target, TextContent content) throws IOException {
        writeStream(target, out -> {
            Writer writer = new UnclosableWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(writer);
            writer.flush();
        });
    }

    /**
     * @param target the file to write
     * @param content writes the bytes; an exception from it aborts the write and leaves no file behind
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    public static void writeStream(Path target, StreamContent content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path fileName = absolute.getFileName();
        if (directory == null || fileName == null) {
            throw new IllegalArgumentException("cannot write a file at " + target);
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + target + ": it is a directory");
        }
        Files.createDirectories(directory);
        Path temporary = createTemporary(directory, fileName.toString());
        try {
            fill(temporary, content);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error failure) {
            deleteQuietly(temporary, failure);
            throw failure;
        }
        syncDirectory(directory);
    }

    private static Path createTemporary(Path directory, String name) throws IOException {
        @Nullable FileAlreadyExistsException last = null;
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Path candidate = directory.resolve("." + name + "." + suffix + ".tmp");
            try {
                // CREATE_NEW keeps two concurrent writers apart and applies the usual umask permissions.
                Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException clash) {
                last = clash;
            }
        }
        throw new IOException("no free temporary file name next to " + directory.resolve(name), last);
    }

    private static void fill(Path temporary, StreamContent content) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            OutputStream raw = new UnclosableStream(Channels.newOutputStream(channel));
            BufferedOutputStream buffered = new BufferedOutputStream(raw);
            content.writeTo(buffered);
            buffered.flush();
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path temporary, Throwable failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    private static void syncDirectory(Path directory) {
        // Forcing the directory makes the rename itself durable; some platforms refuse to open a
        // directory for reading, and the write is still atomic without it, so a refusal is ignored.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException refused) {
            return;
        }
    }

    /** Lets content writers close their stream (as try-with-resources does) without closing the channel. */
    private static final class UnclosableStream extends FilterOutputStream {
        UnclosableStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The same for writers: closing flushes the text into the stream but keeps the stream open. */
    private static final class UnclosableWriter extends FilterWriter {
        UnclosableWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
