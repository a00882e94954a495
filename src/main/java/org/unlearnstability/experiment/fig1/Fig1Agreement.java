package org.unlearnstability.experiment.fig1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.hipparchus.util.FastMath;
import org.unlearnstability.dynamics.Verdict;
import org.unlearnstability.report.MarkdownTable;
import org.unlearnstability.report.ProseNumber;

/**
 * How the three verdicts of Figure 1 agree, counted over the rows of one sampler (every cell and
 * learning rate): the Monte Carlo verdict of the paper's protocol, the exact mean-square verdict
 * (rho &gt; 1) and the almost-sure verdict (the sign of the top Lyapunov exponent, and whether it is
 * large enough to show within K steps), with the theorem conditions beside them. The numbers that
 * explain the disagreements (how large E||w_K||^2 is where the paths shrink) come with them.
 *
 * @param sampler the sampler's spec name
 * @param rows its rows
 * @param visibleRate ln(ratio)/K
 */
public record Fig1Agreement(String sampler, List<Fig1Row> rows, double visibleRate) {
    /** Rounding allowed in lyapunov &lt;= (1/2) ln rho: both sides are exact up to a few ulps of ln. */
    private static final double JENSEN_SLACK = 1e-12;
    private static final List<Verdict> MC = List.of(Verdict.DIVERGE, Verdict.CONVERGE, Verdict.TIE);
    private static final List<Verdict> MS = List.of(Verdict.DIVERGE, Verdict.CONVERGE, Verdict.MARGINAL);
    private static final List<Verdict> AS = List.of(Verdict.DIVERGE, Verdict.SLOW_DIVERGE, Verdict.CONVERGE,
            Verdict.MARGINAL);

    /** Copies the list. */
    public Fig1Agreement {
        rows = List.copyOf(rows);
    }

    /**
     * @param predicate a condition on a row
     * @return how many rows satisfy it
     */
    public long count(Predicate<Fig1Row> predicate) {
        return rows.stream().filter(predicate).count();
    }

    /** @return rows where the exact mean square diverges but the majority of runs converges */
    public long meanSquareOnly() {
        return count(r -> r.msVerdict() == Verdict.DIVERGE && r.mcVerdict() == Verdict.CONVERGE);
    }

    /** @return rows where the majority of runs diverges but the exact mean square converges */
    public long monteCarloOnly() {
        return count(r -> r.mcVerdict() == Verdict.DIVERGE && r.msVerdict() == Verdict.CONVERGE);
    }

    /** @return rows (ties excluded) where the Monte Carlo verdict differs from "lyapunov &gt; ln(ratio)/K" */
    public long monteCarloVersusVisibleLyapunov() {
        return count(r -> r.mcVerdict() != Verdict.TIE
                && (r.mcVerdict() == Verdict.DIVERGE) != (r.asVerdict() == Verdict.DIVERGE));
    }

    /**
     * How often the paper's protocol matches each theory, over the rows where its majority is decided.
     *
     * @param decided rows without a Monte Carlo tie
     * @param visible of them, where the majority agrees with "lyapunov &gt; ln(ratio)/K"
     * @param almostSure where it agrees with "lyapunov &gt; 0" (almost-sure divergence)
     * @param meanSquare where it agrees with "rho &gt; 1" (mean-square divergence)
     */
    public record ProtocolTest(long decided, long visible, long almostSure, long meanSquare) {
    }

    /** @return how often the Monte Carlo majority agrees with each theory's verdict */
    public ProtocolTest protocolTest() {
        Predicate<Fig1Row> decided = r -> r.mcVerdict() != Verdict.TIE;
        Predicate<Fig1Row> mcDiverges = r -> r.mcVerdict() == Verdict.DIVERGE;
        return new ProtocolTest(count(decided),
                count(decided.and(r -> mcDiverges.test(r) == (r.asVerdict() == Verdict.DIVERGE))),
                count(decided.and(r -> mcDiverges.test(r) == (r.run().lyapunov() > 0.0))),
                count(decided.and(r -> mcDiverges.test(r) == (r.msVerdict() == Verdict.DIVERGE))));
    }

    /** @return the three cross tables as Markdown, with a heading line each */
    public String crossTables() {
        return crossTable("Monte Carlo (rows) vs exact mean square (columns)", MC, Fig1Row::mcVerdict, MS,
                Fig1Row::msVerdict)
                + "\n" + crossTable("Monte Carlo (rows) vs almost sure (columns)", MC, Fig1Row::mcVerdict, AS,
                        Fig1Row::asVerdict)
                + "\n" + crossTable("Exact mean square (rows) vs almost sure (columns)", MS, Fig1Row::msVerdict, AS,
                        Fig1Row::asVerdict);
    }

    private String crossTable(String title, List<Verdict> rowValues, Function<Fig1Row, Verdict> rowOf,
            List<Verdict> columnValues, Function<Fig1Row, Verdict> columnOf) {
        List<String> header = new ArrayList<>();
        header.add("");
        columnValues.forEach(v -> header.add(v.id()));
        header.add("total");
        MarkdownTable table = MarkdownTable.of(header.toArray(String[]::new));
        for (int c = 1; c < header.size(); c++) {
            table.align(c, MarkdownTable.Align.RIGHT);
        }
        for (Verdict row : rowValues) {
            List<Object> cells = new ArrayList<>();
            cells.add("**" + row.id() + "**");
            for (Verdict column : columnValues) {
                cells.add(count(r -> rowOf.apply(r) == row && columnOf.apply(r) == column));
            }
            cells.add(count(r -> rowOf.apply(r) == row));
            table.row(cells.toArray());
        }
        return "*" + title + "*\n\n" + table;
    }

