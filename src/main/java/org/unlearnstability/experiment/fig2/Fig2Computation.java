package org.unlearnstability.experiment.fig2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unlearnstability.experiment.CellCache;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Provenance;

/**
 * The Figure 2 sweep of section 3.2: every cell (d, ||mu||) of the spec's grid with its repeats, plus the sigma0
 * sensitivity cells, each a {@link Fig2Cell} computed independently in parallel on a fixed number of threads
 * (or taken from the cell cache); then the reports in reports/fig2/ (see {@link Fig2Report}). A cell's streams
 * depend only on (seed, d, ||mu||, repeat), and results are collected in grid order, so the output does not
 * depend on the thread count.
 */
public final class Fig2Computation {
    private Fig2Computation() {
    }

    /**
     * @param spec the spec
     * @param outDir the report directory (reports/fig2)
     * @param threads worker threads, at least 1
     * @param progress advanced once per finished or reused cell
     * @param cache cells of an earlier run of the same spec and code, if any
     * @param provenance what made the run, attached to the JSON and CSV outputs
     * @return the result that was written
     * @throws IOException when the reports cannot be written
     */
    public static Fig2Result run(Fig2Spec spec, Path outDir, int threads, Progress progress,
            Optional<CellCache<CellSummary>> cache, Provenance provenance) throws IOException {
        Fig2Result result = compute(spec, threads, progress, cache);
        Fig2Report.write(result, outDir, provenance);
        return result;
    }

    /**
     * @param spec the spec
     * @param threads worker threads, at least 1
     * @param progress advanced once per finished cell
     * @return every cell of the grid and of the sensitivity run
     */
    public static Fig2Result compute(Fig2Spec spec, int threads, Progress progress) {
        return compute(spec, threads, progress, Optional.empty());
    }

    /**
     * @param spec the spec
     * @param threads worker threads, at least 1
     * @param progress advanced once per finished or reused cell
     * @param cache cells of an earlier run of the same spec and code (a cell is a pure function of its
     *     {@link Fig2Cell}, so a reused cell equals a recomputed one)
     * @return every cell of the grid and of the sensitivity run
     */
    public static Fig2Result compute(Fig2Spec spec, int threads, Progress progress,
            Optional<CellCache<CellSummary>> cache) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        List<CellSummary> all = summaries(cells(spec), threads, progress, cache);
        int grid = spec.dimensions().size() * spec.signalNorms().size();
        int perSigma = spec.sensitivity().dimensions().size() * spec.signalNorms().size();
        List<Fig2Result.SensitivityRun> sensitivity = new ArrayList<>();
        for (int s = 0; s < spec.sensitivity().initSigmas().size(); s++) {
            int from = grid + s * perSigma;
            sensitivity.add(new Fig2Result.SensitivityRun(spec.sensitivity().initSigmas().get(s),
                    all.subList(from, from + perSigma)));
        }
        return new Fig2Result(spec, all.subList(0, grid), sensitivity);
    }

    /**
     * @param spec a spec
     * @return its cells in result order: the grid d-major, then per extra sigma0 the sensitivity cells d-major
     */
    public static List<Fig2Cell> cells(Fig2Spec spec) {
        List<Fig2Cell> cells = new ArrayList<>();
        for (int d : spec.dimensions()) {
            for (double mu : spec.signalNorms()) {
                cells.add(new Fig2Cell(spec.protocol(), d, mu, spec.seed(), spec.repeats(), spec.coherence()));
            }
        }
        for (double sigma0 : spec.sensitivity().initSigmas()) {
            for (int d : spec.sensitivity().dimensions()) {
                for (double mu : spec.signalNorms()) {
                    cells.add(new Fig2Cell(spec.protocol().withInitSigma(sigma0), d, mu, spec.seed(), spec.repeats(),
                            spec.coherence()));
                }
            }
        }
        return cells;
    }

    /**
     * @param spec a spec
     * @return the number of cells a run computes (grid plus sensitivity), the total for {@link Progress}
     */
    public static int cellCount(Fig2Spec spec) {
        int perRow = spec.signalNorms().size();
        return perRow * (spec.dimensions().size()
                + spec.sensitivity().initSigmas().size() * spec.sensitivity().dimensions().size());
    }

    /** The one cell loop: each cell from the cache or computed, in parallel, collected in the given order. */
    private static List<CellSummary> summaries(List<Fig2Cell> cells, int threads, Progress progress,
            Optional<CellCache<CellSummary>> cache) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CellSummary>> futures = new ArrayList<>();
            for (Fig2Cell cell : cells) {
                futures.add(pool.submit(() -> {
                    CellSummary summary = cache.flatMap(c -> c.load(cell.name())).orElseGet(() -> {
                        CellSummary computed = cell.compute();
                        cache.ifPresent(c -> c.store(cell.name(), computed));
                        return computed;
                    });
                    progress.advance();
                    return summary;
                }));
            }
            List<CellSummary> summaries = new ArrayList<>();
            for (Future<CellSummary> f : futures) {
                summaries.add(f.get());
            }
            return summaries;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Figure 2 sweep interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Figure 2 cell failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
