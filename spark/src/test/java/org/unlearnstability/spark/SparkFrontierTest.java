package org.unlearnstability.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.coherence.MixCoherenceBracket;
import org.unlearnstability.engine.EngineKind;
import org.unlearnstability.engine.LocalTaskEngine;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.frontier.Frontier;
import org.unlearnstability.frontier.FrontierReport;
import org.unlearnstability.frontier.FrontierSpec;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Provenance;

/**
 * A frontier whose tasks (one per pair of mixing weights, one per alpha) run on Spark ({@code local[2]}) is the
 * frontier of the threads of one JVM: the same cells, and the same frontier.csv, frontier.json and heatmaps byte for
 * byte.
 */
class SparkFrontierTest {
    @TempDir
    Path dir;

    @Test
    void frontierOnSparkIsTheLocalFrontier() throws IOException {
        HessianFamily family = rankTwoFamily(12, 6, 20, 7L);
        FrontierSpec spec = FrontierSpec.of(new double[] {0.0, 0.25, 0.5, 0.75, 1.0}, new int[] {1, 2, 6},
                OptionalDouble.of(0.2));
        Frontier local;
        try (TaskEngine engine = new LocalTaskEngine(2)) {
            local = Frontier.compute(family, spec, MixCoherenceBracket.DEFAULT_WIDTH, engine, silent(family, spec));
        }
        Frontier spark;
        try (TaskEngine engine = EngineKind.SPARK.open("local[2]", 1)) {
            spark = Frontier.compute(family, spec, MixCoherenceBracket.DEFAULT_WIDTH, engine, silent(family, spec));
        }
        assertEquals(local.cells(), spark.cells());
        Provenance provenance = new Provenance("test", "test", Map.of(), JsonNodeFactory.instance.objectNode(), null,
                2);
        FrontierReport.write(OutputDirectory.create(dir.resolve("local")), local, provenance);
        FrontierReport.write(OutputDirectory.create(dir.resolve("spark")), spark, provenance);
        List<String> files = EngineReports.files(dir.resolve("local"));
        assertEquals(files, EngineReports.files(dir.resolve("spark")));
        EngineReports.assertSame(dir.resolve("local"), dir.resolve("spark"), List.of(), files);
    }

    private static Progress silent(HessianFamily family, FrontierSpec spec) {
        return new Progress("frontier", Frontier.tasks(family, spec),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), Progress.Style.LINES,
                Progress.LOG_INTERVAL, System::nanoTime);
    }

    /** Rank-two factor Hessians G G^T with Gaussian G, from one seeded stream. */
    private static HessianFamily rankTwoFamily(int nRetain, int nForget, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Hessian> all = new ArrayList<>();
        for (int i = 0; i < nRetain + nForget; i++) {
            double[][] columns = new double[2][d];
            for (double[] column : columns) {
                for (int p = 0; p < d; p++) {
                    column[p] = random.nextDouble(-1.0, 1.0);
                }
            }
            all.add(FactorHessian.ofColumns(d, columns));
        }
        return new HessianFamily(all.subList(0, nRetain), all.subList(nRetain, all.size()));
    }
}
