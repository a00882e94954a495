package org.unlearnstability.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.MonotonicNonNull;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.experiment.CacheFolders;
import org.unlearnstability.experiment.ExperimentOutcome;
import org.unlearnstability.experiment.ExperimentRegistry;
import org.unlearnstability.experiment.ReproductionIndex;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.family.InputException;
import org.unlearnstability.report.GoldenCheck;
import org.unlearnstability.report.GoldenFile;
import org.unlearnstability.report.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reproduce}: the whole paper in one command. Runs every spec in specs/experiments/ (the quick
 * ones, {@code *-quick.json}, with {@code --quick}; the others without) through the experiment its
 * "experiment" field names, then every other registered job (the claims audit), and writes the reports
 * with reports/README.md as their index. With {@code --quick} each quick spec's output is compared with
 * golden/&lt;spec&gt;.json and a mismatch makes the exit status 3. Bad input exits with 2.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = """
        Run every experiment spec in specs/experiments/ and the claims audit; write the reports with README.md as \
        index. Cells computed before for the same spec and code are reused.""")
public final class ReproduceCommand implements Callable<Integer> {
    /** Exit status when a quick spec's output differs from its golden file. */
    public static final int EXIT_GOLDEN_MISMATCH = ExitCodes.GOLDEN_MISMATCH;

    @Spec
    private @MonotonicNonNull CommandSpec commandSpec;

    @Mixin
    private Console console = new Console();

    @Mixin
    private EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--quick", description = "Run the quick specs (*-quick.json) and check them against golden/.")
    private boolean quick;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: reports, or target/reports-quick with --quick).")
    private @Nullable Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--specs", paramLabel = "DIR", description = "Spec directory (default: ${DEFAULT-VALUE}).")
    private Path specs = Path.of("specs", "experiments");

    @Option(names = "--golden", paramLabel = "DIR", description = "Golden directory (default: ${DEFAULT-VALUE}).")
    private Path golden = Path.of("golden");

    @Option(names = "--no-progress", description = "Do not print progress lines on stderr.")
    private boolean noProgress;

    @Option(names = "--clear-cache", description = "Delete <out>/.cache before running (cells of other builds "
            + "are always deleted: they can never be reused).")
    private boolean clearCache;

    private final ExperimentRegistry registry;

    /** The command with the standard registry. */
    public ReproduceCommand() {
        this(ExperimentRegistry.standard());
    }

    /**
     * @param registry the experiments and jobs to run (tests pass their own)
     */
    public ReproduceCommand(ExperimentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Path outDirectory = out != null ? out : quick ? Path.of("target", "reports-quick") : Path.of("reports");
        WritableDirectory.require("--out", outDirectory);
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }
        List<SpecFile> specFiles = specFiles();
        Path cacheRoot = outDirectory.resolve(".cache");
        if (clearCache) {
            CacheFolders.clear(cacheRoot);
        } else {
            CacheFolders.pruneOtherBuilds(cacheRoot);
        }
        try (TaskEngine engine = engineOptions.open(threads)) {
            return run(new RunContext(OutputDirectory.create(outDirectory), cacheRoot, threads, !noProgress, engine),
                    specFiles, start);
        }
    }

    private int run(RunContext context, List<SpecFile> specFiles, long start) throws IOException {
        CommandSpec injected = commandSpec;
        PrintWriter err = injected == null ? new PrintWriter(System.err, true) : injected.commandLine().getErr();
        List<ReproductionIndex.Entry> entries = new ArrayList<>();
        boolean goldenFailed = false;
        JobsBeside jobs = JobsBeside.start(registry.jobs(), quick, context);
        for (SpecFile spec : specFiles) {
            ExperimentRegistry.Entry experiment = registry.experiment(spec.experiment()).orElseThrow();
            long specStart = System.nanoTime();
            ExperimentOutcome outcome = experiment.experiment().run(spec, context).elapsedSince(specStart);
            GoldenCheck check = quick ? GoldenFile.at(golden.resolve(spec.baseName() + ".json"))
                    .withTolerance(experiment.goldenTolerance()).check(outcome.golden()) : null;
            if (check != null && !check.passed()) {
                goldenFailed = true;
                err.println(check.describe());
            }
            entries.add(new ReproductionIndex.Entry(outcome, link(context, spec.path()), check));
            err.printf(Locale.ROOT, "%s: done in %.1f s%n", spec.path(), outcome.elapsed().toMillis() / 1000.0);
            err.flush();
        }
        for (ExperimentOutcome outcome : jobs.outcomes(err)) {
            entries.add(new ReproductionIndex.Entry(outcome, link(context, Path.of(outcome.spec())), null));
        }
        String command = "reproduce" + (quick ? " --quick" : "") + " --threads " + threads;
        context.out().writeString("README.md",
                ReproductionIndex.render(entries, command, (System.nanoTime() - start) / 1e9, threads));
        err.flush();
        return goldenFailed ? EXIT_GOLDEN_MISMATCH : 0;
    }

    /** Every spec of the mode, parsed and matched to an experiment before anything runs. */
    private List<SpecFile> specFiles() throws IOException {
        if (!Files.isDirectory(specs)) {
            throw new InputException(specs.toString(), null, -1, "spec directory not found");
        }
        List<SpecFile> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(specs)) {
            for (Path path : listing.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                SpecFile spec = SpecFile.read(path);
                if (spec.quick() != quick) {
                    continue;
                }
                if (registry.experiment(spec.experiment()).isEmpty()) {
                    throw new InputException(path.toString(), "experiment", -1, "unknown experiment \""
                            + spec.experiment() + "\" (known: " + String.join(", ", registry.names()) + ")");
                }
                files.add(spec);
            }
        }
        if (files.isEmpty()) {
            throw new InputException(specs.toString(), null, -1, "no " + (quick ? "quick " : "") + "spec files (*"
                    + (quick ? "-quick" : "") + ".json)");
        }
        return files;
    }

    private static String link(RunContext context, Path spec) {
        return context.out().root().relativize(spec.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
