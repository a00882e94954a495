package org.unlearnstability.experiment.fig1;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.unlearnstability.dynamics.Verdict;
import org.unlearnstability.report.MarkdownTable;
import org.unlearnstability.report.ProseNumber;

/**
 * fig1-variants.md: the variants side by side (how sigma and the three verdicts move along the retain-forget
 * coherence axis and with alpha), which theory the paper's protocol tests, and the findings in words.
 */
final class Fig1VariantsMarkdown {
    private final Fig1VariantsSpec spec;
    private final String specPath;
    private final List<Result> results;

    /**
     * One variant's outcome.
     *
     * @param variant the variant
     * @param cells its cells
     * @param findings its agreement per sampler
     * @param seconds the time its cells took (cache reads included)
     * @param cached cells read from the cache
     */
    record Result(Fig1VariantsSpec.Variant variant, List<Fig1Cell> cells, Fig1Findings findings, double seconds,
            int cached) {
        /** Copies the list. */
        Result {
            cells = List.copyOf(cells);
        }

        long count(Predicate<Fig1Row> predicate) {
            return findings.samplers().stream().mapToLong(a -> a.count(predicate)).sum();
        }

        long rows() {
            return count(r -> true);
        }

        Fig1Agreement.ProtocolTest protocolTest() {
            long decided = 0;
            long visible = 0;
            long almostSure = 0;
            long meanSquare = 0;
            for (Fig1Agreement a : findings.samplers()) {
                Fig1Agreement.ProtocolTest t = a.protocolTest();
                decided += t.decided();
                visible += t.visible();
                almostSure += t.almostSure();
                meanSquare += t.meanSquare();
            }
            return new Fig1Agreement.ProtocolTest(decided, visible, almostSure, meanSquare);
        }

        double sigmaMin() {
            return cells.stream().mapToDouble(Fig1Cell::sigma).min().orElse(Double.NaN);
        }

        double sigmaMax() {
            return cells.stream().mapToDouble(Fig1Cell::sigma).max().orElse(Double.NaN);
        }

        double overlap() {
            return variant.construction().overlap();
        }

        double alpha() {
            return variant.spec().alpha();
        }
    }

    Fig1VariantsMarkdown(Fig1VariantsSpec spec, String specPath, List<Result> results) {
        this.spec = spec;
        this.specPath = specPath;
        this.results = List.copyOf(results);
    }

