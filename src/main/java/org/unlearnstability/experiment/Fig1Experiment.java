package org.unlearnstability.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
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
 * are computed on {@code threads} workers. Results are assembled in (Q, B) order, so they do not depend
 * on the thread count or on which cells were cached.
 */
public final class Fig1Experiment implements Experiment {
    /** Changes whenever the cell computation changes, so that stale cached cells are never reused. */
    static final String CODE_VERSION = "fig1-cells-1";

    @Override
    public String name() {
        return Fig1Spec.EXPERIMENT;
    }

    @Override
    public ExperimentOutcome run(SpecFile file, RunContext context) throws IOException {
        Fig1Spec spec = Fig1Spec.read(file.path().toString(), file.tree());
        long start = System.nanoTime();
        Sweep sweep = sweep(spec, file.baseName(), context);
        long computed = System.nanoTime();
        Fig1Report report = new Fig1Report(spec, file, sweep.cells());
        ExperimentOutcome outcome = report.write(context.out(), new Fig1Report.Timing(context.threads(),
                sweep.cached(), sweep.cells().size(), sweep.coherenceSeconds(), sweep.cellSeconds(),
                (computed - start) / 1e9, Runtime.getRuntime().availableProcessors()));
        return new ExperimentOutcome(outcome.title(), outcome.spec(), outcome.seed(), outcome.figures(),
                outcome.summary(), outcome.golden(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * @param cells every cell, in (Q, B) order
     * @param cached how many came from the cache
     * @param coherenceSeconds wall time of the coherence phase
     * @param cellSeconds wall time of the Monte Carlo and exact-dynamics phase
     */
    record Sweep(List<Fig1Cell> cells, int cached, double coherenceSeconds, double cellSeconds) {
    }

    /**
     * Computes (or loads) every cell of the spec.
     *
     * @param spec the spec
     * @param name the spec's base name (the cache folder's prefix)
     * @param context cache root, threads, progress
     * @return the cells in (Q, B) order
     */
    static Sweep sweep(Fig1Spec spec, String name, RunContext context) {
        CellCache<Fig1Cell> cache = CellCache.open(context.cacheRoot(), name, CODE_VERSION,
                JsonOutput.toText(spec.toJson()), Fig1Cell.class);
        Map<String, Fig1Cell> cells = new ConcurrentHashMap<>();
        List<Integer> rowsToCompute = new ArrayList<>();
        for (int q : spec.q().values()) {
            boolean missing = false;
            for (int b : spec.batch().values()) {
                Optional<Fig1Cell> cell = cache.load(cellName(q, b));
                if (cell.isPresent()) {
                    cells.put(cellName(q, b), cell.get());
                } else {
                    missing = true;
                }
            }
            if (missing) {
                rowsToCompute.add(q);
            }
        }
        int cached = cells.size();
        Fig1Computation computation = new Fig1Computation(spec);
        ForkJoinPool pool = new ForkJoinPool(context.threads());
        try {
            long t0 = System.nanoTime();
            List<Fig1Computation.StaticCell> todo = coherence(pool, computation, rowsToCompute, cells, context);
            long t1 = System.nanoTime();
            cells(pool, computation, todo, cache, cells, context);
            long t2 = System.nanoTime();
            List<Fig1Cell> ordered = new ArrayList<>(cells.values());
            ordered.sort(Comparator.comparingInt(Fig1Cell::q).thenComparingInt(Fig1Cell::batch));
            return new Sweep(ordered, cached, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static List<Fig1Computation.StaticCell> coherence(ForkJoinPool pool, Fig1Computation computation,
            List<Integer> rows, Map<String, Fig1Cell> done, RunContext context) {
        Map<Integer, List<Fig1Computation.StaticCell>> byRow = new ConcurrentHashMap<>();
        try (Progress progress = progress("fig1 coherence rows", rows.size(), context)) {
            run(pool, () -> rows.parallelStream().forEach(q -> {
                byRow.put(q, computation.coherence(q));
                progress.advance();
            }));
        }
        List<Fig1Computation.StaticCell> todo = new ArrayList<>();
        for (int q : rows) {
            for (Fig1Computation.StaticCell cell : byRow.get(q)) {
                if (!done.containsKey(cellName(cell.q(), cell.batch()))) {
                    todo.add(cell);
                }
            }
        }
        return todo;
    }

    private static void cells(ForkJoinPool pool, Fig1Computation computation, List<Fig1Computation.StaticCell> todo,
            CellCache<Fig1Cell> cache, Map<String, Fig1Cell> done, RunContext context) {
        try (Progress progress = progress("fig1 cells", todo.size(), context)) {
            run(pool, () -> todo.parallelStream().forEach(staticCell -> {
                Fig1Cell cell = computation.cell(staticCell);
                String name = cellName(cell.q(), cell.batch());
                cache.store(name, cell);
                done.put(name, cell);
                progress.advance();
            }));
        }
    }

    private static Progress progress(String label, long total, RunContext context) {
        if (context.progress()) {
            return Progress.onStderr(label, total);
        }
        return new Progress(label, total, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                Progress.Style.LINES, Progress.LOG_INTERVAL, System::nanoTime);
    }

    /** Runs a parallel stream inside the pool, so that it (and every nested parallel stream) uses its threads. */
    private static void run(ForkJoinPool pool, Runnable task) {
        try {
            pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    static String cellName(int q, int batch) {
        return String.format("Q%03d-B%03d", q, batch);
    }
}
