package org.unlearnstability.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.engine.EngineKind;
import org.unlearnstability.engine.LocalTaskEngine;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.experiment.Fig1Experiment;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.report.OutputDirectory;

/**
 * The quick Figure 1 spec with its rows of Q as Spark tasks ({@code local[2]}) writes the same report as on
 * the threads of one JVM: fig1.csv, fig1.json and the figures byte for byte, fig1.md except its timing lines.
 */
class SparkFig1Test {
    private static final Path QUICK = Path.of("..", "specs", "experiments", "fig1-quick.json");

    @TempDir
    Path dir;

    @Test
    void quickFigure1OnSparkIsTheLocalReport() throws IOException {
        SpecFile spec = SpecFile.read(QUICK);
        run(spec, "local", new LocalTaskEngine(2));
        // Through the service the command line uses (META-INF/services), as `--engine spark --master local[2]`.
        try (TaskEngine spark = EngineKind.SPARK.open("local[2]", 1)) {
            assertEquals("spark", spark.name());
            run(spec, "spark", spark);
        }
        Path local = dir.resolve("local");
        List<String> files = EngineReports.files(local.resolve("fig1"));
        assertTrue(files.containsAll(List.of("fig1.csv", "fig1.json", "fig1.md")), files::toString);
        assertEquals(EngineReports.files(local.resolve("fig1")), EngineReports.files(dir.resolve("spark/fig1")));
        List<String> exact = files.stream().filter(f -> !f.equals("fig1.md")).map(f -> "fig1/" + f).toList();
        EngineReports.assertSame(local, dir.resolve("spark"), List.of("fig1/fig1.md"), exact);
    }

    private void run(SpecFile spec, String name, TaskEngine engine) throws IOException {
        Path out = dir.resolve(name);
        new Fig1Experiment().run(spec, new RunContext(OutputDirectory.create(out), out.resolve(".cache"), 2, false,
                engine));
    }
}
