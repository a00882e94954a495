package org.unlearnstability.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unlearnstability.io.AtomicOutput;

/**
 * Cells of a sweep already computed for the same spec and the same code, so that a rerun (or a run
 * resumed after an interruption) recomputes only what is missing. Each cell is one JSON file, written
 * atomically, in {@code <root>/<name>-<key>/}, where the key is a SHA-256 prefix of the
 * {@link BuildFingerprint} of the running classes and the spec's canonical JSON: any change to one of them
 * (a parameter, the seed, any code) selects a fresh folder, so a stale cell is never read (no hand-bumped
 * code version is needed). An unreadable
 * cell file is recomputed.
 *
 * @param <T> the cell type, a Jackson-serialisable record
 */
public final class CellCache<T> {
    private static final Logger LOG = LoggerFactory.getLogger(CellCache.class);
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final Path directory;
    private final Class<T> type;

    private CellCache(Path directory, Class<T> type) {
        this.directory = directory;
        this.type = type;
    }

    /**
     * @param root the cache root, such as reports/.cache
     * @param name the spec's base name
     * @param canonicalSpec the spec as canonical text (same spec, same text)
     * @param type the cell type
     * @param <T> the cell type
     * @return the cache for that spec and code
     */
    public static <T> CellCache<T> open(Path root, String name, String canonicalSpec, Class<T> type) {
        Path directory = root.resolve(name + "-" + key(canonicalSpec));
        CacheFolders.mark(directory);
        return new CellCache<>(directory, type);
    }

    /**
     * @param canonicalSpec the spec's canonical text
     * @return the first 16 hex digits of SHA-256(build fingerprint, NUL, spec)
     */
    public static String key(String canonicalSpec) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(BuildFingerprint.current().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(canonicalSpec.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
        }
    }

    /** @return the folder of this spec's cells */
    public Path directory() {
        return directory;
    }

    /**
     * @param cellName the cell's file name without extension, such as "Q007" (a row of cells)
     * @return the cached cell, or empty when absent or unreadable
     */
    public Optional<T> load(String cellName) {
        Path file = directory.resolve(cellName + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), type));
        } catch (JsonProcessingException e) {
            LOG.warn("ignoring unreadable cached cell {}: {}", file, String.valueOf(e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("ignoring unreadable cached cell {}: {}", file, String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * @param cellName the cell's file name without extension
     * @param cell the computed cell
     * @throws UncheckedIOException when the file cannot be written
     */
    public void store(String cellName, T cell) {
        try {
            AtomicOutput.writeString(directory.resolve(cellName + ".json"), MAPPER.writeValueAsString(cell));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cached cell " + directory.resolve(cellName + ".json"), e);
        }
    }
}
