package org.unlearnstability.frontier;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a stability frontier says, as typed findings and in words: which (alpha, B) cells are
 * mean-square stable for some learning rate (etaStar &gt; 0), where the largest stable learning rate
 * lies, and, when no cell is stable, along how many directions the mean step expands (the negative
 * eigenvalues of A = (1-alpha) H_R - alpha H_F, where forget curvature outweighs retain curvature).
 *
 * @param cells all cells
 * @param stable the stable cells
 * @param best the stable cell with the largest etaStar, if any
 * @param stableAlphas for each alpha with a stable cell, that alpha and its stable batch sizes
 * @param expanding the cells whose drift A has a negative eigenvalue
 */
public record FrontierSummary(List<FrontierCell> cells, List<FrontierCell> stable, Optional<FrontierCell> best,
        List<AlphaRow> stableAlphas, List<FrontierCell> expanding) {

    /**
     * @param alpha a forget weight
     * @param batches the batch sizes at which it is stable
     */
    public record AlphaRow(double alpha, List<Integer> batches) {
        /** Copies the list. */
        public AlphaRow {
            batches = List.copyOf(batches);
        }
    }

    /** Copies the lists. */
    public FrontierSummary {
        cells = List.copyOf(cells);
        stable = List.copyOf(stable);
        stableAlphas = List.copyOf(stableAlphas);
        expanding = List.copyOf(expanding);
    }

    static FrontierSummary of(Frontier frontier) {
        List<FrontierCell> cells = frontier.cells();
        List<FrontierCell> stable = cells.stream().filter(FrontierCell::stable).toList();
        Optional<FrontierCell> best = stable.stream().max(Comparator.comparingDouble(FrontierCell::etaStar));
        List<AlphaRow> rows = stable.stream()
                .collect(Collectors.groupingBy(FrontierCell::alpha, java.util.TreeMap::new,
                        Collectors.mapping(FrontierCell::batch, Collectors.toList())))
                .entrySet().stream().map(e -> new AlphaRow(e.getKey(), e.getValue())).toList();
        List<FrontierCell> expanding = cells.stream().filter(c -> c.negativeCountA() > 0).toList();
        return new FrontierSummary(cells, stable, best, rows, expanding);
    }

    /** @return the findings as a few sentences */
    public String text() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Unlearning is mean-square stable for some learning rate in %d of %d (alpha, B) cells.",
                stable.size(), cells.size()));
        for (AlphaRow row : stableAlphas) {
            text.append(String.format(Locale.ROOT, "%n  alpha = %s: stable for B in %s", number(row.alpha()),
                    row.batches()));
        }
        best.ifPresent(cell -> text.append(String.format(Locale.ROOT,
                "%nThe largest stable learning rate is etaStar = %s, at alpha = %s, B = %d"
                        + " (there eta7 = %s, eta8 = %s).",
                number(cell.etaStar()), number(cell.alpha()), cell.batch(), number(cell.eta7()),
                number(cell.eta8()))));
        if (!expanding.isEmpty()) {
            FrontierCell worst = expanding.stream().min(Comparator.comparingDouble(FrontierCell::lambdaMinA))
                    .orElseThrow();
            double firstAlpha = expanding.stream().mapToDouble(FrontierCell::alpha).min().orElseThrow();
            text.append(String.format(Locale.ROOT,
                    "%n%s: from alpha = %s on, A = (1 - alpha) H_R - alpha H_F has negative eigenvalues (up to %d"
                            + " directions, lambda_min(A) down to %s at alpha = %s): along them forget curvature"
                            + " outweighs retain curvature and the mean step alone expands for every eta > 0.",
                    stable.isEmpty() ? "No cell is stable" : "Unstable cells", number(firstAlpha),
                    expanding.stream().mapToInt(FrontierCell::negativeCountA).max().orElseThrow(),
                    number(worst.lambdaMinA()), number(worst.alpha())));
        } else if (stable.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%nNo cell is stable although A has no negative eigenvalue:"
                    + " A vanishes along a direction in the range of the Hessians, which the mean step leaves"
                    + " uncontracted while the batch noise makes E||w_k||^2 grow (etaStar = 0)."));
        }
        return text.toString();
    }

    /** Four significant digits without trailing zeros (0.1, not 0.1000). */
    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros().toPlainString();
    }
}
