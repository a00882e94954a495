package org.unlearnstability.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.family.FamilyFile;
import org.unlearnstability.family.FamilyWriter;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.report.Provenance;

class SimulateCommandTest {
    private static final List<String> KEYS = List.of("d", "nRetain", "nForget", "eta", "alpha", "batch", "sampler",
            "steps", "repeats", "threshold", "seed", "earlyStop", "meanSquareSteps", "divergedRuns", "convergedRuns",
            "collapsedRuns", "verdict", "meanSquare", "meanSquareLower", "meanSquareUpper", "log10MeanSquare",
            "exactMeanSquare", "lyapunov", "lyapunovLower", "lyapunovUpper", "rho", "nullSpace", "etaStar",
            "simulatedSteps");

    @TempDir
    private Path directory;

    private String section31(int n, int q) throws Exception {
        Path file = directory.resolve("section31-" + n + "-" + q + ".json");
        FamilyWriter.write(file, FamilyFile.of(PaperConstruction.section31(n, q)));
        return file.toString();
    }

    @Test
    void printsEveryKeyOfTheProtocolAndTheExactValues() throws Exception {
        CommandRun run = CommandRun.of("simulate", "--family", section31(20, 4), "--eta", "0.3", "--alpha", "0.1",
                "--batch", "5", "--steps", "200", "--repeats", "6", "--seed", "7", "--mean-square-steps", "3",
                "--threads", "2");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String key : KEYS) {
            assertTrue(json.has(key), "missing key " + key);
        }
        assertEquals(6, json.get("divergedRuns").asInt() + json.get("convergedRuns").asInt());
        assertEquals(3, json.get("meanSquare").size());
        double[] exact = MeanSquareOperator.of(PaperConstruction.section31(20, 4), new Hyperparameters(0.3, 0.1, 5))
                .meanSquare(3);
        for (int k = 0; k < 3; k++) {
            assertEquals(exact[k], json.get("exactMeanSquare").get(k).asDouble(), 1e-12 * exact[k]);
        }
        assertEquals("bernoulli", json.get("sampler").asText());
        assertTrue(List.of("converge", "diverge", "tie").contains(json.get("verdict").asText()));
    }

    @Test
    void samplerWithoutReplacementIsSelectableAndThreadsDoNotChangeTheOutput() throws Exception {
        String family = section31(20, 2);
        CommandRun one = CommandRun.of("simulate", "--family", family, "--eta", "0.6", "--alpha", "0.1", "--batch",
                "5", "--steps", "300", "--sampler", "without-replacement", "--threads", "1");
        CommandRun two = CommandRun.of("simulate", "--family", family, "--eta", "0.6", "--alpha", "0.1", "--batch",
                "5", "--steps", "300", "--sampler", "without-replacement", "--threads", "2");
        assertEquals(0, one.exitCode(), one.err());
        assertEquals("without-replacement", new ObjectMapper().readTree(one.out()).get("sampler").asText());
        // Only the provenance (which records the thread count) may differ.
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(one.out());
        JsonNode second = mapper.readTree(two.out());
        assertEquals(1, first.get(Provenance.KEY).get("threads").asInt());
        assertEquals(2, second.get(Provenance.KEY).get("threads").asInt());
        assertEquals(Provenance.without(first), Provenance.without(second));
    }

    @Test
    void badInputGivesOneLineAndExitStatusTwo() throws Exception {
        String family = section31(20, 2);
        CommandRun sampler = CommandRun.of("simulate", "--family", family, "--eta", "0.3", "--alpha", "0.1",
                "--batch", "5", "--sampler", "with-replacement");
        assertEquals(Main.EXIT_BAD_INPUT, sampler.exitCode());
        assertTrue(sampler.err().contains("--sampler must be bernoulli or without-replacement"), sampler.err());
        assertEquals(1, sampler.err().strip().lines().count(), sampler.err());
        CommandRun batch = CommandRun.of("simulate", "--family", family, "--eta", "0.3", "--alpha", "0.1",
                "--batch", "50");
        assertEquals(Main.EXIT_BAD_INPUT, batch.exitCode());
        assertTrue(batch.err().contains("exceeds min(n_r, n_f)"), batch.err());
        CommandRun eta = CommandRun.of("simulate", "--family", family, "--eta", "-1", "--alpha", "0.1", "--batch",
                "5");
        assertEquals(Main.EXIT_BAD_INPUT, eta.exitCode());
        CommandRun missing = CommandRun.of("simulate", "--family", directory.resolve("none.json").toString(),
                "--eta", "0.1", "--alpha", "0", "--batch", "1");
        assertEquals(Main.EXIT_BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("none.json"), missing.err());
    }
}