    String render() {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """
                # Figure 1 variants: distinct retain and forget sets along the coherence axis

                Beyond the paper. Spec: `%s` (seed %d), run by `reproduce`. Figure 1 uses identical retain and \
                forget Hessians and alpha = 0.1 only, so the retain-forget coherence axis is never varied. Here the \
                retain set is the section 3.1 set and the forget set's cluster of Q samples shares the retain \
                cluster's direction e_1 only in a fraction `overlap` (overlaps %s; the rest of the cluster lands \
                on retain singleton directions), at alpha in %s. Each variant goes through Figure 1's own layers: \
                the exact mean square (rho and etaStar from the dynamics package's mean-square operator), the \
                paper's Monte Carlo protocol and the exact almost-sure rate (top Lyapunov exponent); its table, \
                heatmaps and full report are in its folder.

                Sized to add little to `reproduce`: n_r = n_f = %d (Figure 1: 50), Q = %d..%d where the \
                construction admits it, B = %d..%d, learning rates %s, samplers %s, K = %d steps, %d runs per \
                cell (ratio %s). Coarser than Figure 1, so boundaries are located to within a grid row.

                """, specPath, spec.seed(), spec.overlaps(), spec.alphas(), spec.nRetain(), spec.q().from(),
                spec.q().to(), spec.batch().from(), spec.batch().to(), spec.etas(), spec.samplers(), spec.steps(),
                spec.repeats(), ProseNumber.format(spec.divergenceRatio())));
        md.append("## Variants side by side\n\n").append(table()).append("\n");
        md.append(findings());
        return md.toString();
    }

    private String table() {
        MarkdownTable table = MarkdownTable.of("variant", "overlap", "alpha", "Q", "sigma", "rows",
                "mean square diverges", "lyapunov > 0", "MC diverges", "MC ties", "MC = visible Lyapunov",
                "MC = lyapunov > 0", "MC = mean square", "(7) but ms converges", "(8) but ms diverges");
        for (int c = 1; c < 15; c++) {
            table.align(c, MarkdownTable.Align.RIGHT);
        }
        for (Result r : results) {
            Fig1Agreement.ProtocolTest test = r.protocolTest();
            table.row("[" + r.variant().name() + "](" + r.variant().name() + "/fig1.md)", r.overlap(), r.alpha(),
                    r.variant().spec().q().from() + ".." + r.variant().spec().q().to(),
                    ProseNumber.format(r.sigmaMin()) + " to " + ProseNumber.format(r.sigmaMax()), r.rows(),
                    r.count(x -> x.msVerdict() == Verdict.DIVERGE), r.count(x -> x.run().lyapunov() > 0.0),
                    r.count(x -> x.mcVerdict() == Verdict.DIVERGE), r.count(x -> x.mcVerdict() == Verdict.TIE),
                    share(test.visible(), test.decided()), share(test.almostSure(), test.decided()),
                    share(test.meanSquare(), test.decided()),
                    r.count(x -> x.run().cond7() && x.msVerdict() != Verdict.DIVERGE),
                    r.count(x -> x.run().cond8() && x.msVerdict() != Verdict.CONVERGE));
        }
        return table + "\nRows are cell x learning rate x sampler. \"MC = ...\" is the share of the rows without a "
                + "Monte Carlo tie where the majority of runs agrees with that verdict. The last two columns count "
                + "rows against Theorem 2.2 as printed and against Figure 1's reading of (8).\n";
    }

    private String findings() {
        StringBuilder md = new StringBuilder("## Findings\n\n");
        long decided = 0;
        long visible = 0;
        long almostSure = 0;
        long meanSquare = 0;
        for (Result r : results) {
            Fig1Agreement.ProtocolTest t = r.protocolTest();
            decided += t.decided();
            visible += t.visible();
            almostSure += t.almostSure();
            meanSquare += t.meanSquare();
        }
        md.append(String.format(Locale.ROOT, """
                - **Which theory the paper's protocol tests.** The protocol follows single paths, so it tests \
                almost-sure stability (the top Lyapunov exponent against ln(ratio)/K), not the mean-square \
                stability of Theorems 2.2 and 2.3. Over all variants the majority of runs agrees with \
                "lyapunov > ln(ratio)/K" in %d of %d decided rows (%s), with "lyapunov > 0" in %d (%s) and with \
                the exact mean square "rho > 1" in only %d (%s).
                """, visible, decided, share(visible, decided), almostSure, share(almostSure, decided), meanSquare,
                share(meanSquare, decided)));
        for (double alpha : spec.alphas()) {
            md.append(alphaFinding(alpha));
        }
        long t22 = results.stream().mapToLong(r -> r.count(x -> x.run().cond7() && x.msVerdict() != Verdict.DIVERGE))
                .sum();
        long t23 = results.stream().mapToLong(r -> r.count(x -> x.run().cond8() && x.msVerdict() != Verdict.CONVERGE))
                .sum();
        long rows = results.stream().mapToLong(Result::rows).sum();
        md.append(String.format(Locale.ROOT, """
                - **The theorems off the section 3.1 construction.** Over the %d rows of all variants, (7) holds \
                while the exact mean square does not diverge in %d (counterexamples to Theorem 2.2 as printed), \
                and (8) holds while the mean square does not converge in %d (against Figure 1's reading of (8)).

                """, rows, t22, t23));
        return md.toString();
    }

    /**
     * One bullet per alpha: how sigma and the verdicts move as the overlap falls, compared on the rows of Q that
     * every overlap admits (a smaller overlap admits fewer Q, and small Q diverge more often, so shares over each
     * variant's own grid would confound the overlap with the grid).
     */
    private String alphaFinding(double alpha) {
        List<Result> atAlpha = results.stream().filter(r -> r.alpha() == alpha).toList();
        int common = atAlpha.stream().mapToInt(r -> r.variant().spec().q().to()).min().orElse(0);
        Predicate<Fig1Row> shared = x -> x.cell().q() <= common;
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "- **alpha = %s.** On the rows Q = 1..%d that every overlap admits: ", alpha, common));
        for (Result r : atAlpha) {
            long rows = r.count(shared);
            long meanSquare = r.count(shared.and(x -> x.msVerdict() == Verdict.DIVERGE));
            long almostSure = r.count(shared.and(x -> x.run().lyapunov() > 0.0));
            long runs = r.count(shared.and(x -> x.mcVerdict() == Verdict.DIVERGE));
            double sigmaMax = r.cells().stream().filter(c -> c.q() <= common).mapToDouble(Fig1Cell::sigma).max()
                    .orElse(Double.NaN);
            md.append(String.format(Locale.ROOT, """
                    overlap %s (sigma up to %s): the mean square diverges in %d of %d rows (%s), lyapunov > 0 in \
                    %d (%s), the runs' majority diverges in %d (%s);\s""", r.overlap(), ProseNumber.format(sigmaMax),
                    meanSquare, rows, share(meanSquare, rows), almostSure, share(almostSure, rows), runs,
                    share(runs, rows)));
        }
        md.setLength(md.length() - 2);
        return md.append(".\n").toString();
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "NaN" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    /**
     * @param folder the output folder of the spec
     * @return the index entry: one line per variant and a link
     */
    String indexSummary(String folder) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """
                %d variants (forget overlaps %s x alpha %s) of Figure 1 on distinct retain and forget sets. \
                Comparison and findings: [fig1-variants.md](%s/fig1-variants.md).

                """, results.size(), spec.overlaps(), spec.alphas(), folder));
        for (Result r : results) {
            Fig1Agreement.ProtocolTest t = r.protocolTest();
            text.append(String.format(Locale.ROOT, """
                    - overlap %s, alpha %s: sigma %s to %s; mean square diverges in %d of %d rows, lyapunov > 0 in \
                    %d, runs' majority diverges in %d; it agrees with the visible Lyapunov verdict in %s and with \
                    the mean square in %s of the decided rows.
                    """, r.overlap(), r.alpha(), ProseNumber.format(r.sigmaMin()), ProseNumber.format(r.sigmaMax()),
                    r.count(x -> x.msVerdict() == Verdict.DIVERGE), r.rows(), r.count(x -> x.run().lyapunov() > 0.0),
                    r.count(x -> x.mcVerdict() == Verdict.DIVERGE), share(t.visible(), t.decided()),
                    share(t.meanSquare(), t.decided())));
        }
        return text.toString();
    }
}
