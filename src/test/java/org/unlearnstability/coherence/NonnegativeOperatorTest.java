package org.unlearnstability.coherence;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.unlearnstability.rng.RandomStreams;

/**
 * The dense operator's product sweeps four columns at a time; out_i must still receive x_j s_ji in the order of
 * j and skip x_j = 0 exactly as one sweep per nonzero column does, so that every Perron root built on it rounds
 * as before (the Figure 2 reports are compared to the bit).
 */
class NonnegativeOperatorTest {
    private static final long SEED = 20261205L;

    @Test
    void fourColumnSweepRoundsAsOneSweepPerNonzeroColumn() {
        qt().withFixedSeed(SEED).withExamples(80).forAll(integers().between(1, 23), longs().all())
                .checkAssert((n, seed) -> {
                    UniformRandomProvider rng = RandomStreams.stream(seed);
                    double[][] s = new double[n][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j <= i; j++) {
                            s[i][j] = rng.nextDouble();
                            s[j][i] = s[i][j];
                        }
                    }
                    double[] x = new double[n];
                    for (int j = 0; j < n; j++) {
                        // A third of the entries zero (of either sign): they are skipped, not added as 0 x s.
                        int kind = rng.nextInt(6);
                        x[j] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : rng.nextDouble() - 0.3;
                    }
                    double[] blocked = new double[n];
                    NonnegativeOperator.ofRows(s).apply(x, blocked);
                    assertTrue(Arrays.equals(oneColumnAtATime(s, x), blocked), () -> "n = " + n + ", seed " + seed);
                });
    }

    private static double[] oneColumnAtATime(double[][] s, double[] x) {
        double[] out = new double[x.length];
        for (int j = 0; j < s.length; j++) {
            if (x[j] != 0.0) {
                for (int i = 0; i < out.length; i++) {
                    out[i] += x[j] * s[j][i];
                }
            }
        }
        return out;
    }
}
