package org.unlearnstability.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.report.GoldenCheck;

/**
 * reports/README.md: the index of a reproduction. One section per experiment and job with the exact spec
 * and seed behind it, its figures inline, its key numbers and verdicts, then the golden checks of a
 * quick run.
 */
public final class ReproductionIndex {
    private ReproductionIndex() {
    }

    /**
     * One finished part of the reproduction.
     *
     * @param outcome what it produced
     * @param specLink the spec's path relative to the output root (a Markdown link target)
     * @param golden the golden check of a quick spec, or null
     */
    public record Entry(ExperimentOutcome outcome, String specLink, @Nullable GoldenCheck golden) {
    }

    /**
     * @param entries the parts, in the order they ran
     * @param command the command line that produced the reports
     * @param seconds the total wall time
     * @param threads worker threads
     * @return the Markdown text
     */
    public static String render(List<Entry> entries, String command, double seconds, int threads) {
        StringBuilder md = new StringBuilder();
        md.append("# Reproduction of \"Why Some Models Resist Unlearning: A Linear Stability Perspective\"\n\n");
        md.append(String.format(Locale.ROOT, "Produced by `%s` in %.1f s on %d worker threads (%d processors). "
                + "Every number below comes from the spec file named in its section; rerunning the command with "
                + "the same specs reproduces them exactly, whatever the number of threads. Cells already computed "
                + "for an unchanged spec and code are reused from `.cache/` (git-ignored).%n%n", command, seconds,
                threads, Runtime.getRuntime().availableProcessors()));
        md.append("## Contents\n\n");
        for (Entry entry : entries) {
            md.append("- ").append(entry.outcome().title()).append("\n");
        }
        md.append("\n");
        for (Entry entry : entries) {
            ExperimentOutcome outcome = entry.outcome();
            md.append("## ").append(outcome.title()).append("\n\n");
            md.append(String.format(Locale.ROOT, "Spec: [`%s`](%s), seed %d; %.1f s.%n%n", outcome.spec(),
                    entry.specLink(), outcome.seed(), outcome.elapsed().toMillis() / 1000.0));
            md.append(outcome.summary()).append("\n");
            for (String figure : outcome.figures()) {
                md.append("![").append(figure).append("](").append(figure).append(")\n");
            }
            md.append("\n");
        }
        List<GoldenCheck> checks = new ArrayList<>();
        for (Entry entry : entries) {
            GoldenCheck check = entry.golden();
            if (check != null) {
                checks.add(check);
            }
        }
        if (!checks.isEmpty()) {
            md.append("## Golden checks\n\n");
            for (GoldenCheck check : checks) {
                md.append(String.format(Locale.ROOT, "- `%s`: %s%n", check.file(), check.outcome()));
            }
            md.append("\n");
        }
        return md.toString();
    }
}
