package org.unlearnstability.cnn;

/**
 * Runs the repeats of one grid cell (d, ||mu||) of Figure 2 in order; each repeat draws from its own
 * streams (seed, d, ||mu||, repeat, component), so a cell gives the same numbers whether it runs
 * alone ({@code cnn} command) or inside a sweep on any number of threads.
 */
public final class CnnCell {
    private CnnCell() {
    }

    /**
     * @param protocol the protocol
     * @param d the patch dimension
     * @param muNorm ||mu||
     * @param seed the experiment seed
     * @param repeats the number of repeats
     * @param coherence whether to run the coherence analysis
     * @return the summary over the repeats
     */
    public static CellSummary run(CnnProtocol protocol, int d, double muNorm, long seed, int repeats,
            boolean coherence) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (!(muNorm >= 0.0) || Double.isInfinite(muNorm)) {
            throw new IllegalArgumentException("mu must be finite and >= 0, got " + muNorm);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        double[][] values = new double[repeats][];
        for (int r = 0; r < repeats; r++) {
            values[r] = CnnRepeat.run(protocol, d, muNorm, seed, r, coherence);
        }
        return CellSummary.of(d, muNorm, values);
    }
}
