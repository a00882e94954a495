package org.unlearnstability.experiment.fig2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.unlearnstability.experiment.CellCache;
import org.unlearnstability.experiment.Experiment;
import org.unlearnstability.experiment.ExperimentOutcome;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.Progress;
import org.unlearnstability.report.ProseNumber;

/**
 * Figure 2 (section 3.2) as a part of {@code reproduce}: runs {@link Fig2Computation} on a fig2 spec, which
 * writes reports/fig2/, and hands its figures, key findings and golden document (the one its own golden test
 * compares) to the index.
 */
public final class Fig2Experiment implements Experiment {
    @Override
    public ExperimentOutcome run(SpecFile file, RunContext context) throws IOException {
        Fig2Spec spec = Fig2Spec.read(file.path());
        String folder = file.outputName();
        Path directory = context.out().resolve(folder + "/fig2.md").getParent();
        if (directory == null) {
            throw new IllegalStateException("no folder for " + folder);
        }
        Fig2Result result;
        try (Progress progress = context.progress("fig2 cells", Fig2Computation.cellCount(spec))) {
            result = Fig2Computation.run(spec, directory, context.engine(), progress,
                    Optional.of(cache(file, context)),
                    context.provenance(file, spec.seed()));
        }
        Fig2Findings findings = Fig2Findings.of(result.cells());
        List<String> figures;
        try (Stream<Path> listing = Files.list(directory)) {
            figures = listing.map(p -> String.valueOf(p.getFileName())).filter(name -> name.endsWith(".png"))
                    .sorted().map(name -> folder + "/" + name).toList();
        }
        String summary = String.format(Locale.ROOT, "%d x %d cells (d x ||mu||), %d repeats each. Details and "
                + "every finding: [fig2.md](%s/fig2.md); data: [fig2.csv](%s/fig2.csv), [fig2.json](%s/fig2.json).%n%n",
                spec.dimensions().size(), spec.signalNorms().size(), spec.repeats(), folder, folder, folder)
                + keyFindings(findings);
        return new ExperimentOutcome("Figure 2: memorisation and forgetting in the two-layer CNN (section 3.2)",
                file.path().toString(), spec.seed(), figures, summary, Fig2Report.json(result, findings),
                Duration.ZERO);
    }

    /** The cells of an earlier run of the same spec file and code, in the run's cache root. */
    private static CellCache<CellSummary> cache(SpecFile file, RunContext context) {
        return CellCache.open(context.cacheRoot(), file.baseName(), JsonOutput.toText(file.tree()), CellSummary.class);
    }

    /** The handful of numbers a reader of the index needs; fig2.md has them all with their definitions. */
    static String keyFindings(Fig2Findings f) {
        Fig2Findings.RegionMeans forget = f.regions().mean(Fig2Metric.FORGET_LOSS_AFTER);
        Fig2Findings.RegionMeans retrain = f.regions().mean(Fig2Metric.RETRAIN_FORGET_LOSS);
        Fig2Findings.RegionMeans gap = f.regions().mean(Fig2Metric.RETRAIN_GAP);
        Fig2Findings.RegionMeans auc = f.regions().mean(Fig2Metric.MIA_AUC_AFTER);
        return String.format(Locale.ROOT, """
                - Training reaches a mean loss <= %s in %d of %d cells; memorisation region (loss <= %s, test error \
                >= %s): %d cells, generalising (test error <= %s): %d.
                - Forget loss after unlearning: %s in the memorisation region vs %s in generalising cells; Spearman \
                rho with test error over all cells %s.
                - Retraining from scratch on the retain set reaches forget loss %s vs %s; unlearning minus \
                retraining: %s and %s (negative: unlearning forgets less). Membership-inference AUC after \
                unlearning: %s vs %s (0.5 = no leak).
                - Theorem 2.4: Spearman rho(sigma, SNR) = %s. At the unlearning hyper-parameters condition (7) holds \
                in a fraction %s of the repeats and (8) in %s.
                """, Fig2Findings.LOW_TRAIN_LOSS, f.training().lowLossCells(), f.training().cells(),
                Fig2Findings.LOW_TRAIN_LOSS, Fig2Findings.HIGH_TEST_ERROR, f.regions().memorisation().size(),
                Fig2Findings.LOW_TEST_ERROR, f.regions().generalisation().size(), value(forget.memorisation()),
                value(forget.generalisation()), value(f.coherence().spearman().forgetLossAfterVsTestError()),
                value(retrain.memorisation()), value(retrain.generalisation()), value(gap.memorisation()),
                value(gap.generalisation()), value(auc.memorisation()), value(auc.generalisation()),
                value(f.coherence().spearman().sigmaVsSnr()), value(f.coherence().condition7Fraction()),
                value(f.coherence().condition8Fraction()));
    }

    private static String value(double v) {
        return ProseNumber.format(v);
    }
}