    /** @return the theorem conditions against the exact and Monte Carlo verdicts, as Markdown */
    public String theoremTable() {
        MarkdownTable table = MarkdownTable.of("condition", "rows where it holds", "exact mean square diverges",
                "exact mean square converges", "MC diverges", "MC converges", "MC tie");
        for (int c = 1; c < 7; c++) {
            table.align(c, MarkdownTable.Align.RIGHT);
        }
        addCondition(table, "(7) (Thm 2.2: predicts divergence)", r -> r.run().cond7());
        addCondition(table, "(8) (Thm 2.3 as Fig. 1 reads it: predicts convergence)", r -> r.run().cond8());
        addCondition(table, "neither", r -> !r.run().cond7() && !r.run().cond8());
        return table.toString();
    }

    private void addCondition(MarkdownTable table, String name, Predicate<Fig1Row> holds) {
        table.row(name, count(holds), count(holds.and(r -> r.msVerdict() == Verdict.DIVERGE)),
                count(holds.and(r -> r.msVerdict() == Verdict.CONVERGE)),
                count(holds.and(r -> r.mcVerdict() == Verdict.DIVERGE)),
                count(holds.and(r -> r.mcVerdict() == Verdict.CONVERGE)),
                count(holds.and(r -> r.mcVerdict() == Verdict.TIE)));
    }

    /**
     * The numbers behind "the protocol measures the typical path": over the rows where the mean square
     * diverges but the majority of runs converges.
     *
     * @return a Markdown paragraph (empty when there is no such row)
     */
    public String meanSquareOnlyEvidence() {
        List<Fig1Row> gap = rows.stream()
                .filter(r -> r.msVerdict() == Verdict.DIVERGE && r.mcVerdict() == Verdict.CONVERGE).toList();
        if (gap.isEmpty()) {
            return "";
        }
        long negative = gap.stream().filter(r -> r.run().lyapunov() < 0.0).count();
        long slow = gap.stream().filter(r -> r.asVerdict() == Verdict.SLOW_DIVERGE).count();
        long visible = gap.stream().filter(r -> r.asVerdict() == Verdict.DIVERGE).count();
        long noRunDiverged = gap.stream().filter(r -> r.run().diverged() == 0).count();
        return String.format(Locale.ROOT, """
                In the %d rows where E||w_K||^2 diverges (rho > 1) but the majority of runs converges: the exact \
                log10(E||w_K||^2 / E||w_0||^2) has median %s (range %s to %s), while the median run has \
                log10(||w_K|| / ||w_0||) of median %s (range %s to %s); %d of them have a negative top Lyapunov \
                exponent, %d a positive one below ln(ratio)/K = %.5f, %d one above it; in %d no run out of %d \
                crossed the ratio.""", gap.size(),
                ProseNumber.format(median(gap, r -> r.run().log10MeanSquare())),
                ProseNumber.format(min(gap, r -> r.run().log10MeanSquare())),
                ProseNumber.format(max(gap, r -> r.run().log10MeanSquare())),
                ProseNumber.format(median(gap, r -> r.run().log10RatioMedian())),
                ProseNumber.format(min(gap, r -> r.run().log10RatioMedian())),
                ProseNumber.format(max(gap, r -> r.run().log10RatioMedian())),
                negative, slow, visibleRate, visible, noRunDiverged, gap.get(0).run().repeats());
    }

    /** @return rows (ties excluded) where Monte Carlo and "lyapunov &gt; ln(ratio)/K" disagree */
    public List<Fig1Row> visibleDisagreements() {
        return rows.stream().filter(r -> r.mcVerdict() != Verdict.TIE
                && (r.mcVerdict() == Verdict.DIVERGE) != (r.asVerdict() == Verdict.DIVERGE)).toList();
    }

    /** @return rows where (7) holds but the exact mean square converges: counterexamples to Theorem 2.2 */
    public List<Fig1Row> theorem22Violations() {
        return rows.stream().filter(r -> r.run().cond7() && r.msVerdict() != Verdict.DIVERGE).toList();
    }

    /** @return rows where (8) holds but the exact mean square diverges: against Figure 1's reading of (8) */
    public List<Fig1Row> theorem23Violations() {
        return rows.stream().filter(r -> r.run().cond8() && r.msVerdict() != Verdict.CONVERGE).toList();
    }

    /**
     * Jensen's inequality gives lyapunov = E log|J| &lt;= (1/2) log E J^2 coordinate by coordinate, hence
     * lyapunov &lt;= (1/2) ln rho: a check that the two exact computations are consistent.
     *
     * @return rows violating it by more than {@link #JENSEN_SLACK}
     */
    public long jensenViolations() {
        return count(r -> r.run().lyapunov() > 0.5 * FastMath.log(r.run().rho()) + JENSEN_SLACK);
    }

    private static double median(List<Fig1Row> rows, ToDoubleFunction<Fig1Row> value) {
        double[] values = rows.stream().mapToDouble(value).sorted().toArray();
        int m = values.length;
        return m % 2 == 1 ? values[m / 2] : 0.5 * (values[m / 2 - 1] + values[m / 2]);
    }

    private static double min(List<Fig1Row> rows, ToDoubleFunction<Fig1Row> value) {
        return Arrays.stream(rows.stream().mapToDouble(value).toArray()).min().orElse(Double.NaN);
    }

    private static double max(List<Fig1Row> rows, ToDoubleFunction<Fig1Row> value) {
        return Arrays.stream(rows.stream().mapToDouble(value).toArray()).max().orElse(Double.NaN);
    }
}
