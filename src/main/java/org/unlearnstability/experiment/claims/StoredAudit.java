package org.unlearnstability.experiment.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unlearnstability.experiment.BuildFingerprint;
import org.unlearnstability.experiment.CacheFolders;
import org.unlearnstability.experiment.CellCache;
import org.unlearnstability.io.AtomicOutput;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.OutputDirectory;

/**
 * A finished claims audit kept in the cache root, so that a rerun of {@code reproduce} with the same
 * budget, seed and build (which includes the packaged claim specs, see {@link BuildFingerprint}) restores
 * its reports instead of auditing again: the files it wrote (claims.md, the tightness table and heatmaps,
 * the counterexamples) under {@code files/}, and a manifest written last, so that an interrupted store is
 * never restored.
 */
final class StoredAudit {
    private static final Logger LOG = LoggerFactory.getLogger(StoredAudit.class);
    private static final String MANIFEST = "outcome.json";

    /**
     * What the reproduction index shows of the audit.
     *
     * @param summary the index section's Markdown
     * @param verdicts the verdict per claim slug
     * @param seconds the time the audit took when it ran
     * @param files the files it wrote, relative to the output root
     */
    record Manifest(String summary, Map<String, String> verdicts, double seconds, List<String> files) {
        /** Copies the collections. */
        Manifest {
            verdicts = new LinkedHashMap<>(verdicts);
            files = List.copyOf(files);
        }
    }

    private final Path folder;

    private StoredAudit(Path folder) {
        this.folder = folder;
    }

    /**
     * @param cacheRoot the run's cache root
     * @param quick whether the audit runs its quick subset
     * @param seed the seed of its random streams
     * @return the store of that audit for the running build
     */
    static StoredAudit of(Path cacheRoot, boolean quick, long seed) {
        String key = CellCache.key("quick=" + quick + "\nseed=" + seed);
        return new StoredAudit(cacheRoot.resolve("claims-audit-" + key));
    }

    /**
     * @param out where the reports go
     * @return the manifest, after its files were written to {@code out}; empty when nothing (complete) is stored
     * @throws IOException when a report cannot be written
     */
    Optional<Manifest> restore(OutputDirectory out) throws IOException {
        Path manifestFile = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            return Optional.empty();
        }
        Manifest manifest;
        try {
            manifest = JsonOutput.mapper().readValue(Files.readString(manifestFile), Manifest.class);
        } catch (JsonProcessingException e) {
            LOG.warn("ignoring unreadable stored audit {}: {}", manifestFile, String.valueOf(e.getOriginalMessage()));
            return Optional.empty();
        }
        for (String file : manifest.files()) {
            if (!Files.isRegularFile(stored(file))) {
                LOG.warn("ignoring stored audit {}: {} is missing", folder, file);
                return Optional.empty();
            }
        }
        for (String file : manifest.files()) {
            out.writeBytes(file, Files.readAllBytes(stored(file)));
        }
        return Optional.of(manifest);
    }

    /**
     * @param outRoot the output root the audit wrote to
     * @param written the files it wrote (absolute or relative to the working directory)
     * @param summary the index section's Markdown
     * @param verdicts the verdict per claim slug
     * @param seconds the time it took
     * @throws IOException when the store cannot be written
     */
    void store(Path outRoot, List<Path> written, String summary, Map<String, String> verdicts, double seconds)
            throws IOException {
        Path root = outRoot.toAbsolutePath().normalize();
        List<String> files = new ArrayList<>();
        for (Path file : written) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!absolute.startsWith(root)) {
                // A file outside the report folder cannot be restored into it; store nothing rather than half.
                LOG.warn("not storing the audit: {} lies outside {}", absolute, root);
                return;
            }
            String relative = root.relativize(absolute).toString().replace('\\', '/');
            AtomicOutput.writeBytes(stored(relative), Files.readAllBytes(absolute));
            files.add(relative);
        }
        CacheFolders.mark(folder);
        Manifest manifest = new Manifest(summary, verdicts, seconds, files);
        AtomicOutput.writeString(folder.resolve(MANIFEST), JsonOutput.mapper().writeValueAsString(manifest));
    }

    private Path stored(String relative) {
        return folder.resolve("files").resolve(relative);
    }
}
