package org.unlearnstability.experiment.fig2;

import java.io.Serializable;
import java.util.Locale;
import org.unlearnstability.cnn.CnnProtocol;

/**
 * One grid cell (d, ||mu||) of Figure 2 with everything its computation needs: the protocol (sigma0 included),
 * the experiment seed, the repeats and whether to analyse the Hessians. {@link #compute()} is a pure function of
 * this record: each repeat draws from its own streams (seed, d, ||mu||, repeat, component), so a cell gives the
 * same numbers whether it runs alone ({@code cnn} command), inside a sweep on any number of threads, or on
 * another machine.
 *
 * @param protocol the protocol
 * @param d the patch dimension
 * @param muNorm ||mu||
 * @param seed the experiment seed
 * @param repeats the number of repeats
 * @param coherence whether to run the coherence analysis
 */
public record Fig2Cell(CnnProtocol protocol, int d, double muNorm, long seed, int repeats, boolean coherence)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Rejects a cell that cannot be computed. */
    public Fig2Cell {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (!(muNorm >= 0.0) || Double.isInfinite(muNorm)) {
            throw new IllegalArgumentException("mu must be finite and >= 0, got " + muNorm);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
    }

    /** @return the name of the cell in the cache, unique within a spec (sensitivity cells differ in sigma0) */
    public String name() {
        return String.format(Locale.ROOT, "sigma0-%s-d%05d-mu-%s", protocol.initSigma(), d, muNorm);
    }

    /** @return the summary over the repeats, run in order */
    public CellSummary compute() {
        double[][] values = new double[repeats][];
        for (int r = 0; r < repeats; r++) {
            values[r] = Fig2Repeat.run(protocol, d, muNorm, seed, r, coherence);
        }
        return CellSummary.of(d, muNorm, values);
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
        return new Fig2Cell(protocol, d, muNorm, seed, repeats, coherence).compute();
    }
}
