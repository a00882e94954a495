package org.unlearnstability.experiment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.unlearnstability.cnn.Fig2Experiment;
import org.unlearnstability.cnn.Fig2Findings;
import org.unlearnstability.cnn.Fig2Report;
import org.unlearnstability.cnn.Fig2Result;
import org.unlearnstability.cnn.Fig2Spec;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.Tolerance;

/**
 * Figure 2 (section 3.2) as a part of {@code reproduce}: runs the cnn package's {@link Fig2Experiment}
 * on a fig2 spec, which writes reports/fig2/, and hands its figures, key findings and golden document
 * (the one its own golden test compares) to the index.
 */
public final class Fig2Reproduction implements Experiment {
    /** The tolerance of the Figure 2 golden file (as in the cnn package's own golden test). */
    static final Tolerance GOLDEN = new Tolerance(1e-6, 1e-9);

    @Override
    public String name() {
        return "fig2";
    }

    @Override
    public Tolerance goldenTolerance() {
        return GOLDEN;
    }

    @Override
    public ExperimentOutcome run(SpecFile file, RunContext context) throws IOException {
        long start = System.nanoTime();
        Fig2Spec spec = Fig2Spec.read(file.path());
        String folder = file.outputName();
        Path directory = context.out().resolve(folder + "/fig2.md").getParent();
        if (directory == null) {
            throw new IllegalStateException("no folder for " + folder);
        }
        Fig2Result result;
        try (Progress progress = context.progress()
                ? Progress.onStderr("fig2 cells", Fig2Experiment.cellCount(spec))
                : new Progress("fig2 cells", Fig2Experiment.cellCount(spec),
                        new PrintStream(OutputStream.nullOutputStream()), Progress.Style.LINES,
                        Progress.LOG_INTERVAL, System::nanoTime)) {
            result = Fig2Experiment.run(spec, directory, context.threads(), progress);
        }
        Fig2Findings findings = Fig2Findings.of(result.cells());
        List<String> figures;
        try (Stream<Path> listing = Files.list(directory)) {
            figures = listing.map(p -> String.valueOf(p.getFileName())).filter(name -> name.endsWith(".png"))
                    .sorted().map(name -> folder + "/" + name).toList();
        }
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "%d x %d cells (d x ||mu||), %d "
                + "repeats each. Details: [fig2.md](%s/fig2.md); data: [fig2.csv](%s/fig2.csv), "
                + "[fig2.json](%s/fig2.json). Key numbers:%n%n", spec.dimensions().size(), spec.signalNorms().size(),
                spec.repeats(), folder, folder, folder));
        for (Map.Entry<String, Double> number : findings.numbers().entrySet()) {
            summary.append("- ").append(number.getKey()).append(": ")
                    .append(Fig1Agreement.fmt(number.getValue())).append("\n");
        }
        return new ExperimentOutcome("Figure 2: memorisation and forgetting in the two-layer CNN (section 3.2)",
                file.path().toString(), spec.seed(), figures, summary.toString(), Fig2Report.json(result, findings),
                Duration.ofNanos(System.nanoTime() - start));
    }
}
