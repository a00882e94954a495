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
import org.unlearnstability.experiment.Experiment;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.experiment.fig1.Fig1Experiment;
import org.unlearnstability.experiment.fig2.Fig2Experiment;
import org.unlearnstability.experiment.fig3.Fig3Experiment;
import org.unlearnstability.report.OutputDirectory;

/**
 * The quick Figure 1 and Figure 3 specs with their cells as Spark tasks ({@code local[2]}) write the same
 * reports as on the threads of one JVM: CSV, JSON and figures byte for byte, the Markdown except its timing
 * lines.
 */
class SparkFiguresTest {
    private static final Path SPECS = Path.of("..", "specs", "experiments");

    @TempDir
    Path dir;

    @Test
    void quickFigure1OnSparkIsTheLocalReport() throws IOException {
        assertSameReports(new Fig1Experiment(), "fig1-quick.json", "fig1");
    }

    @Test
    void quickFigure2OnSparkIsTheLocalReport() throws IOException {
        assertSameReports(new Fig2Experiment(), "fig2-quick.json", "fig2");
    }

    @Test
    void quickFigure3OnSparkIsTheLocalReport() throws IOException {
        assertSameReports(new Fig3Experiment(), "fig3-quick.json", "fig3");
    }

    private void assertSameReports(Experiment experiment, String specName, String folder) throws IOException {
        SpecFile spec = SpecFile.read(SPECS.resolve(specName));
        run(experiment, spec, "local", new LocalTaskEngine(2));
        // Through the service the command line uses (META-INF/services), as `--engine spark --master local[2]`.
        try (TaskEngine spark = EngineKind.SPARK.open("local[2]", 1)) {
            assertEquals("spark", spark.name());
            run(experiment, spec, "spark", spark);
        }
        Path local = dir.resolve("local");
        List<String> files = EngineReports.files(local.resolve(folder));
        String markdown = folder + ".md";
        assertTrue(files.containsAll(List.of(folder + ".csv", folder + ".json", markdown)), files::toString);
        assertEquals(files, EngineReports.files(dir.resolve("spark").resolve(folder)));
        List<String> exact = files.stream().filter(f -> !f.equals(markdown)).map(f -> folder + "/" + f).toList();
        EngineReports.assertSame(local, dir.resolve("spark"), List.of(folder + "/" + markdown), exact);
    }

    private void run(Experiment experiment, SpecFile spec, String name, TaskEngine engine) throws IOException {
        Path out = dir.resolve(name);
        experiment.run(spec, new RunContext(OutputDirectory.create(out), out.resolve(".cache"), 2, false, engine));
    }
}
