package org.unlearnstability.experiment.claims;

import java.util.function.Function;
import java.util.function.Predicate;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.report.Column;

/**
 * The columns of tightness.csv and of the table in tightness.md, declared once: key, value and one line of
 * documentation, and for the two ratios the cells on the wrong side of their bound (marked in the Markdown table).
 * CSV order is declaration order; an infinite value (eta7 at B = n) is written as Infinity.
 */
enum TightnessColumn implements Column<TightnessGrid.Cell> {
    /** Q. */
    Q("Q", c -> c.q(), "Q, the samples sharing e_1 in the section 3.1 construction"),
    /** B. */
    B("B", c -> c.b(), "batch size B (Bernoulli batches)"),
    /** sigma. */
    SIGMA("sigma", TightnessGrid.Cell::sigma, "unlearning coherence sigma (Definition 4)"),
    /** etaStar. */
    ETA_STAR("etaStar", TightnessGrid.Cell::etaStar, "exact critical learning rate: rho(T) < 1 iff eta < etaStar"),
    /** eta7. */
    ETA7("eta7", TightnessGrid.Cell::eta7, "(7) holds iff eta >= eta7"),
    /** eta8. */
    ETA8("eta8", TightnessGrid.Cell::eta8, "(8) holds iff eta <= eta8"),
    /** eta7 / etaStar. */
    RATIO7("ratio7", TightnessGrid.Cell::ratio7, TightnessGrid.Cell::wrong7,
            "eta7 / etaStar; below 1, (7) claims divergence where the exact dynamics converge (wrong side)"),
    /** eta8 / etaStar. */
    RATIO8("ratio8", TightnessGrid.Cell::ratio8, TightnessGrid.Cell::wrong8,
            "eta8 / etaStar; above 1, (8) claims convergence where the exact dynamics do not converge (wrong side)"),
    /** etaCoherenceFree. */
    ETA_COHERENCE_FREE("etaCoherenceFree", TightnessGrid.Cell::etaCoherenceFree,
            "(7) with sigma at its floor; etaStar <= etaCoherenceFree <= eta7 for every family");

    private final Definition<TightnessGrid.Cell> definition;
    private final Predicate<TightnessGrid.Cell> wrongSide;

    TightnessColumn(String key, Function<TightnessGrid.Cell, @Nullable Object> value, String doc) {
        this(key, value, cell -> false, doc);
    }

    TightnessColumn(String key, Function<TightnessGrid.Cell, @Nullable Object> value,
            Predicate<TightnessGrid.Cell> wrongSide, String doc) {
        this.definition = Definition.of(key, value, doc);
        this.wrongSide = wrongSide;
    }

    @Override
    public Definition<TightnessGrid.Cell> definition() {
        return definition;
    }

    /**
     * @param cell a cell of the grid
     * @return whether the cell's value in this column puts its bound on the wrong side of etaStar
     */
    boolean wrongSide(TightnessGrid.Cell cell) {
        return wrongSide.test(cell);
    }
}
