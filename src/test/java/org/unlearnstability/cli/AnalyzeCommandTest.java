package org.unlearnstability.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private static final List<String> KEYS = List.of("d", "nRetain", "nForget", "batch", "eta", "alpha", "cR", "cF",
            "cRPrime", "cFPrime", "k7", "sigma", "lambdaMaxS", "lambdaMaxSBracket", "lambdaMaxSMethod",
            "maxLambdaMaxDrf", "sigmaSingleRetain", "sigmaSingleForget", "lambdaMaxD", "threshold7", "threshold8",
            "eta7", "eta8",
            "normJ", "rho", "etaStar", "nullSpace", "exactMeanSquare", "traceN", "traceJ2k", "traceM",
            "lemma21UpperBound");
    private static final Path NUMPY = Path.of("src/test/resources/org/unlearnstability/family/numpy");

    @Test
    void jsonFamilyWithDenseDiagonalAndFactorFormsGivesEveryKey() throws Exception {
        JsonNode json = run("analyze", "--family", "specs/examples/tiny.json", "--eta", "0.5", "--alpha", "0.1",
                "--batch", "1");
        assertHasEveryKey(json);
        assertEquals(3, json.get("d").asInt());
        assertTrue(json.get("lambdaMaxSBracket").get(0).asDouble() <= json.get("lambdaMaxS").asDouble());
        assertTrue(json.get("lambdaMaxS").asDouble() <= json.get("lambdaMaxSBracket").get(1).asDouble());
    }

    @Test
    void numpyDenseAndFactorFilesDescribingTheSameHessiansGiveSymmetricResults() throws Exception {
        JsonNode json = run("analyze", "--retain", NUMPY.resolve("dense_f8_c_le.npy").toString(),
                "--forget", NUMPY.resolve("factor_f8_f_le.npy").toString(), "--eta", "0.5", "--alpha", "0.5",
                "--batch", "1");
        assertHasEveryKey(json);
        // The two files hold the same Hessians, so with alpha = 1/2 retain and forget play symmetric roles.
        assertEquals(json.get("sigmaSingleRetain").asDouble(), json.get("sigmaSingleForget").asDouble(), 1e-9);
        assertEquals(0.5, json.get("cRPrime").asDouble(), 1e-15);
    }

    @Test
    void noDynamicsLeavesTheDynamicsOutAndKeepsTheCoherenceValues() throws Exception {
        String[] common = {"analyze", "--family", "specs/examples/tiny.json", "--eta", "0.5", "--alpha", "0.1",
            "--batch", "1"};
        JsonNode full = run(common);
        String[] coherenceOnly = java.util.Arrays.copyOf(common, common.length + 1);
        coherenceOnly[common.length] = "--no-dynamics";
        JsonNode json = run(coherenceOnly);
        for (String key : List.of("normJ", "rho", "etaStar", "traceN", "lemma21UpperBound")) {
            assertFalse(json.has(key), key + " present with --no-dynamics");
        }
        for (String key : List.of("sigma", "lambdaMaxS", "maxLambdaMaxDrf", "eta7", "eta8", "lambdaMaxSMethod")) {
            assertEquals(full.get(key), json.get(key), key);
        }
    }

    @Test
    void sigmaWidthIsTheRequestedWidthOfTheBracket() throws Exception {
        JsonNode json = run("analyze", "--family", "specs/examples/tiny.json", "--eta", "0.5", "--alpha", "0.1",
                "--batch", "1", "--sigma-width", "1e-3");
        double lower = json.get("lambdaMaxSBracket").get(0).asDouble();
        double upper = json.get("lambdaMaxSBracket").get(1).asDouble();
        assertTrue((upper - lower) / upper <= 1e-3, json.toString());
        assertRejected("--sigma-width must lie in (0, 1)", "--alpha", "0.5", "--eta", "0.5", "--batch", "1",
                "--sigma-width", "0");
    }

    @Test
    void infiniteThresholdsAreNull() throws Exception {
        // B = n_r = n_f: K7 = 0 and C_r = C_f = 0, so threshold (7) lies at infinity.
        JsonNode json = run("analyze", "--family", "specs/examples/tiny.json", "--eta", "0.5", "--alpha", "0.1",
                "--batch", "2");
        assertTrue(json.get("threshold7").isNull());
        assertTrue(json.get("eta7").isNull());
        assertFalse(json.get("condition7").asBoolean());
    }

    @Test
    void badHyperparametersAreRejectedWithOneLineAndStatusTwo() {
        assertRejected("alpha must lie in [0, 1]", "--alpha", "1.5", "--eta", "0.5", "--batch", "1");
        assertRejected("eta must be a finite positive number", "--alpha", "0.5", "--eta", "0", "--batch", "1");
        assertRejected("exceeds min(n_r, n_f) = 2", "--alpha", "0.5", "--eta", "0.5", "--batch", "3");
        assertRejected("batch size B must be at least 1", "--alpha", "0.5", "--eta", "0.5", "--batch", "0");
    }

    @Test
    void badFilesNameTheFileSetSampleAndReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("asymmetric.json");
        Files.writeString(file, "{\"retain\": [[[1, 2], [0, 1]]], \"forget\": [{\"diagonal\": [1, 1]}]}");
        CommandRun run = CommandRun.of("analyze", "--family", file.toString(), "--eta", "0.5", "--alpha", "0.5",
                "--batch", "1");
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        String line = run.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains(file.toString()) && line.contains("retain") && line.contains("sample 0")
                && line.contains("symmetric"), line);
    }

    @Test
    void missingFamilyIsAUsageError() {
        CommandRun run = CommandRun.of("analyze", "--eta", "0.5", "--alpha", "0.5", "--batch", "1");
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--family"), run.err());
    }

    private static void assertRejected(String reason, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "analyze";
        args[1] = "--family";
        args[2] = "specs/examples/tiny.json";
        System.arraycopy(options, 0, args, 3, options.length);
        CommandRun run = CommandRun.of(args);
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains(reason), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    private static JsonNode run(String... args) throws Exception {
        CommandRun run = CommandRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private static void assertHasEveryKey(JsonNode json) {
        for (String key : KEYS) {
            assertTrue(json.has(key), "missing key " + key + " in " + json);
        }
    }
}
