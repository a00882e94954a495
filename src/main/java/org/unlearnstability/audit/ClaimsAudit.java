package org.unlearnstability.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.report.Progress;
import org.unlearnstability.theory.ClaimId;
import org.unlearnstability.theory.ClaimVerdict;

/**
 * The claims audit of issue 4, as a callable runner (the {@code audit} command and {@code reproduce} use
 * it): every claim of {@link ClaimId} checked against the exact dynamics ({@link ClaimAudit}), the shrunk
 * counterexamples written as family files, the tightness grid on the section 3.1 construction
 * ({@link TightnessGrid}), and the reports claims.md, tightness.md, tightness.csv and the ratio heatmaps,
 * all written atomically.
 *
 * <p>The full audit first runs the quick subset (the one {@code mvn verify} runs) and records its time
 * and whether its verdicts agree, then the full budget.
 */
public final class ClaimsAudit {
    /** The seed of every random stream of the audit (cases and searches are addressed below it). */
    public static final long DEFAULT_SEED = 20240611L;

    private ClaimsAudit() {
    }

    /**
     * @param out the report directory (claims.md, tightness.*)
     * @param counterexamples the directory of counterexample family files
     * @param specs the directory of the claim specs, for links from claims.md
     * @param quick whether to run only the quick subset
     * @param seed the seed
     */
    public record Options(Path out, Path counterexamples, Path specs, boolean quick, long seed) {
    }

    /**
     * @param claims the claim results of the run's own budget, in {@link ClaimId} order
     * @param quickVerdicts for a full run, the verdicts of its quick pass (empty for a quick run)
     * @param quickSeconds the time of the quick pass
     * @param fullSeconds the time of the full pass (NaN for a quick run)
     * @param tightness the tightness grid
     * @param tightnessSeconds the time of the grid
     * @param written the files written
     */
    public record Result(List<ClaimResult> claims, Map<ClaimId, ClaimVerdict> quickVerdicts, double quickSeconds,
            double fullSeconds, List<TightnessGrid.Cell> tightness, double tightnessSeconds, List<Path> written) {

        /** Copies the collections. */
        public Result {
            claims = List.copyOf(claims);
            quickVerdicts = Map.copyOf(quickVerdicts);
            tightness = List.copyOf(tightness);
            written = List.copyOf(written);
        }

        /** @return the verdict per claim */
        public Map<ClaimId, ClaimVerdict> verdicts() {
            Map<ClaimId, ClaimVerdict> out = new LinkedHashMap<>();
            for (ClaimResult c : claims) {
                out.put(c.claim(), c.verdict());
            }
            return out;
        }
    }

    /**
     * @param quick whether the run is quick
     * @return the progress units of a run: one per claim and pass, one per tightness cell
     */
    public static long workUnits(boolean quick) {
        int claims = ClaimId.values().length;
        return (quick ? claims : 2L * claims) + (long) TightnessGrid.QS.length * TightnessGrid.BS.length;
    }

    /**
     * @param options the options
     * @param progress advanced per claim and per tightness cell ({@link #workUnits})
     * @return the result
     * @throws IOException when a report cannot be written
     */
    public static Result run(Options options, Progress progress) throws IOException {
        long start = System.nanoTime();
        List<ClaimResult> quickResults = claims(ClaimAudit.Budget.quick(), options.seed(), progress);
        double quickSeconds = (System.nanoTime() - start) / 1e9;
        List<ClaimResult> results = quickResults;
        Map<ClaimId, ClaimVerdict> quickVerdicts = new LinkedHashMap<>();
        double fullSeconds = Double.NaN;
        if (!options.quick()) {
            for (ClaimResult c : quickResults) {
                quickVerdicts.put(c.claim(), c.verdict());
            }
            long full = System.nanoTime();
            results = claims(ClaimAudit.Budget.full(), options.seed(), progress);
            fullSeconds = (System.nanoTime() - full) / 1e9;
        }
        long grid = System.nanoTime();
        List<TightnessGrid.Cell> cells = TightnessGrid.compute(progress);
        double tightnessSeconds = (System.nanoTime() - grid) / 1e9;
        OutputDirectory out = OutputDirectory.create(options.out());
        List<Path> written = new ArrayList<>();
        Map<ClaimId, Path> files = new LinkedHashMap<>();
        for (ClaimResult c : results) {
            ClaimResult.@Nullable Counterexample ce = c.counterexample();
            if (ce != null) {
                Path file = CounterexampleFiles.write(options.counterexamples(), ce);
                files.put(c.claim(), file);
                written.add(file);
            }
        }
        Result result = new Result(results, quickVerdicts, quickSeconds, fullSeconds, cells, tightnessSeconds,
                written);
        TightnessReport.write(out, cells, tightnessSeconds);
        out.writeString("claims.md", ClaimsReport.markdown(result, options, files));
        List<Path> all = new ArrayList<>(written);
        for (Path p : out.written()) {
            all.add(out.root().resolve(p));
        }
        return new Result(results, quickVerdicts, quickSeconds, fullSeconds, cells, tightnessSeconds, all);
    }

    /**
     * @param result a finished audit
     * @param options the options it ran with
     * @return Markdown for the reproduction index: verdicts, deciding numbers, counterexamples, tightness
     */
    public static String indexSummary(Result result, Options options) {
        return ClaimsReport.indexSummary(result, options);
    }

    private static List<ClaimResult> claims(ClaimAudit.Budget budget, long seed, Progress progress) {
        List<ClaimResult> out = new ArrayList<>();
        for (ClaimId claim : ClaimId.values()) {
            out.add(new ClaimAudit(claim, budget, seed).run());
            progress.advance();
        }
        return out;
    }

    /**
     * Audits one claim with the quick budget (what the verdict tests run).
     *
     * @param claim the claim
     * @param seed the seed
     * @return its result
     */
    public static ClaimResult quick(ClaimId claim, long seed) {
        return new ClaimAudit(claim, ClaimAudit.Budget.quick(), seed).run();
    }
}
