package org.unlearnstability.experiment.fig1;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.unlearnstability.dynamics.Verdict;
import org.unlearnstability.experiment.SamplerName;
import org.unlearnstability.report.Keyed;
import org.unlearnstability.report.MarkdownTable;
import org.unlearnstability.report.ProseNumber;

/**
 * The text of fig1.md: the setup, how to read the heatmaps, the figures, the agreement of the Monte
 * Carlo, exact mean-square and almost-sure verdicts with the numbers that explain it, where the theorem
 * curves sit against the exact boundary, and timing.
 *
 * @param spec the spec
 * @param construction the construction of its families
 * @param specPath the spec file, for the text
 * @param cells every cell
 * @param findings the findings over the rows
 * @param timing how long the cells took
 * @param verifyTiming how long the quick spec takes inside mvn verify, in words
 */
record Fig1Markdown(Fig1Spec spec, Fig1Construction construction, String specPath, List<Fig1Cell> cells,
        Fig1Findings findings, Fig1Report.Timing timing, String verifyTiming) {
    private static final int[] SAMPLE_BATCHES = {1, 2, 5, 10, 20, 25, 40, 49};

    String render(List<String> figures) {
        StringBuilder md = new StringBuilder();
        md.append("# Figure 1 reproduced: unlearning divergence over batch size and coherence\n\n");
        md.append(setup()).append(howToRead());
        md.append("## Figures\n\n");
        for (String figure : figures) {
            md.append("![").append(figure).append("](").append(figure).append(")\n\n");
        }
        md.append(summaryTable()).append(agreement()).append(protocol()).append(theoryTested()).append(theorems());
        md.append(legend()).append(timingSection());
        return md.toString();
    }

    private String setup() {
        double sigmaMin = cells.stream().mapToDouble(Fig1Cell::sigma).min().orElse(Double.NaN);
        double sigmaMax = cells.stream().mapToDouble(Fig1Cell::sigma).max().orElse(Double.NaN);
        String header = String.format(Locale.ROOT, """
                Paper: section 3.1, Figure 1, Theorems 2.2-2.3. Spec: `%s` (seed %d), run by `reproduce`; the table \
                is [fig1.csv](fig1.csv) / [fig1.json](fig1.json), one row per cell, learning rate and sampler.

                ## Setup

                """, specPath, spec.seed());
        String layout = construction.describe(spec.nRetain(), spec.alpha());
        String grid = String.format(Locale.ROOT, """
                - Grid: Q = %d..%d (sigma from %s to %s), B = %d..%d; learning rates %s (one heatmap each); \
                samplers %s.
                """, spec.q().from(), spec.q().to(), ProseNumber.format(sigmaMin),
                ProseNumber.format(sigmaMax), spec.batch().from(), spec.batch().to(), spec.etas(), spec.samplers());
        String monteCarlo = String.format(Locale.ROOT, """
                - Monte Carlo, the paper's protocol: w_0 ~ N(0, I), K = %d updates (2), a run diverges when \
                ||w_K|| / ||w_0|| >= %s, %d runs per cell, the majority decides and %d/%d is a tie. Every learning \
                rate reuses the same w_0 and batches (common random numbers); run r of cell (Q, B) under sampler s \
                uses the stream (seed, Q, B, s, r).
                """, spec.steps(), ProseNumber.format(spec.divergenceRatio()), spec.repeats(),
                spec.repeats() / 2, spec.repeats());
        String exact = String.format(Locale.ROOT, """
                - Exact mean square: rho, the growth factor of E||w_k||^2 per step, and etaStar (rho < 1 iff \
                eta < etaStar), for the row's sampler. The Hessians are diagonal, so coordinate c is multiplied \
                by J_cc = 1 - eta Z_c each step, independently over steps: rho = max_c E J_cc^2 in closed form.
                - Almost sure: the top Lyapunov exponent lyapunov = max_c E log|J_cc| (exact; the growth rate of \
                ||w_k|| along almost every path), and lyapunovEstimate, the mean of ln(||w_K||/||w_0||)/K over the \
                runs. asVerdict is diverge when lyapunov > ln(ratio)/K = %.5f (growth the protocol can see in K \
                steps), slow-diverge when 0 < lyapunov <= ln(ratio)/K, converge when lyapunov < 0.
                - Theorems: cond7 is (7) at eta (Theorem 2.2 predicts divergence), cond8 is (8) at eta (Theorem \
                2.3 read as Figure 1 reads it: convergence), both as printed, from sigma and lambda_max(D).

                """, spec.visibleGrowthRate());
        return header + layout + grid + monteCarlo + exact;
    }

    private String howToRead() {
        return """
                ## How to read the heatmaps

                Each heatmap is one learning rate and one sampler. x is the batch size B; y is the unlearning \
                coherence sigma, one row of cells per Q (sigma grows with Q). A cell is red when the majority of \
                Monte Carlo runs diverged, blue when it converged, grey for a tie. The curves mark, column by \
                column, the sigma at which a condition flips:

                - solid black, Theorem 2.2: (7) holds below it (the theorem promises divergence there);
                - dashed black, Theorem 2.3: (8) holds above it (read as Figure 1 reads it, convergence);
                - thick orange, exact mean square: etaStar = eta; below it rho > 1 and E||w_k||^2 diverges;
                - dotted teal, almost sure: lyapunov = ln(ratio)/K; below it a typical path grows by more than the \
                ratio in K steps.
                - thick purple, almost sure: lyapunov = 0, the exact almost-sure stability boundary; below it almost \
                every path diverges;
                - thin purple dashed and dotted: where the runs' estimate lyapunovEstimate - 1.96 s.e. and \
                + 1.96 s.e. crosses 0, a 95 % band for the boundary the runs see.

                A curve breaks where a column has no crossing inside the grid. The theorem curves use closed \
                forms when lambda_max(D) and C_r' are the same for every Q of a column (section 3.1); the others \
                interpolate linearly in sigma between neighbouring rows.

                """;
    }

    private String summaryTable() {
        MarkdownTable table = MarkdownTable.of("sampler", "eta", "cells", "MC diverges", "MC ties",
                "mean square diverges", "almost sure: visible", "almost sure: slow", "(7) holds", "(8) holds");
        for (int c = 1; c < 10; c++) {
            table.align(c, MarkdownTable.Align.RIGHT);
        }
        for (Fig1Agreement a : findings.samplers()) {
            for (double eta : spec.etas()) {
                java.util.function.Predicate<Fig1Row> at = r -> r.run().eta() == eta;
                table.row(a.sampler(), eta, a.count(at), a.count(at.and(r -> r.mcVerdict() == Verdict.DIVERGE)),
                        a.count(at.and(r -> r.mcVerdict() == Verdict.TIE)),
                        a.count(at.and(r -> r.msVerdict() == Verdict.DIVERGE)),
                        a.count(at.and(r -> r.asVerdict() == Verdict.DIVERGE)),
                        a.count(at.and(r -> r.asVerdict() == Verdict.SLOW_DIVERGE)),
                        a.count(at.and(r -> r.run().cond7())), a.count(at.and(r -> r.run().cond8())));
            }
        }
        return "## Counts per panel\n\n" + table + "\n";
    }

    private String agreement() {
        StringBuilder md = new StringBuilder("## Agreement of the three verdicts\n\n");
        md.append("Counts of rows (cell x learning rate) for each sampler. The diagonal of each table is "
                + "agreement; every other entry is a disagreement of that kind.\n\n");
        for (Fig1Agreement a : findings.samplers()) {
            md.append("### ").append(a.sampler()).append(" batches\n\n").append(a.crossTables()).append("\n");
        }
        return md.toString();
    }

    private String protocol() {
        StringBuilder md = new StringBuilder("""
                ## What the paper's protocol measures

                Coordinate c of w_k is w_0,c times a product of k independent factors J_cc. Along almost every \
                path ||w_k|| grows like exp(k lyapunov) with lyapunov = max_c E log|J_cc|, while E||w_k||^2 grows \
                like rho^k with rho = max_c E J_cc^2 >= exp(2 lyapunov) (Jensen). When a few batch patterns give \
                |J_cc| much larger than 1 and the common ones give |J_cc| < 1, the mean square is carried by \
                paths too rare to be among 10 runs: rho > 1 while lyapunov < 0. The protocol's test \
                ||w_K|| / ||w_0|| >= ratio after K steps is a statement about a typical path, so it follows \
                lyapunov > ln(ratio)/K, not rho > 1. The numbers:

                """);
        for (Fig1Agreement a : findings.samplers()) {
            md.append(String.format(Locale.ROOT, """
                    - **%s**: mean square diverges but MC converges in %d rows; MC diverges but mean square \
                    converges in %d rows; MC (ties excluded) disagrees with lyapunov > ln(ratio)/K in %d rows; \
                    Jensen's bound lyapunov <= ln(rho)/2 is violated in %d rows (a consistency check of the two \
                    exact computations).\s""", a.sampler(), a.meanSquareOnly(), a.monteCarloOnly(),
                    a.monteCarloVersusVisibleLyapunov(), a.jensenViolations()));
            md.append(a.meanSquareOnlyEvidence()).append("\n");
        }
        md.append("""

                Rows where the Monte Carlo majority and lyapunov > ln(ratio)/K disagree (these sit next to the \
                visible-growth boundary, where a run's fate depends on the fluctuations of the random walk \
                sum_k log|J_kk| and on the share of ||w_0|| in the growing coordinates):

                """);
        for (Fig1Agreement a : findings.samplers()) {
            md.append("*").append(a.sampler()).append("*\n\n").append(disagreements(a)).append("\n");
        }
        md.append("""
                lyapunov is an asymptotic rate. A batch pattern can set a coordinate to exactly 0 (when \
                eta (m/B) ((1-alpha) x_r - alpha x_f) = 1), which makes its exponent -infinity although a run \
                of K steps meets that pattern only with probability 1 - (1 - p0)^K and otherwise grows at the \
                drift of the surviving path; the columns p0 and 'group drift while not zeroed' show when that \
                decides a row.

                """);
        return md.toString();
    }

    private String theoryTested() {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """
                ## Which theory the paper's protocol tests

                The paper's Monte Carlo protocol (w_0 ~ N(0, I), K = %d steps, a run diverges when \
                ||w_K|| / ||w_0|| >= %s, the majority of %d runs decides) looks at single paths. It therefore tests \
                almost-sure stability, whether the top Lyapunov exponent exceeds ln(ratio)/K = %.5f, and not the \
                mean-square stability (rho(T) > 1 for E||w_k||^2) that Theorems 2.2 and 2.3 and the exact \
                mean-square operator are about. Both boundaries are drawn in every heatmap: thick orange, \
                etaStar = eta (mean square); thick purple, lyapunov = 0 (almost sure, exact), with the runs' own \
                estimate of it, lyapunovEstimate -+ 1.96 standard errors, thin purple dashed and dotted. Over the \
                rows where the majority is decided:

                """, spec.steps(), ProseNumber.format(spec.divergenceRatio()), spec.repeats(),
                spec.visibleGrowthRate()));
        for (Fig1Agreement a : findings.samplers()) {
            Fig1Agreement.ProtocolTest test = a.protocolTest();
            md.append(String.format(Locale.ROOT, """
                    - **%s**: of %d decided rows the majority agrees with "lyapunov > ln(ratio)/K" in %d (%s %%), \
                    with "lyapunov > 0" in %d (%s %%) and with the exact mean square "rho > 1" in %d (%s %%).
                    """, a.sampler(), test.decided(), test.visible(), percent(test.visible(), test.decided()),
                    test.almostSure(), percent(test.almostSure(), test.decided()), test.meanSquare(),
                    percent(test.meanSquare(), test.decided())));
        }
        return md.append("\n").toString();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "NaN" : String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
    }

    private static String legend() {
        return "## Columns of fig1.csv and fig1.json\n\n" + Keyed.legendList(List.of(Fig1Column.values())) + "\n";
    }

    private String disagreements(Fig1Agreement agreement) {
        List<Fig1Row> rows = agreement.visibleDisagreements();
        if (rows.isEmpty()) {
            return "none\n";
        }
        MarkdownTable table = MarkdownTable.of("Q", "B", "eta", "sigma", "lyapunov", "group exponent",
                "singleton exponent", "p0 (group zeroed per step)", "group drift while not zeroed",
                "lyapunovEstimate", "runs diverged", "median log10 ratio");
        for (Fig1Row r : rows) {
            CoordinateLaw law = construction.law(spec.nRetain(), r.cell().q(), r.cell().batch(), spec.alpha(),
                    SamplerName.parse(r.run().sampler()));
            double eta = r.run().eta();
            table.row(r.cell().q(), r.cell().batch(), eta, ProseNumber.format(r.cell().sigma()),
                    ProseNumber.format(r.run().lyapunov()), ProseNumber.format(law.groupLyapunov(eta)),
                    law.singletons() > 0 ? ProseNumber.format(law.singletonLyapunov(eta)) : "-",
                    ProseNumber.format(law.groupZeroProbability(eta)), ProseNumber.format(law.groupSurvivingDrift(eta)),
                    ProseNumber.format(r.run().lyapunovEstimate()), r.run().diverged() + "/" + r.run().repeats(),
                    ProseNumber.format(r.run().log10RatioMedian()));
        }
        return table.toString();
    }

    private static String violations(List<Fig1Row> rows) {
        if (rows.isEmpty()) {
            return "none\n";
        }
        MarkdownTable table = MarkdownTable.of("Q", "B", "eta", "sigma", "etaCoherenceFree", "eta7", "eta8", "etaStar",
                "rho", "MC diverged", "asVerdict");
        for (Fig1Row r : rows) {
            table.row(r.cell().q(), r.cell().batch(), r.run().eta(), ProseNumber.format(r.cell().sigma()),
                    ProseNumber.format(r.cell().etaCoherenceFree()), ProseNumber.format(r.cell().eta7()),
                    ProseNumber.format(r.cell().eta8()),
                    ProseNumber.format(r.run().etaStar()), ProseNumber.format(r.run().rho()),
                    r.run().diverged() + "/" + r.run().repeats(), r.asVerdict().id());
        }
        return table.toString();
    }

    private String theorems() {
        StringBuilder md = new StringBuilder("## The theorem curves against the exact boundary\n\n");
        for (Fig1Agreement a : findings.samplers()) {
            md.append("*").append(a.sampler()).append("*\n\n").append(a.theoremTable()).append("\n");
        }
        md.append("""
                Theorem 2.2 is a claim about E||w_k||^2: a row where (7) holds and the exact mean square \
                converges is a counterexample to it as printed. Theorem 2.3 as printed only asserts that some \
                Hessians converge; Figure 1 uses (8) as a convergence boundary for these Hessians, and a row where \
                (8) holds but the mean square diverges contradicts that reading.

                """);
        for (Fig1Agreement a : findings.samplers()) {
            md.append(String.format(Locale.ROOT, """
                    Rows of *%s* where (7) holds but the exact mean square does not diverge:

                    %s
                    Rows of *%s* where (8) holds but the exact mean square does not converge:

                    %s
                    """, a.sampler(), violations(a.theorem22Violations()), a.sampler(),
                    violations(a.theorem23Violations())));
        }
        md.append("""
                Boundary sigma at selected batch sizes (first sampler; NaN: no crossing inside the grid):

                """);
        md.append(boundaryTable(spec.samplers().get(0))).append("\n");
        return md.toString();
    }

    private String boundaryTable(String sampler) {
        Map<Integer, List<Fig1Cell>> byBatch = new TreeMap<>();
        for (Fig1Cell cell : cells) {
            byBatch.computeIfAbsent(cell.batch(), b -> new ArrayList<>()).add(cell);
        }
        List<List<Fig1Cell>> columns = new ArrayList<>(byBatch.values());
        MarkdownTable table = MarkdownTable.of("eta", "B", "Theorem 2.2 (7)", "exact mean square",
                "almost sure visible", "almost sure (lyapunov = 0)", "runs: lyapunov = 0, 95 % band",
                "Theorem 2.3 (8)");
        for (int c = 0; c < 8; c++) {
            table.align(c, MarkdownTable.Align.RIGHT);
        }
        for (double eta : spec.etas()) {
            PhaseBoundaries.Boundary t22 = PhaseBoundaries.theorem22(columns, eta);
            PhaseBoundaries.Boundary t23 = PhaseBoundaries.theorem23(columns, eta, spec.nRetain());
            PhaseBoundaries.Boundary ms = PhaseBoundaries.meanSquare(columns, eta, sampler);
            PhaseBoundaries.Boundary as = PhaseBoundaries.almostSure(columns, eta, sampler, spec.visibleGrowthRate());
            PhaseBoundaries.Boundary zero = PhaseBoundaries.almostSureZero(columns, eta, sampler);
            PhaseBoundaries.Boundary low = PhaseBoundaries.monteCarloZero(columns, eta, sampler, -Fig1Report.Z95);
            PhaseBoundaries.Boundary high = PhaseBoundaries.monteCarloZero(columns, eta, sampler, Fig1Report.Z95);
            for (int b : SAMPLE_BATCHES) {
                for (int i = 0; i < t22.batch().length; i++) {
                    if (t22.batch()[i] == b) {
                        table.row(eta, b, ProseNumber.format(t22.sigma()[i]), ProseNumber.format(ms.sigma()[i]),
                                ProseNumber.format(as.sigma()[i]), ProseNumber.format(zero.sigma()[i]),
                                band(low.sigma()[i], high.sigma()[i]), ProseNumber.format(t23.sigma()[i]));
                    }
                }
            }
        }
        return table.toString();
    }

    /** The two crossings of the band, lower sigma first. */
    private static String band(double a, double b) {
        return "[" + ProseNumber.format(Math.min(a, b)) + ", " + ProseNumber.format(Math.max(a, b)) + "]";
    }

    private String timingSection() {
        String verify = verifyTiming.isEmpty() ? "not recorded in this checkout (run `mvn verify` first)"
                : verifyTiming;
        String cold = timing.coldRun().map(c -> String.format(Locale.ROOT, """
                %.1f s wall on %d threads (%d processors), %.1f s of worker time summed over the rows of Q\
                """, c.wallSeconds(), c.threads(), c.processors(), c.workerSeconds()))
                .orElse("not recorded (the cache holds rows from partial runs)");
        return String.format(Locale.ROOT, """
                ## Timing

                - Computing every cell from scratch (coherence, exact dynamics, Monte Carlo; last recorded cold \
                run of this spec and code): %s.
                - This run: %.2f s for %d cells, %d of them read from the cache, on %d threads; the total with \
                writing the table and figures is in the index (reports/README.md).
                - Quick spec inside `mvn verify`: %s.
                """, cold, timing.computeSeconds(), timing.cells(), timing.cached(), timing.threads(), verify);
    }
}
