package org.unlearnstability.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.family.NpzBundles;

/** --npz through Main for analyze, simulate and frontier; case-insensitive enum options. */
class NpzInputTest {
    private static final Path NUMPY = Path.of("src/test/resources/org/unlearnstability/family/numpy");
    private static final double[][][] RETAIN = {{{1, 0}, {0, 2}, {1, 1}, {0, 0}}, {{0.5, 0}, {0, 0}, {2, 1}, {1, 0}}};
    private static final double[][][] FORGET = {{{0, 1}, {1, 0}, {0, 0}, {0, 3}}, {{1, 1}, {0, 1}, {1, 0}, {0, 0}}};

    @TempDir
    Path dir;

    private static JsonNode json(CommandRun run) throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void analyzeReadsABundleAndItsHyperparameters() throws Exception {
        Path bundle = NpzBundles.in(dir).array("retain", RETAIN).array("forget", FORGET).text("layout", "factor")
                .real("eta", 0.5).real("alpha", 0.25).integer("batch", 1).write(dir.resolve("f.npz"));
        JsonNode json = json(CommandRun.of("analyze", "--npz", bundle.toString()));
        assertEquals(4, json.get("d").asInt());
        assertEquals(0.25, json.get("alpha").asDouble());
        assertEquals(1, json.get("batch").asInt());
        JsonNode simulated = json(CommandRun.of("simulate", "--npz", bundle.toString(), "--repeats", "2",
                "--steps", "20", "--sampler", "BERNOULLI"));
        assertEquals(json.get("rho").asDouble(), simulated.get("rho").asDouble(), 1e-12);
    }

    @Test
    void aFactorGramBundleGivesAnalyzeTheSameAnswers() throws Exception {
        Path factors = NpzBundles.in(dir).array("retain", RETAIN).array("forget", FORGET).text("layout", "factor")
                .write(dir.resolve("f.npz"));
        double[][] gram = new double[8][8];
        double[][][] all = {RETAIN[0], RETAIN[1], FORGET[0], FORGET[1]};
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                for (int p = 0; p < 4; p++) {
                    gram[i][j] += all[i / 2][p][i % 2] * all[j / 2][p][j % 2];
                }
            }
        }
        Path gramBundle = NpzBundles.in(dir).matrix("factor_gram", gram).integer("n_retain", 2).integer("n_forget", 2)
                .integer("rank", 2).integer("dimension", 4).write(dir.resolve("g.npz"));
        String[] hyper = {"--eta", "0.4", "--alpha", "0.3", "--batch", "1"};
        JsonNode a = json(CommandRun.of(concat(new String[] {"analyze", "--npz", factors.toString()}, hyper)));
        JsonNode b = json(CommandRun.of(concat(new String[] {"analyze", "--npz", gramBundle.toString()}, hyper)));
        for (String key : new String[] {"d", "sigma", "lambdaMaxD", "maxLambdaMaxDrf", "eta7", "eta8", "rho",
            "etaStar", "lambdaMinA", "negativeCountA"}) {
            double x = a.get(key).asDouble();
            assertEquals(x, b.get(key).asDouble(), 1e-9 * Math.max(1e-300, Math.abs(x)), key);
        }
        CommandRun simulate = CommandRun.of(concat(new String[] {"simulate", "--npz", gramBundle.toString()}, hyper));
        assertEquals(2, simulate.exitCode());
        assertTrue(simulate.err().startsWith("error: simulate runs update (2) on the Hessians themselves"),
                simulate.err());
        CommandRun frontier = CommandRun.of("frontier", "--npz", gramBundle.toString(), "--out",
                dir.resolve("fr").toString(), "--no-progress", "--alphas", "0.3", "--batches", "1");
        assertEquals(0, frontier.exitCode(), frontier.err());
    }

    @Test
    void badBundleIsOneLineNamingFileKeyAndReason() throws Exception {
        Path bundle = NpzBundles.in(dir).array("retain", RETAIN).write(dir.resolve("bad.npz"));
        CommandRun run = CommandRun.of("analyze", "--npz", bundle.toString(), "--eta", "1", "--alpha", "0",
                "--batch", "1");
        assertEquals(2, run.exitCode());
        assertEquals("error: " + bundle + ": forget: missing key (a bundle needs retain and forget, or factor_gram)",
                run.err().strip());
        CommandRun both = CommandRun.of("analyze", "--npz", bundle.toString(), "--family", "specs/examples/tiny.json");
        assertEquals(2, both.exitCode());
    }

    @Test
    void enumOptionsAreCaseInsensitive() throws Exception {
        String[] files = {"--retain", NUMPY.resolve("factor_f8_f_le.npy").toString(), "--forget",
            NUMPY.resolve("factor_f8_f_le.npy").toString(), "--eta", "0.5", "--alpha", "0.5", "--batch", "1"};
        JsonNode upper = json(CommandRun.of(concat(new String[] {"analyze", "--npy-layout", "FACTOR"}, files)));
        JsonNode lower = json(CommandRun.of(concat(new String[] {"analyze", "--npy-layout", "factor"}, files)));
        assertEquals(upper.get("sigma").asDouble(), lower.get("sigma").asDouble());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
