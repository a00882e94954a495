package org.unlearnstability.cnn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Provenance;

/**
 * The Figure 2 sweep of section 3.2: every cell (d, ||mu||) of the spec's grid with its repeats, in
 * parallel over cells on a fixed number of threads, plus the sigma0 sensitivity cells; then the
 * reports in reports/fig2/ (see {@link Fig2Report}). Cells are independent tasks whose streams
 * depend only on (seed, d, ||mu||, repeat), and results are collected in grid order, so the output
 * does not depend on the thread count.
 */
public final class Fig2Experiment {
    private Fig2Experiment() {
    }

    /**
     * @param spec the spec
     * @param outDir the report directory (reports/fig2)
     * @param threads worker threads, at least 1
     * @param progress advanced once per finished or reused cell
     * @param store cells of an earlier run of the same spec and code
     * @param provenance what made the run, attached to the JSON and CSV outputs
     * @return the result that was written
     * @throws IOException when the reports cannot be written
     */
    public static Fig2Result run(Fig2Spec spec, Path outDir, int threads, Progress progress, CellStore store,
            Provenance provenance)
            throws IOException {
        Fig2Result result = compute(spec, threads, progress, store);
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
        return compute(spec, threads, progress, CellStore.NONE);
    }

    /**
     * @param spec the spec
     * @param threads worker threads, at least 1
     * @param progress advanced once per finished or reused cell
     * @param store cells of an earlier run of the same spec and code (each cell's repeats draw from
     *     streams fixed by the seed and the cell, so a reused cell equals a recomputed one)
     * @return every cell of the grid and of the sensitivity run
     */
    public static Fig2Result compute(Fig2Spec spec, int threads, Progress progress, CellStore store) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        List<Task> tasks = new ArrayList<>();
        for (int d : spec.dimensions()) {
            for (double mu : spec.signalNorms()) {
                tasks.add(new Task(spec.protocol(), d, mu));
            }
        }
        for (double sigma0 : spec.sensitivity().initSigmas()) {
            for (int d : spec.sensitivity().dimensions()) {
                for (double mu : spec.signalNorms()) {
                    tasks.add(new Task(spec.protocol().withInitSigma(sigma0), d, mu));
                }
            }
        }
        List<CellSummary> all = runAll(spec, tasks, threads, progress, store);
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
     * @return the number of cells a run computes (grid plus sensitivity), the total for {@link Progress}
     */
    public static int cellCount(Fig2Spec spec) {
        int perRow = spec.signalNorms().size();
        return perRow * (spec.dimensions().size()
                + spec.sensitivity().initSigmas().size() * spec.sensitivity().dimensions().size());
    }

    private record Task(CnnProtocol protocol, int d, double muNorm) {
        /** Unique within a spec: the sensitivity cells differ from the grid's only in sigma0. */
        String name() {
            return String.format(Locale.ROOT, "sigma0-%s-d%05d-mu-%s", protocol.initSigma(), d, muNorm);
        }
    }

    private static List<CellSummary> runAll(Fig2Spec spec, List<Task> tasks, int threads, Progress progress,
            CellStore store) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CellSummary>> futures = new ArrayList<>();
            for (Task t : tasks) {
                futures.add(pool.submit(() -> {
                    CellSummary cell = store.load(t.name()).orElseGet(() -> {
                        CellSummary computed = CnnCell.run(t.protocol(), t.d(), t.muNorm(), spec.seed(),
                                spec.repeats(), spec.coherence());
                        store.store(t.name(), computed);
                        return computed;
                    });
                    progress.advance();
                    return cell;
                }));
            }
            List<CellSummary> cells = new ArrayList<>();
            for (Future<CellSummary> f : futures) {
                cells.add(f.get());
            }
            return cells;
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
