package org.unlearnstability.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unlearnstability.dynamics.Hyperparameters;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.family.PaperConstruction;
import picocli.CommandLine;

class SimulateCommandTest {
    private static final List<String> KEYS = List.of("d", "nRetain", "nForget", "eta", "alpha", "batch", "sampler",
            "steps", "repeats", "threshold", "seed", "earlyStop", "meanSquareSteps", "divergedRuns", "convergedRuns",
            "collapsedRuns", "verdict", "meanSquare", "meanSquareLower", "meanSquareUpper", "log10MeanSquare",
            "exactMeanSquare", "lyapunov", "lyapunovLower", "lyapunovUpper", "rho", "nullSpace", "etaStar",
            "simulatedSteps");

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.addSubcommand("simulate", new SimulateCommand(file -> PaperConstruction.section31(20,
                Integer.parseInt(file.getFileName().toString().replace("q", "")))));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void printsEveryKeyOfTheProtocolAndTheExactValues() throws Exception {
        Run run = run("simulate", "--family", "q4", "--eta", "0.3", "--alpha", "0.1", "--batch", "5", "--steps", "200",
                "--repeats", "6", "--seed", "7", "--mean-square-steps", "3", "--threads", "2");
        assertEquals(0, run.exit(), run.err());
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
    void samplerWithoutReplacementIsSelectable() throws Exception {
        Run run = run("simulate", "--family", "q2", "--eta", "0.3", "--alpha", "0.1", "--batch", "5", "--steps", "50",
                "--sampler", "without-replacement", "--threads", "1");
        assertEquals(0, run.exit(), run.err());
        assertEquals("without-replacement", new ObjectMapper().readTree(run.out()).get("sampler").asText());
    }

    @Test
    void badInputGivesOneLineAndExitStatusTwo() {
        Run sampler = run("simulate", "--family", "q2", "--eta", "0.3", "--alpha", "0.1", "--batch", "5",
                "--sampler", "with-replacement");
        assertEquals(Main.EXIT_BAD_INPUT, sampler.exit());
        assertTrue(sampler.err().contains("--sampler must be bernoulli or without-replacement"), sampler.err());
        assertEquals(1, sampler.err().strip().lines().count(), sampler.err());
        Run batch = run("simulate", "--family", "q2", "--eta", "0.3", "--alpha", "0.1", "--batch", "50");
        assertEquals(Main.EXIT_BAD_INPUT, batch.exit());
        assertTrue(batch.err().contains("exceeds min(n_r, n_f)"), batch.err());
        Run eta = run("simulate", "--family", "q2", "--eta", "-1", "--alpha", "0.1", "--batch", "5");
        assertEquals(Main.EXIT_BAD_INPUT, eta.exit());
    }

    @Test
    void withoutAFamilyReaderTheFileIsRejectedClearly() {
        CommandLine commandLine = Main.commandLine();
        commandLine.addSubcommand("simulate", new SimulateCommand());
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute("simulate", "--family", "f.json", "--eta", "0.1", "--alpha", "0",
                "--batch", "1");
        assertEquals(Main.EXIT_BAD_INPUT, exit);
        assertTrue(err.toString().contains("f.json"), err.toString());
    }
}
