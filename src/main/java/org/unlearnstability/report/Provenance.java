package org.unlearnstability.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.io.AtomicOutput;

/**
 * Which build, inputs and settings made an output: the tool version, the build fingerprint (a SHA-256 of the
 * running classes and packaged specs), the SHA-256 of each input file, the spec, the seed and the thread
 * count. Every JSON output carries it under the key {@value #KEY}, and every CSV a sidecar
 * {@code <name>.csv.json} holding it; golden comparisons drop it ({@link #without}), since it changes with
 * every build.
 *
 * @param toolVersion the version of the tool, from the jar manifest (or the build's version resource)
 * @param buildFingerprint the build fingerprint
 * @param inputs input file (as given) to the SHA-256 of its bytes, in the order given
 * @param spec the spec or options of the run (a JSON object)
 * @param seed the seed of every random stream, or null when the output uses none
 * @param threads the worker threads (results never depend on them)
 */
public record Provenance(String toolVersion, String buildFingerprint, Map<String, String> inputs, JsonNode spec,
        @Nullable Long seed, int threads) {
    /** The key of the provenance object in every JSON output. */
    /** The name ending of the provenance sidecar of a JSON file ({@link #jsonSidecar}). */
    public static final String SIDECAR_SUFFIX = ".provenance.json";
    public static final String KEY = "provenance";
    private static final String VERSION_RESOURCE = "/org/unlearnstability/version.properties";

    /** Copies the inputs. */
    public Provenance {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        spec = spec.deepCopy();
    }

    /**
     * @param buildFingerprint the fingerprint of the running build
     * @param inputFiles the input files read
     * @param spec the spec or options
     * @param seed the seed, or null
     * @param threads the worker threads
     * @return the provenance, with the current tool version and the inputs hashed now
     */
    public static Provenance of(String buildFingerprint, Iterable<Path> inputFiles, JsonNode spec, @Nullable Long seed,
            int threads) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Path file : inputFiles) {
            inputs.put(file.toString().replace('\\', '/'), sha256(file));
        }
        return new Provenance(currentVersion(), buildFingerprint, inputs, spec, seed, threads);
    }

    /** @return the version of the running tool: Implementation-Version of the jar, else the build resource */
    public static String currentVersion() {
        @Nullable Package where = Provenance.class.getPackage();
        @Nullable String manifest = where == null ? null : where.getImplementationVersion();
        if (manifest != null && !manifest.isBlank()) {
            return manifest;
        }
        try (InputStream in = Provenance.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file a file
     * @return the SHA-256 of its bytes, as 64 hex digits
     */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash input " + file, e);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", impossible);
        }
    }

    /** @return the provenance as a JSON object */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("toolVersion", toolVersion);
        node.put("buildFingerprint", buildFingerprint);
        ObjectNode files = node.putObject("inputs");
        inputs.forEach(files::put);
        node.set("spec", spec.deepCopy());
        if (seed != null) {
            node.put("seed", seed);
        } else {
            node.putNull("seed");
        }
        node.put("threads", threads);
        return node;
    }

    /**
     * @param document a JSON object output
     * @return the same object with the provenance set under {@link #KEY} (replacing any earlier one)
     */
    public ObjectNode attachTo(ObjectNode document) {
        document.set(KEY, toJson());
        return document;
    }

    /**
     * Writes a table as CSV with its sidecar ({@link #writeSidecar}).
     *
     * @param table the table
     * @param csv the CSV file
     * @throws IOException when a file cannot be written
     */
    public void writeCsv(CsvTable table, Path csv) throws IOException {
        table.writeCsv(csv);
        writeSidecar(csv);
    }

    /**
     * Writes {@code <csv>.json}, the sidecar of a CSV file: {"describes": "<csv file name>", "provenance": {...}}.
     *
     * @param csv the CSV file
     * @throws IOException when the sidecar cannot be written
     */
    public void writeSidecar(Path csv) throws IOException {
        AtomicOutput.writeString(Path.of(csv + ".json"), sidecar(String.valueOf(csv.getFileName())));
    }

    /**
     * Writes {@code <stem>.provenance.json} beside each JSON file that must keep its own format, such as a
     * counterexample family file that {@code analyze} reads and a golden comparison pins byte for byte: the sidecar
     * holds {"describes": "<file name>", "provenance": {...}} and the file itself is left as it is.
     *
     * @param files JSON files
     * @return the sidecars written, in the order of the files
     * @throws IOException when a sidecar cannot be written
     */
    public List<Path> writeJsonSidecars(List<Path> files) throws IOException {
        List<Path> sidecars = new ArrayList<>();
        for (Path file : files) {
            Path sidecar = jsonSidecar(file);
            AtomicOutput.writeString(sidecar, sidecar(String.valueOf(file.getFileName())));
            sidecars.add(sidecar);
        }
        return sidecars;
    }

    /**
     * @param file a JSON file
     * @return its provenance sidecar, {@code <stem>.provenance.json} in the same folder
     */
    public static Path jsonSidecar(Path file) {
        String name = String.valueOf(file.getFileName());
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return file.resolveSibling(stem + SIDECAR_SUFFIX);
    }

    /**
     * @param file a file
     * @return whether it is a provenance sidecar of a JSON file
     */
    public static boolean isJsonSidecar(Path file) {
        return String.valueOf(file.getFileName()).endsWith(SIDECAR_SUFFIX);
    }

    /**
     * @param csvName the CSV file's name
     * @return the text of its sidecar {@code <csvName>.json}
     */
    public String sidecar(String csvName) {
        ObjectNode sidecar = JsonNodeFactory.instance.objectNode();
        sidecar.put("describes", csvName);
        return JsonOutput.toText(attachTo(sidecar));
    }

    /**
     * @param document a JSON document
     * @return a copy without the top-level provenance object (what golden files hold and compare)
     */
    public static JsonNode without(JsonNode document) {
        if (!document.isObject() || !document.has(KEY)) {
            return document;
        }
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        copy.remove(KEY);
        return copy;
    }
}
