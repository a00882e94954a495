package org.unlearnstability.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.experiment.Experiment;
import org.unlearnstability.experiment.ExperimentOutcome;
import org.unlearnstability.experiment.ExperimentRegistry;
import org.unlearnstability.experiment.ReproductionJob;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.family.InputException;
import org.unlearnstability.report.Tolerance;
import picocli.CommandLine;

/**
 * {@code reproduce} runs every spec of its mode through the experiment its "experiment" field names and
 * every registered job, writes README.md as the index, and rejects specs it cannot run before running any.
 */
class ReproduceCommandTest {
    @TempDir
    Path dir;

    /** Records which specs it ran. */
    private static final class Recorder implements Experiment {
        final List<String> ran = new ArrayList<>();

        @Override
        public ExperimentOutcome run(SpecFile spec, RunContext context) throws IOException {
            ran.add(spec.baseName());
            context.out().writeString(spec.outputName() + "/probe.md", "ran\n");
            return new ExperimentOutcome("Probe " + spec.baseName(), spec.path().toString(), 7, List.of(),
                    "probe summary\n", JsonNodeFactory.instance.objectNode().put("value", 1), Duration.ZERO);
        }
    }

    /** A job beside the specs, as the claims audit is. */
    private static final class Job implements ReproductionJob {
        boolean quickSeen;

        @Override
        public String name() {
            return "job";
        }

        @Override
        public ExperimentOutcome run(boolean quick, RunContext context) {
            quickSeen = quick;
            return new ExperimentOutcome("Side job", "specs/claims/", 0, List.of(), "job summary\n",
                    JsonNodeFactory.instance.objectNode(), Duration.ZERO);
        }
    }

    @Test
    void runsEverySpecOfItsModeAndEveryJobAndWritesTheIndex() throws IOException {
        Path specs = dir.resolve("specs");
        Files.createDirectories(specs);
        Files.writeString(specs.resolve("a.json"), "{\"experiment\": \"probe\"}");
        Files.writeString(specs.resolve("a-quick.json"), "{\"experiment\": \"probe\"}");
        Files.writeString(specs.resolve("notes.txt"), "not a spec");
        Path golden = dir.resolve("golden");
        Files.createDirectories(golden);
        Files.writeString(golden.resolve("a-quick.json"), "{\"value\": 1}\n");
        Recorder recorder = new Recorder();
        Job job = new Job();
        ExperimentRegistry registry = new ExperimentRegistry(probe(recorder), List.of(job));

        assertEquals(0, execute(registry, "--specs", specs, "--out", dir.resolve("full"), "--no-progress"));
        assertEquals(List.of("a"), recorder.ran);
        assertEquals(false, job.quickSeen);
        String index = Files.readString(dir.resolve("full").resolve("README.md"));
        assertTrue(index.contains("## Probe a") && index.contains("probe summary") && index.contains("## Side job"),
                index);
        assertTrue(index.contains("seed 7"), index);

        assertEquals(0, execute(registry, "--quick", "--specs", specs, "--golden", golden, "--out",
                dir.resolve("quick"), "--no-progress"));
        assertEquals(List.of("a", "a-quick"), recorder.ran);
        assertEquals(true, job.quickSeen);
        assertTrue(Files.readString(dir.resolve("quick").resolve("README.md")).contains("MATCHES"));
    }

    @Test
    void anUnknownExperimentIsRejectedBeforeAnythingRuns() throws IOException {
        Path specs = dir.resolve("specs");
        Files.createDirectories(specs);
        Files.writeString(specs.resolve("a.json"), "{\"experiment\": \"probe\"}");
        Files.writeString(specs.resolve("b.json"), "{\"experiment\": \"fig9\"}");
        Recorder recorder = new Recorder();
        ExperimentRegistry registry = new ExperimentRegistry(probe(recorder), List.of());
        ReproduceCommand command = new ReproduceCommand(registry);
        new CommandLine(command).parseArgs("--specs", specs.toString(), "--out", dir.resolve("out").toString());
        InputException e = assertThrows(InputException.class, command::call);
        assertTrue(e.getMessage().contains("b.json") && e.getMessage().contains("fig9")
                && e.getMessage().contains("probe"), e.getMessage());
        assertEquals(List.of(), recorder.ran);
    }

    @Test
    void aSpecWithoutAnExperimentFieldIsNamedByItsFile() throws IOException {
        Path specs = dir.resolve("specs");
        Files.createDirectories(specs);
        Files.writeString(specs.resolve("probe.json"), "{\"seed\": 3}");
        Recorder recorder = new Recorder();
        assertEquals(0, execute(new ExperimentRegistry(probe(recorder), List.of()), "--specs", specs, "--out",
                dir.resolve("out"), "--no-progress"));
        assertEquals(List.of("probe"), recorder.ran);
        assertEquals("probe", SpecFile.read(specs.resolve("probe.json")).experiment());
    }

    @Test
    void aDirectoryWithoutSpecsIsBadInput() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        ReproduceCommand command = new ReproduceCommand(new ExperimentRegistry(probe(new Recorder()), List.of()));
        new CommandLine(command).parseArgs("--specs", dir.resolve("empty").toString());
        assertThrows(InputException.class, command::call);
    }

    private static List<ExperimentRegistry.Entry> probe(Recorder recorder) {
        return List.of(new ExperimentRegistry.Entry("probe", recorder, Tolerance.DEFAULT));
    }

    private static int execute(ExperimentRegistry registry, Object... args) {
        CommandLine command = new CommandLine(new ReproduceCommand(registry));
        StringWriter err = new StringWriter();
        command.setErr(new PrintWriter(err));
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = args[i].toString();
        }
        return command.execute(text);
    }
}
