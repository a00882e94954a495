package org.unlearnstability.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.frontier.Frontier;
import org.unlearnstability.frontier.FrontierReport;
import org.unlearnstability.frontier.FrontierSpec;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.report.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code frontier}: the stability frontier of a family over (alpha, B) -- the exact critical learning rate
 * etaStar, the thresholds of Theorems 2.2-2.3 and the coherence-free threshold, rho at --eta, and the
 * inertia of the drift A -- written as frontier.csv, frontier.json and heatmaps (specs/frontier.md), with
 * a summary in words on stdout.
 */
@Command(name = "frontier", mixinStandardHelpOptions = true,
        description = """
        Stability frontier over alpha and B: etaStar, eta7, eta8, etaCoherenceFree, rho at --eta, lambdaMinA and \
        negativeCountA per cell; writes frontier.csv, frontier.json and PNG+SVG heatmaps (see specs/frontier.md) and \
        prints where unlearning is mean-square stable.""")
public final class FrontierCommand implements Callable<Integer> {
    @Mixin
    private FamilyInput input = new FamilyInput();

    @Option(names = "--alphas", split = ",", paramLabel = "ALPHA",
            description = "Forget weights, increasing in [0, 1] (default 0, 0.1, ..., 1).")
    private double @Nullable [] alphas;

    @Option(names = "--batches", split = ",", paramLabel = "B",
            description = "Batch sizes, increasing, at most min(n_r, n_f) (default 1, 2, 5, 10, 25, 50, 100, 250, ... "
                    + "below min(n_r, n_f), then min(n_r, n_f)).")
    private int @Nullable [] batches;

    @Option(names = "--eta", description = "Also report rho(T) at this learning rate in every cell.")
    private @Nullable Double eta;

    @Option(names = "--out", defaultValue = "frontier", description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("frontier");

    @Option(names = "--sigma-width", paramLabel = "WIDTH",
            description = "Requested relative width of the certified bracket of lambda_max(S) in every cell (default "
                    + "1e-4; analyze's is 1e-9); eta7 and eta8 are proportional to sigma, so they are certified to "
                    + "about four digits, and sigmaLower/sigmaUpper print the bracket. 1e-9 takes about 2.4 times "
                    + "longer.")
    private double sigmaWidth = Frontier.DEFAULT_SIGMA_WIDTH;

    @Mixin
    private EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--no-progress", description = "Do not print progress lines on stderr.")
    private boolean noProgress;

    @Mixin
    private Console console = new Console();

    @Override
    public Integer call() throws Exception {
        WritableDirectory.require("--out", out);
        if (!(sigmaWidth > 0.0 && sigmaWidth < 1.0)) {
            throw new UsageException("--sigma-width must lie in (0, 1), got " + sigmaWidth);
        }
        HessianFamily family = input.load().family();
        double[] alphaGrid = alphas != null ? alphas : FrontierSpec.defaultAlphas();
        int[] batchGrid = batches != null ? batches : FrontierSpec.defaultBatches(family.nRetain(), family.nForget());
        FrontierSpec grid = grid(family, alphaGrid, batchGrid);
        long tasks = Frontier.tasks(family, grid);
        int threads = Runtime.getRuntime().availableProcessors();
        Frontier frontier;
        try (TaskEngine engine = engineOptions.open(threads);
                Progress progress = noProgress
                        ? new Progress("frontier tasks", tasks, new PrintStream(OutputStream.nullOutputStream()),
                                Progress.Style.LINES, Progress.LOG_INTERVAL, System::nanoTime)
                        : Progress.onStderr("frontier tasks", tasks)) {
            frontier = Frontier.compute(family, grid, sigmaWidth, engine, progress);
        }
        OutputDirectory directory = OutputDirectory.create(out);
        FrontierReport.write(directory, frontier, RunProvenance.of(input.files(), options(alphaGrid, batchGrid), null,
                threads));
        PrintWriter stdout = console.out();
        stdout.println(frontier.summary().text());
        stdout.println("Wrote " + String.join(", ", FrontierReport.FILES) + " to " + out + ".");
        stdout.flush();
        return 0;
    }

    /** The options that decide the frontier, for its provenance. */
    private ObjectNode options(double[] alphaGrid, int[] batchGrid) {
        ObjectNode options = JsonNodeFactory.instance.objectNode();
        ArrayNode alphaList = options.putArray("alphas");
        Arrays.stream(alphaGrid).forEach(alphaList::add);
        ArrayNode batchList = options.putArray("batches");
        Arrays.stream(batchGrid).forEach(batchList::add);
        options.put("sigmaWidth", sigmaWidth);
        Double rate = eta;
        if (rate == null) {
            options.putNull("eta");
        } else {
            options.put("eta", rate.doubleValue());
        }
        return options;
    }

    /** The grid as given, its checks reported as bad input before any computation. */
    private FrontierSpec grid(HessianFamily family, double[] alphaGrid, int[] batchGrid) {
        Double rate = eta;
        FrontierSpec grid;
        try {
            grid = FrontierSpec.of(alphaGrid, batchGrid,
                    rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate));
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
        int limit = Math.min(family.nRetain(), family.nForget());
        for (int b : batchGrid) {
            if (b > limit) {
                throw new UsageException("batch size " + b + " exceeds min(n_r, n_f) = " + limit);
            }
        }
        return grid;
    }
}
