package org.unlearnstability.experiment.fig2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.unlearnstability.engine.LocalTaskEngine;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.experiment.CellCache;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Provenance;

/**
 * The Figure 2 sweep of section 3.2: every cell (d, ||mu||) of the spec's grid with its repeats, plus the sigma0
 * sensitivity cells, each a {@link Fig2Cell} computed independently as a task of the run's engine
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
     * @param engine where the cells are computed (this JVM's threads, or Spark)
     * @param progress advanced once per finished or reused cell
     * @param cache cells of an earlier run of the same spec and code, if any
     * @param provenance what made the run, attached to the JSON and CSV outputs
     * @return the result that was written
     * @throws IOException when the reports cannot be written
     */
    public static Fig2Result run(Fig2Spec spec, Path outDir, TaskEngine engine, Progress progress,
            Optional<CellCache<CellSummary>> cache, Provenance provenance) throws IOException {
        Fig2Result result = compute(spec, engine, progress, cache);
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
        return compute(spec, new LocalTaskEngine(threads), progress, Optional.empty());
    }

    /**
     * @param spec the spec
     * @param engine where the cells are computed
     * @param progress advanced once per finished or reused cell
     * @param cache cells of an earlier run of the same spec and code (a cell is a pure function of its
     *     {@link Fig2Cell}, so a reused cell equals a recomputed one)
     * @return every cell of the grid and of the sensitivity run
     */
    public static Fig2Result compute(Fig2Spec spec, TaskEngine engine, Progress progress,
            Optional<CellCache<CellSummary>> cache) {
        List<CellSummary> all = summaries(cells(spec), engine, progress, cache);
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

    /**
     * The one cell loop: cached cells are read here, the others computed as engine tasks (a cell is a pure
     * function of its record), stored as they arrive, and all collected in the given order.
     */
    private static List<CellSummary> summaries(List<Fig2Cell> cells, TaskEngine engine, Progress progress,
            Optional<CellCache<CellSummary>> cache) {
        Map<String, CellSummary> done = new ConcurrentHashMap<>();
        List<Fig2Cell> todo = new ArrayList<>();
        for (Fig2Cell cell : cells) {
            Optional<CellSummary> cached = cache.flatMap(c -> c.load(cell.name()));
            if (cached.isPresent()) {
                done.put(cell.name(), cached.get());
                progress.advance();
            } else {
                todo.add(cell);
            }
        }
        List<CellSummary> computed = engine.map(todo, Fig2Cell::compute, summary -> progress.advance());
        for (int i = 0; i < todo.size(); i++) {
            String name = todo.get(i).name();
            CellSummary summary = computed.get(i);
            done.put(name, summary);
            cache.ifPresent(c -> c.store(name, summary));
        }
        List<CellSummary> ordered = new ArrayList<>();
        for (Fig2Cell cell : cells) {
            CellSummary summary = done.get(cell.name());
            if (summary == null) {
                throw new IllegalStateException("no result for Figure 2 cell " + cell.name());
            }
            ordered.add(summary);
        }
        return ordered;
    }
}
