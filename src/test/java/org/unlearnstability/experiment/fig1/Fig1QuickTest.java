package org.unlearnstability.experiment.fig1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.cli.ReproduceCommand;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.report.GoldenFile;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.report.Provenance;
import picocli.CommandLine;

/**
 * The quick specs end to end through {@code reproduce --quick}: their outputs match golden/ (Figures 1, 2 and
 * 3), are byte-identical with 1 and 2 threads; a Figure 1 rerun reads every cell from the cache, a
 * changed spec reads none, and a golden mismatch (one Monte Carlo count changed) makes the exit status
 * nonzero.
 */
class Fig1QuickTest {
    private static final Path QUICK = Path.of("specs", "experiments", "fig1-quick.json");

    @TempDir
    Path dir;

    @Test
    void quickSpecMatchesItsGoldenFileWithOneAndTwoThreads() throws IOException {
        StringWriter err = new StringWriter();
        assertEquals(0, reproduce(err, "--quick", "--threads", "1", "--no-progress", "--out", dir.resolve("one")),
                err.toString());
        String index = Files.readString(dir.resolve("one").resolve("README.md"));
        Matcher fig1 = Pattern.compile("fig1-quick\\.json`\\]\\([^)]*\\), seed \\d+; ([0-9.]+) s\\.").matcher(index);
        assertTrue(fig1.find(), index);
        Files.createDirectories(Fig1Report.VERIFY_TIMING.getParent());
        Files.writeString(Fig1Report.VERIFY_TIMING, fig1.group(1) + " s for specs/experiments/fig1-quick.json (cells, "
                + "table, figures, fig1.md) within `reproduce --quick --threads 1` in Fig1QuickTest");
        assertEquals(0, reproduce(err, "--quick", "--threads", "2", "--no-progress", "--out", dir.resolve("two")),
                err.toString());
        for (String file : new String[] {"fig1/fig1.csv", "fig1/fig1-eta1.0-bernoulli.svg",
            "fig1-variants/fig1-variants.md", "fig1-variants/overlap0.0-alpha0.5/fig1.csv", "fig2/fig2.csv",
            "fig3/fig3.csv"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(file)),
                    Files.readAllBytes(dir.resolve("two").resolve(file)), file + " differs between 1 and 2 threads");
        }
        // The JSON outputs and CSV sidecars differ only in the provenance's thread count.
        for (String file : new String[] {"fig1/fig1.json", "fig2/fig2.json", "fig3/fig3.json", "fig1/fig1.csv.json",
            "fig2/fig2.csv.json", "fig3/fig3.csv.json"}) {
            JsonNode one = JsonOutput.mapper().readTree(Files.readString(dir.resolve("one").resolve(file)));
            JsonNode two = JsonOutput.mapper().readTree(Files.readString(dir.resolve("two").resolve(file)));
            assertEquals(1, one.get(Provenance.KEY).get("threads").asInt(), file);
            assertEquals(2, two.get(Provenance.KEY).get("threads").asInt(), file);
            assertEquals(64, one.get(Provenance.KEY).get("buildFingerprint").asText().length(), file);
            assertEquals(Provenance.without(one), Provenance.without(two), file + " differs between 1 and 2 threads");
        }
        // Figure 3 reads a data file: its hash is an input beside the spec's.
        JsonNode fig3 = JsonOutput.mapper().readTree(Files.readString(dir.resolve("one").resolve("fig3/fig3.json")));
        assertEquals(2, fig3.get(Provenance.KEY).get("inputs").size(), "fig3.json inputs: spec and digits data");
    }

    @Test
    void rerunReadsEveryCellFromTheCacheAndAChangedSpecReadsNone() throws IOException {
        SpecFile file = SpecFile.read(QUICK);
        Fig1Spec spec = Fig1Spec.read(QUICK.toString(), file.tree());
        RunContext context = new RunContext(OutputDirectory.create(dir.resolve("out")), dir.resolve("cache"), 2, false);
        Fig1Experiment.Sweep first = Fig1Experiment.sweep(spec, file.baseName(), context);
        Fig1Experiment.Sweep second = Fig1Experiment.sweep(spec, file.baseName(), context);
        assertEquals(0, first.cached());
        assertEquals(first.cells().size(), second.cached());
        assertEquals(first.cells(), second.cells());
        ObjectNode changed = (ObjectNode) file.tree().deepCopy();
        changed.put("seed", spec.seed() + 1);
        Fig1Experiment.Sweep reseeded = Fig1Experiment.sweep(Fig1Spec.read("changed", changed), file.baseName(),
                context);
        assertEquals(0, reseeded.cached());
        assertNotEquals(first.cells(), reseeded.cells());
    }

    @Test
    void goldenMismatchExitsWithStatusOne() throws IOException {
        Assumptions.assumeFalse(GoldenFile.updateRequested(), "golden files are being rewritten");
        Path golden = dir.resolve("golden");
        Files.createDirectories(golden);
        try (Stream<Path> others = Files.list(Path.of("golden"))) {
            for (Path other : others.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(other, golden.resolve(other.getFileName().toString()));
            }
        }
        ObjectNode tree = (ObjectNode) JsonOutput.mapper().readTree(Files.readString(Path.of("golden",
                "fig1-quick.json")));
        ObjectNode row = (ObjectNode) tree.get("rows").get(0);
        row.put("mcDiverged", row.get("mcDiverged").asInt() + 1);
        JsonOutput.write(golden.resolve("fig1-quick.json"), tree);
        StringWriter err = new StringWriter();
        assertEquals(ReproduceCommand.EXIT_GOLDEN_MISMATCH, reproduce(err, "--quick", "--no-progress", "--out",
                dir.resolve("out"), "--golden", golden), err.toString());
    }

    private static int reproduce(StringWriter err, Object... args) {
        CommandLine command = new CommandLine(new ReproduceCommand());
        command.setErr(new PrintWriter(err));
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = args[i].toString();
        }
        return command.execute(text);
    }
}
