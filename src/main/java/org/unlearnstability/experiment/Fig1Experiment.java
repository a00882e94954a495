package org.unlearnstability.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
    static final String CODE_VERSION = "fig1-cells-2";

    @Override
    public String name() {
        return Fig1Spec.EXPERIMENT;
    }

    @Override
    public ExperimentOutcome run(SpecFile file, RunContext context) throws IOException {
        Fig1Spec spec = Fig1Spec.read(file.path().toString(), file.tree());
        long start = System.nanoTime();
        Sweep sweep = sweep(spec, file.baseName(), context);
        Fig1Report report = new Fig1Report(spec, file, sweep.cells());
        ExperimentOutcome outcome = report.write(context.out(), new Fig1Report.Timing(context.threads(),
                sweep.cached(), sweep.cells().size(), sweep.seconds(), Runtime.getRuntime().availableProcessors()));
        return new ExperimentOutcome(outcome.title(), outcome.spec(), outcome.seed(), outcome.figures(),
                outcome.summary(), outcome.golden(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * @param cells every cell, in (Q, B) order
     * @param cached how many came from the cache
     * @param seconds wall time of the computation (cache reads included)
     */
    record Sweep(List<Fig1Cell> cells, int cached, double seconds) {
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
        long start = System.nanoTime();
        CellCache<Fig1Cell[]> cache = CellCache.open(context.cacheRoot(), name, CODE_VERSION,
                JsonOutput.toText(spec.toJson()), Fig1Cell[].class);
        Map<Integer, List<Fig1Cell>> rows = new ConcurrentHashMap<>();
        List<Integer> todo = new ArrayList<>();
        for (int q : spec.q().values()) {
            Optional<Fig1Cell[]> row = cache.load(rowName(q));
            if (row.isPresent() && row.get().length == spec.batch().size()) {
                rows.put(q, List.of(row.get()));
            } else {
                todo.add(q);
            }
        }
        int cached = rows.size() * spec.batch().size();
        Fig1Computation computation = new Fig1Computation(spec);
        ForkJoinPool pool = new ForkJoinPool(context.threads());
        try (Progress progress = progress("fig1 cells", (long) todo.size() * spec.batch().size(), context)) {
            run(pool, () -> todo.parallelStream().forEach(q -> {
                List<Fig1Cell> row = new ArrayList<>();
                Fig1Computation.Row coherence = computation.coherence(q);
                for (Fig1Computation.StaticCell cell : coherence.cells()) {
                    row.add(computation.cell(cell, coherence.family()));
                    progress.advance();
                }
                cache.store(rowName(q), row.toArray(Fig1Cell[]::new));
                rows.put(q, row);
            }));
        } finally {
            pool.shutdown();
        }
        List<Fig1Cell> ordered = new ArrayList<>();
        rows.values().forEach(ordered::addAll);
        ordered.sort(Comparator.comparingInt(Fig1Cell::q).thenComparingInt(Fig1Cell::batch));
        return new Sweep(ordered, cached, (System.nanoTime() - start) / 1e9);
    }

    private static Progress progress(String label, long total, RunContext context) {
        if (context.progress() && total > 0) {
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

    static String rowName(int q) {
        return String.format(Locale.ROOT, "Q%03d", q);
    }
}
