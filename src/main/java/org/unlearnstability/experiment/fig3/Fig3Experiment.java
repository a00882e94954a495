package org.unlearnstability.experiment.fig3;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.unlearnstability.experiment.CellCache;
import org.unlearnstability.experiment.Experiment;
import org.unlearnstability.experiment.ExperimentOutcome;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.Progress;

/**
 * Figure 3 (beyond the paper) as a part of {@code reproduce}: from a {@link Fig3Spec}, every cell (forget kind,
 * size) of {@link Fig3Computation} on the context's engine, cells reused from the {@link CellCache} when the same
 * spec ran before with the same code; then {@link Fig3Report} writes reports/fig3/. Cells are assembled in (kind,
 * size) order and draw only from streams addressed by the cell, so the output does not depend on the thread count.
 */
public final class Fig3Experiment implements Experiment {
    @Override
    public ExperimentOutcome run(SpecFile file, RunContext context) throws IOException {
        long start = System.nanoTime();
        Fig3Spec spec = Fig3Spec.read(file.path().toString(), file.tree());
        DigitsData data = DigitsData.read(spec.dataFile(file.path()), spec.dataSha256());
        List<Fig3Cell> cells = sweep(spec, data, file.baseName(), context);
        return new Fig3Report(spec, file, cells, testSize(spec, data)).write(context.out(),
                (System.nanoTime() - start) / 1e9, context.provenance(file, spec.seed(),
                        List.of(spec.dataFile(file.path()))));
    }

    private static int testSize(Fig3Spec spec, DigitsData data) {
        int images = 0;
        for (int digit : data.digits()) {
            images += digit == spec.positiveDigit() || digit == spec.negativeDigit() ? 1 : 0;
        }
        return images - spec.trainSize();
    }

    /**
     * @param spec the spec
     * @param data the digits
     * @param name the spec's base name (the cache folder's prefix)
     * @param context cache root, threads, progress
     * @return every cell in (kind, size) order
     */
    public static List<Fig3Cell> sweep(Fig3Spec spec, DigitsData data, String name, RunContext context) {
        CellCache<Fig3Cell> cache = CellCache.open(context.cacheRoot(), name, JsonOutput.toText(spec.toJson()),
                Fig3Cell.class);
        Map<String, Fig3Cell> done = new ConcurrentHashMap<>();
        List<Task> todo = new ArrayList<>();
        List<Task> all = new ArrayList<>();
        for (ForgetKind kind : ForgetKind.values()) {
            for (int size : spec.forgetSizes()) {
                Task task = new Task(kind, size);
                all.add(task);
                cache.load(task.name()).ifPresentOrElse(cell -> done.put(task.name(), cell), () -> todo.add(task));
            }
        }
        if (!todo.isEmpty()) {
            Fig3Computation computation = new Fig3Computation(spec, data);
            try (Progress progress = context.progress("fig3 cells", todo.size())) {
                // One engine task per cell: a pure function of the trained clean model and the cell.
                List<Fig3Cell> computed = context.engine().map(todo,
                        task -> computation.cell(task.kind(), task.size()), cell -> progress.advance());
                for (int i = 0; i < todo.size(); i++) {
                    cache.store(todo.get(i).name(), computed.get(i));
                    done.put(todo.get(i).name(), computed.get(i));
                }
            }
        }
        List<Fig3Cell> cells = new ArrayList<>();
        for (Task task : all) {
            Fig3Cell cell = done.get(task.name());
            if (cell == null) {
                throw new IllegalStateException("Figure 3 cell " + task.name() + " is missing");
            }
            cells.add(cell);
        }
        return cells;
    }

    /** One cell to compute. */
    private record Task(ForgetKind kind, int size) implements Serializable {
        String name() {
            return String.format(Locale.ROOT, "%s-%03d", kind.key(), size);
        }
    }
}
