package org.unlearnstability.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden-file regression for produced JSON documents (quick-spec outputs, stored counterexamples): the
 * document is compared with {@code golden/...json} by {@link JsonComparison} within a {@link Tolerance}
 * (relative 1e-9, absolute 1e-12 unless set), and every difference is listed with its JSON path.
 *
 * <p>A golden file is only ever written on request: when the system property {@code golden.update} is
 * {@code true} (the build passes {@code -Dgolden.update} through to the tests) or the caller asks with
 * {@link #withUpdate(boolean)}. A file that matches within tolerance is then left alone, so reruns do not
 * churn the last digits; a missing or differing file is written atomically and the check says so. Without
 * the request a missing golden file fails, naming the command that creates it.
 *
 * @param file the golden file
 * @param tolerance the tolerance for non-integer numbers
 * @param updates whether a missing or differing golden file is (re)written
 */
public record GoldenFile(Path file, Tolerance tolerance, boolean updates) {
    /** The system property that allows golden files to be written. */
    public static final String UPDATE_PROPERTY = "golden.update";

    /** How to ask for golden files to be written. */
    public static final String UPDATE_HINT = "mvn verify -Dgolden.update=true";

    /**
     * @param file the golden file, such as {@code golden/fig1-quick.json}
     * @return a golden file with the default tolerance, updated only when {@code golden.update=true}
     */
    public static GoldenFile at(Path file) {
        return new GoldenFile(file, Tolerance.DEFAULT, updateRequested());
    }

    /** @return whether the system property {@code golden.update} is {@code true} */
    public static boolean updateRequested() {
        return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false"));
    }

    /**
     * @param newTolerance the tolerance for non-integer numbers
     * @return this golden file with that tolerance
     */
    public GoldenFile withTolerance(Tolerance newTolerance) {
        return new GoldenFile(file, newTolerance, updates);
    }

    /**
     * @param newUpdate whether a missing or differing golden file is (re)written
     * @return this golden file with that mode
     */
    public GoldenFile withUpdate(boolean newUpdate) {
        return new GoldenFile(file, tolerance, newUpdate);
    }

    /**
     * @param actual the produced document
     * @return the outcome, with every difference
     * @throws IOException when the golden file cannot be read or (in update mode) written
     */
    public GoldenCheck check(JsonNode actual) throws IOException {
        if (!Files.exists(file)) {
            return writeIfAllowed(actual, GoldenCheck.Outcome.MISSING, GoldenCheck.Outcome.CREATED, List.of(), "");
        }
        JsonNode expected;
        try {
            expected = JsonOutput.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException malformed) {
            String reason = malformed.getOriginalMessage();
            return writeIfAllowed(actual, GoldenCheck.Outcome.UNREADABLE, GoldenCheck.Outcome.UPDATED, List.of(),
                    reason == null ? "parse error" : reason);
        }
        // The provenance (build fingerprint, input hashes, version) changes with every build: never compared.
        List<JsonDifference> differences = JsonComparison.compare(Provenance.without(expected),
                Provenance.without(actual), tolerance);
        if (differences.isEmpty()) {
            return new GoldenCheck(file, GoldenCheck.Outcome.MATCHES, differences, "");
        }
        return writeIfAllowed(actual, GoldenCheck.Outcome.DIFFERS, GoldenCheck.Outcome.UPDATED, differences, "");
    }

    /**
     * Checks and fails loudly, for tests: prints the account to stderr when a file was written.
     *
     * @param actual the produced document
     * @return the passing check
     * @throws AssertionError when the check fails, with {@link GoldenCheck#describe()} as its message
     * @throws IOException when the golden file cannot be read or written
     */
    public GoldenCheck assertMatches(JsonNode actual) throws IOException {
        GoldenCheck check = check(actual);
        if (!check.passed()) {
            throw new AssertionError(check.describe());
        }
        if (check.outcome() != GoldenCheck.Outcome.MATCHES) {
            System.err.println(check.describe());
        }
        return check;
    }

    private GoldenCheck writeIfAllowed(JsonNode actual, GoldenCheck.Outcome refused, GoldenCheck.Outcome written,
            List<JsonDifference> differences, String detail) throws IOException {
        if (!updates) {
            return new GoldenCheck(file, refused, differences, detail);
        }
        JsonOutput.write(file, Provenance.without(actual));
        return new GoldenCheck(file, written, differences, detail);
    }
}
