package org.unlearnstability.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.unlearnstability.io.AtomicOutput;

/**
 * The folders under a cache root (reports/.cache): each cache folder ({@link CellCache}, the stored claims audit)
 * records the {@link BuildFingerprint} that filled it in a file {@value #MARKER}. A folder of another build can
 * never be read again (its key includes the fingerprint), so {@link #pruneOtherBuilds} deletes it; without
 * that, folders of old builds would pile up for ever.
 */
public final class CacheFolders {
    /** The file naming the build that filled a cache folder. */
    static final String MARKER = ".build";

    private CacheFolders() {
    }

    /**
     * @param folder a cache folder, created when missing
     * @throws UncheckedIOException when it cannot be written
     */
    public static void mark(Path folder) {
        try {
            Path marker = folder.resolve(MARKER);
            if (!Files.isRegularFile(marker)) {
                Files.createDirectories(folder);
                AtomicOutput.writeString(marker, BuildFingerprint.current() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache folder " + folder, e);
        }
    }

    /**
     * Deletes every folder under the root not marked with the running build (folders of older versions of the
     * tool carry no marker and are deleted too).
     *
     * @param root the cache root (absent: nothing to do)
     * @return the folders deleted
     * @throws IOException when a folder cannot be deleted
     */
    public static List<Path> pruneOtherBuilds(Path root) throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return deleted;
        }
        String current = BuildFingerprint.current();
        List<Path> folders;
        try (Stream<Path> listing = Files.list(root)) {
            folders = listing.filter(Files::isDirectory).sorted().toList();
        }
        for (Path folder : folders) {
            Path marker = folder.resolve(MARKER);
            boolean ours = Files.isRegularFile(marker)
                    && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(current);
            if (!ours) {
                deleteTree(folder);
                deleted.add(folder);
            }
        }
        return deleted;
    }

    /**
     * @param root the cache root, deleted with everything in it (absent: nothing to do)
     * @throws IOException when it cannot be deleted
     */
    public static void clear(Path root) throws IOException {
        if (Files.exists(root)) {
            deleteTree(root);
        }
    }

    private static void deleteTree(Path top) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
