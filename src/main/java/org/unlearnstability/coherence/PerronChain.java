package org.unlearnstability.coherence;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.linalg.Vectors;

/**
 * Starts for the certified brackets of lambda_max(S) along a chain of mixing weights (neighbouring weights of the
 * stability frontier in increasing C_r'): the Perron vector of S(C_r') moves smoothly with C_r', so the next start is
 * the linear extrapolation of the last two Perron vectors (unit length) to the next weight, or the last one when
 * only one is known. Any positive start gives the same certified bracket; a better one saves Lanczos steps (on
 * the rank-one benchmark family at width 1e-4, 136 exact products for 47 weights instead of 158 from the last
 * vector alone).
 */
public final class PerronChain {
    private double @Nullable [] last;
    private double @Nullable [] beforeLast;
    private double lastWeight;
    private double beforeLastWeight;

    /**
     * @param s the next operator of the chain
     * @param width the requested relative width
     * @return its bracket ({@link MixCoherenceBracket#chained}), whose Perron vector the chain keeps
     */
    public MixCoherenceBracket next(MixCoherenceMatrix s, double width) {
        MixCoherenceBracket bracket = MixCoherenceBracket.chained(s, width, MixCoherenceBracket.EXACT_PAIRS_LIMIT,
                start(s.retainWeight()));
        beforeLast = last;
        beforeLastWeight = lastWeight;
        double[] vector = bracket.perronVector();
        last = Vectors.scaled(vector, 1.0 / Vectors.norm(vector));
        lastWeight = s.retainWeight();
        return bracket;
    }

    /** The extrapolated start for weight c, or null at the head of the chain. */
    private double @Nullable [] start(double c) {
        double[] x = last;
        double[] w = beforeLast;
        if (x == null || w == null || lastWeight == beforeLastWeight) {
            return x;
        }
        double t = (c - lastWeight) / (lastWeight - beforeLastWeight);
        double[] start = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            start[i] = x[i] + t * (x[i] - w[i]);
        }
        // Positivity is restored by MixCoherenceBounds.positive inside the bracket.
        return start;
    }
}
