package org.unlearnstability.experiment.claims;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.audit.ClaimAudit;
import org.unlearnstability.audit.ClaimResult;
import org.unlearnstability.engine.LocalTaskEngine;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.engine.TaskResults;
import org.unlearnstability.report.OutputDirectory;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Provenance;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimVerdict;
import org.unlearnstability.theory.claims.Claims;

/**
 * The claims audit, as a callable runner (the {@code audit} command and {@code reproduce} use
 * it): every claim of {@link Claims} checked against the exact dynamics ({@link ClaimAudit}), the shrunk
 * counterexamples written as family files, the tightness grid on the section 3.1 construction
 * ({@link TightnessGrid}), and the reports claims.md, tightness.md, tightness.csv and the ratio heatmaps,
 * all written atomically.
 *
 * <p>The full audit first runs the quick subset (the one {@code mvn verify} runs) and records its time
 * and whether its verdicts agree, then the full budget.
 */
public final class ClaimsAudit {
    private ClaimsAudit() {
    }

    /**
     * @param claims the claim results of the run's own budget, in {@link Claims} order
     * @param quickVerdicts for a full run, the verdicts of its quick pass (empty for a quick run)
     * @param quickSeconds the time of the quick pass
     * @param fullSeconds the time of the full pass (NaN for a quick run)
     * @param tightness the tightness grid
     * @param tightnessSeconds the time of the grid
     * @param written the files written
     */
    public record Result(List<ClaimResult> claims, Map<Claim, ClaimVerdict> quickVerdicts, double quickSeconds,
            double fullSeconds, List<TightnessGrid.Cell> tightness, double tightnessSeconds, List<Path> written) {

        /** Copies the collections. */
        public Result {
            claims = List.copyOf(claims);
            quickVerdicts = Map.copyOf(quickVerdicts);
            tightness = List.copyOf(tightness);
            written = List.copyOf(written);
        }

        /** @return the verdict per claim */
        public Map<Claim, ClaimVerdict> verdicts() {
            Map<Claim, ClaimVerdict> out = new LinkedHashMap<>();
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
        int claims = Claims.all().size();
        return (quick ? claims : 2L * claims) + (long) TightnessGrid.QS.length * TightnessGrid.BS.length;
    }

    /**
     * @param options the options
     * @param progress advanced per claim and per tightness cell ({@link #workUnits})
     * @param provenance what made the run (version, build, options, seed), in the sidecar of tightness.csv
     * @return the result
     * @throws IOException when a report cannot be written
     */
    public static Result run(ClaimsAuditSpec options, Progress progress, Provenance provenance) throws IOException {
        return run(options, progress, provenance, new LocalTaskEngine(Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Claims run as engine tasks (the tightness grid beside them on this JVM), each claim's cases and
     * searches in parallel inside its task; every result is addressed by (seed, claim, index) and collected in
     * claim order, so nothing depends on the engine, the thread count or on scheduling.
     *
     * @param options the options
     * @param progress advanced per claim and per tightness cell ({@link #workUnits})
     * @param provenance what made the run (version, build, options, seed), in the sidecar of tightness.csv
     * @param engine where the claims run
     * @return the result
     * @throws IOException when a report cannot be written
     */
    public static Result run(ClaimsAuditSpec options, Progress progress, Provenance provenance, TaskEngine engine)
            throws IOException {
        long start = System.nanoTime();
        ForkJoinPool gridPool = new ForkJoinPool(1);
        ForkJoinTask<TimedGrid> grid = gridPool.submit(() -> TimedGrid.compute(progress));
        boolean quick = options.quick();
        long seed = options.seed();
        // One task per claim: its quick pass, then (for the full audit) its full pass reusing the quick cases,
        // so that no core waits for the slowest claim of a pass.
        List<ClaimPasses> passes;
        try {
            passes = engine.map(Claims.all(), claim -> ClaimPasses.run(claim, quick, seed),
                    done -> progress.advance(quick ? 1 : 2));
        } finally {
            gridPool.shutdown();
        }
        List<ClaimResult> quickResults = new ArrayList<>();
        List<ClaimResult> results = new ArrayList<>();
        double quickSeconds = 0.0;
        for (ClaimPasses pair : passes) {
            quickResults.add(pair.quick());
            results.add(pair.result());
            quickSeconds = Math.max(quickSeconds, pair.quickSeconds());
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Map<Claim, ClaimVerdict> quickVerdicts = new LinkedHashMap<>();
        double fullSeconds = Double.NaN;
        if (!options.quick()) {
            for (ClaimResult c : quickResults) {
                quickVerdicts.put(c.claim(), c.verdict());
            }
            fullSeconds = wall - quickSeconds;
        } else {
            quickSeconds = wall;
        }
        TimedGrid timed = join(grid);
        List<TightnessGrid.Cell> cells = timed.cells();
        double tightnessSeconds = timed.seconds();
        OutputDirectory out = OutputDirectory.create(options.out());
        List<Path> written = new ArrayList<>();
        for (ClaimResult c : results) {
            ClaimResult.@Nullable Counterexample ce = c.counterexample();
            if (ce != null) {
                written.add(CounterexampleFiles.write(options.counterexamples(), ce));
            }
        }
        Result result = new Result(results, quickVerdicts, quickSeconds, fullSeconds, cells, tightnessSeconds,
                written);
        TightnessReport.write(out, cells, tightnessSeconds, provenance);
        out.writeString("claims.md", ClaimsReport.markdown(result, options));
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
    public static String indexSummary(Result result, ClaimsAuditSpec options) {
        return ClaimsReport.indexSummary(result, options);
    }

    /**
     * One claim's passes, as one engine task.
     *
     * @param quick the quick pass
     * @param result the run's own pass (the quick one again for a quick run)
     * @param quickSeconds the time of the quick pass
     */
    private record ClaimPasses(ClaimResult quick, ClaimResult result, double quickSeconds)
            implements Serializable {
        static ClaimPasses run(Claim claim, boolean quickOnly, long seed) {
            long start = System.nanoTime();
            ClaimAudit quickAudit = new ClaimAudit(claim, ClaimAudit.Budget.quick(), seed);
            ClaimResult quickResult = quickAudit.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (quickOnly) {
                return new ClaimPasses(quickResult, quickResult, seconds);
            }
            return new ClaimPasses(quickResult, quickAudit.withBudget(ClaimAudit.Budget.full()).run(), seconds);
        }
    }

    /** The tightness grid and the time it took (it runs beside the claims). */
    private record TimedGrid(List<TightnessGrid.Cell> cells, double seconds) {
        static TimedGrid compute(Progress progress) {
            long start = System.nanoTime();
            List<TightnessGrid.Cell> cells = TightnessGrid.compute(progress);
            return new TimedGrid(cells, (System.nanoTime() - start) / 1e9);
        }
    }

    private static <T> T join(@Nullable ForkJoinTask<T> task) {
        if (task == null) {
            throw new IllegalStateException("task not started");
        }
        return TaskResults.get(task, "audit");
    }
}
