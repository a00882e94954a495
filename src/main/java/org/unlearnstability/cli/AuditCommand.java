package org.unlearnstability.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.audit.ClaimResult;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.experiment.BuildFingerprint;
import org.unlearnstability.experiment.claims.ClaimsAudit;
import org.unlearnstability.experiment.claims.ClaimsAuditJob;
import org.unlearnstability.experiment.claims.ClaimsAuditSpec;
import org.unlearnstability.report.GoldenFile;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code audit}: checks every claim of Lemma 2.1 and Theorems 2.2-2.3 against the exact dynamics, writes
 * the counterexamples as family files, the tightness grid of the section 3.1 construction, and the reports.
 * Progress goes to stderr; the verdicts are printed on stdout.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = """
        Audit the paper's claims (Lemma 2.1, Theorems 2.2-2.3, the single-set reduction) against the exact dynamics; \
        write claims.md, tightness.md, tightness.csv and heatmaps to --out, and the counterexamples to \
        --counterexamples.""")
public final class AuditCommand implements Callable<Integer> {
    @Mixin
    private Console console = new Console();

    @Mixin
    private EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--out", defaultValue = "reports", description = "Report directory (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("reports");

    @Option(names = "--counterexamples", description = "Directory of the counterexample family files (default: "
            + "<out>/counterexamples).")
    private @Nullable Path counterexamples;

    @Option(names = "--update-golden", description = "Write the counterexamples to golden/counterexamples, the "
            + "files `mvn verify` re-checks (also with -Dgolden.update=true). Without it golden/ is never written.")
    private boolean updateGolden;

    @Option(names = "--specs", defaultValue = "specs/claims",
            description = "Directory of the claim specs, for the links in claims.md (default: ${DEFAULT-VALUE}).")
    private Path specs = Path.of("specs", "claims");

    @Option(names = "--quick", description = "Only the subset that `mvn verify` runs (under 2 minutes).")
    private boolean quick;

    @Option(names = "--seed", defaultValue = "20240611", description = "Seed of every random stream (default: "
            + "${DEFAULT-VALUE}).")
    private long seed = ClaimsAuditSpec.DEFAULT_SEED;

    @Override
    public Integer call() throws IOException {
        Path directory = counterexamplesDirectory();
        WritableDirectory.require("--out", out);
        WritableDirectory.require(counterexamples != null ? "--counterexamples" : "--out", directory);
        ClaimsAuditSpec options = new ClaimsAuditSpec(out, directory, specs, quick, seed);
        ClaimsAudit.Result result;
        Provenance provenance = Provenance.of(BuildFingerprint.current(), List.of(), options.toJson(), seed,
                Runtime.getRuntime().availableProcessors());
        try (TaskEngine engine = engineOptions.open(Runtime.getRuntime().availableProcessors());
                Progress progress = Progress.onStderr("audit", ClaimsAudit.workUnits(quick))) {
            result = ClaimsAudit.run(options, progress, provenance, engine);
        }
        if (!goldenRequested()) {
            // golden/ holds what verify pins, without a build fingerprint that changes with every build.
            provenance.writeJsonSidecars(ClaimsAuditJob.counterexamples(result, directory));
        }
        PrintStream stdout = System.out;
        for (ClaimResult c : result.claims()) {
            stdout.printf(Locale.ROOT, "%-34s %s%n", c.claim().slug(), c.verdict().label());
        }
        stdout.printf(Locale.ROOT, "reports in %s, counterexamples in %s%n", out.toAbsolutePath().normalize(),
                directory.toAbsolutePath().normalize());
        return 0;
    }

    /** golden/ only on an explicit request, so that an audit run cannot silently rewrite what verify pins. */
    private boolean goldenRequested() {
        return updateGolden || Boolean.getBoolean(GoldenFile.UPDATE_PROPERTY);
    }

    private Path counterexamplesDirectory() {
        boolean golden = goldenRequested();
        if (golden && quick) {
            throw new ParameterException(console.commandLine(), "--update-golden needs the full audit, not --quick");
        }
        if (golden && counterexamples != null) {
            throw new ParameterException(console.commandLine(),
                    "--update-golden and --counterexamples exclude each other");
        }
        if (golden) {
            return Path.of("golden", "counterexamples");
        }
        return counterexamples != null ? counterexamples : out.resolve("counterexamples");
    }
}
