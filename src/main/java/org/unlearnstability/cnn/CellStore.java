package org.unlearnstability.cnn;

import java.util.Optional;

/**
 * Where the Figure 2 sweep finds cells an earlier run of the same spec and code computed, and keeps the
 * ones it computes, so that a rerun or a resumed run repeats no training. A cell is named by its
 * (sigma0, d, ||mu||); the store decides whether the spec and code are unchanged.
 */
public interface CellStore {
    /** A store that remembers nothing. */
    CellStore NONE = new CellStore() {
        @Override
        public Optional<CellSummary> load(String cell) {
            return Optional.empty();
        }

        @Override
        public void store(String cell, CellSummary summary) {
            // nothing is kept
        }
    };

    /**
     * @param cell the cell's name
     * @return the cell computed earlier, or empty
     */
    Optional<CellSummary> load(String cell);

    /**
     * @param cell the cell's name
     * @param summary the computed cell
     */
    void store(String cell, CellSummary summary);
}
