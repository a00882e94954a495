package org.unlearnstability.experiment.fig1;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.unlearnstability.experiment.CellCache;
import org.unlearnstability.experiment.Experiment;
import org.unlearnstability.experiment.ExperimentOutcome;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.Progress;

/**
 * Figure 1 of the paper (section 3.1): the phase diagram of unlearning divergence over batch size B and
 * coherence sigma, from a {@link Fig1Spec}. For every (Q, B) cell it computes sigma and the theorem
 * conditions (once per row of Q), then, for each sampler and learning rate, the Monte Carlo verdict of
 * the paper's protocol, the exact mean-square verdict and the almost-sure verdict
 * ({@link Fig1Computation}); {@link Fig1Report} writes the table, the heatmaps and fig1.md.
 *
 * <p>Cells come from the {@link CellCache} when the same spec ran before with the same code; the rest
 * are computed on the run's engine ({@code threads} workers, or Spark). Results are assembled in (Q, B) order, so they do not depend
 * on the thread count or on which cells were cached.
 */
public final class Fig1Experiment implements Experiment {
    @Override
    public ExperimentOutcome run(SpecFile file, RunContext context) throws IOException {
        Fig1Spec spec = Fig1Spec.read(file.path().toString(), file.tree());
        Sweep sweep = sweep(spec, file.baseName(), context);
        Fig1Report report = new Fig1Report(spec, new Section31Construction(), file.path().toString(),
                file.outputName(), sweep.cells());
        return report.write(context.out(), sweep.timing(context.threads()), context.provenance(file, spec.seed()));
    }

    /**
     * @param cells every cell, in (Q, B) order
     * @param cached how many came from the cache
     * @param seconds wall time of this computation (cache reads included)
     * @param coldRun the last run that computed every cell from scratch for this spec and code, if recorded
     */
    record Sweep(List<Fig1Cell> cells, int cached, double seconds, Optional<ColdRun> coldRun) {
        /**
         * @param threads worker threads
         * @return the timing the report prints
         */
        Fig1Report.Timing timing(int threads) {
            return new Fig1Report.Timing(threads, cached, cells.size(), seconds,
                    Runtime.getRuntime().availableProcessors(), coldRun);
        }
    }

    /**
     * A row of fixed Q as cached: its cells and the worker time they took.
     *
     * @param seconds the time one worker spent on the row (coherence, exact dynamics, Monte Carlo)
     * @param cells the row's cells in the spec's order of B
     */
    record CachedRow(double seconds, List<Fig1Cell> cells) implements Serializable {
        /** Copies the list; a row has at least one cell. */
        CachedRow {
            cells = List.copyOf(cells);
        }

        /** @return the row's Q */
        int q() {
            return cells.get(0).q();
        }
    }

    /**
     * The timing of a run that computed every cell (none from the cache), kept beside the cached rows so
     * that a later run that reads them can still report what the full computation costs.
     *
     * @param wallSeconds wall time of the computation
     * @param workerSeconds the worker time summed over rows
     * @param threads worker threads
     * @param processors processors available
     */
    record ColdRun(double wallSeconds, double workerSeconds, int threads, int processors) {
    }

    /**
     * Computes (or loads) every cell of the spec, one row of fixed Q per task: the coherence analysis
     * of the row's family is shared by its cells, and the row is one cache file.
     *
     * @param spec the spec
     * @param name the spec's base name (the cache folder's prefix)
     * @param context cache root, threads, progress
     * @return the cells in (Q, B) order
     */
    static Sweep sweep(Fig1Spec spec, String name, RunContext context) {
        return sweep(spec, new Section31Construction(), name, spec.toJson(), context);
    }

    /**
     * @param spec the spec
     * @param construction where the samples put their curvature
     * @param name the cache folder's prefix
     * @param canonical the JSON that identifies the computation (hashed by the cell cache)
     * @param context cache root, threads, progress
     * @return the cells in (Q, B) order
     */
    static Sweep sweep(Fig1Spec spec, Fig1Construction construction, String name, JsonNode canonical,
            RunContext context) {
        long start = System.nanoTime();
        String text = JsonOutput.toText(canonical);
        CellCache<CachedRow> cache = CellCache.open(context.cacheRoot(), name, text, CachedRow.class);
        CellCache<ColdRun> timing = CellCache.open(context.cacheRoot(), name, text, ColdRun.class);
        Map<Integer, CachedRow> rows = new ConcurrentHashMap<>();
        List<Integer> todo = new ArrayList<>();
        for (int q : spec.q().values()) {
            Optional<CachedRow> row = cache.load(rowName(q));
            if (row.isPresent() && row.get().cells().size() == spec.batch().size()) {
                rows.put(q, row.get());
            } else {
                todo.add(q);
            }
        }
        int cached = rows.size() * spec.batch().size();
        try (Progress progress = context.progress(name + " cells", (long) todo.size() * spec.batch().size())) {
            // One engine task per row of Q: a pure function of the spec and Q, so any engine gives the same rows.
            context.engine().map(todo, q -> computeRow(spec, construction, q), row -> {
                cache.store(rowName(row.q()), row);
                rows.put(row.q(), row);
                row.cells().forEach(cell -> progress.advance());
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (cached == 0) {
            double worker = rows.values().stream().mapToDouble(CachedRow::seconds).sum();
            timing.store("cold-run", new ColdRun(seconds, worker, context.threads(),
                    Runtime.getRuntime().availableProcessors()));
        }
        List<Fig1Cell> ordered = new ArrayList<>();
        rows.values().forEach(row -> ordered.addAll(row.cells()));
        ordered.sort(Comparator.comparingInt(Fig1Cell::q).thenComparingInt(Fig1Cell::batch));
        return new Sweep(ordered, cached, seconds, timing.load("cold-run"));
    }

    /** The cells of the row of fixed Q, sharing the coherence analysis of its family. */
    private static CachedRow computeRow(Fig1Spec spec, Fig1Construction construction, int q) {
        long rowStart = System.nanoTime();
        List<Fig1Cell> cells = new Fig1Computation(spec, construction).row(q);
        return new CachedRow((System.nanoTime() - rowStart) / 1e9, cells);
    }

    static String rowName(int q) {
        return String.format(Locale.ROOT, "Q%03d", q);
    }
}
