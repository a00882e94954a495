package org.unlearnstability.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.rng.RandomStreams;

class LargestEigenvalueTest {

    @Test
    void agreesWithTheFullEigenDecompositionOnRandomSymmetricMatrices() {
        qt().withFixedSeed(11).withExamples(300)
                .forAll(SourceDSL.integers().between(1, 40), SourceDSL.longs().all())
                .checkAssert((n, seed) -> {
                    double[][] a = randomSymmetric(n, RandomStreams.stream(seed));
                    double expected = max(new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(a))
                            .getEigenvalues());
                    double scale = MatrixUtils.createRealMatrix(a).getFrobeniusNorm();
                    assertEquals(expected, LargestEigenvalue.of(a), 1e-12 * Math.max(1.0, scale),
                            "n=" + n + " seed=" + seed);
                });
    }

    @Test
    void handlesDiagonalZeroAndRepeatedSpectra() {
        assertEquals(3.0, LargestEigenvalue.of(new double[][] {{1, 0, 0}, {0, 3, 0}, {0, 0, 2}}), 0.0);
        assertEquals(0.0, LargestEigenvalue.of(new double[][] {{0, 0}, {0, 0}}), 0.0);
        assertEquals(2.0, LargestEigenvalue.of(new double[][] {{1, 1}, {1, 1}}), 1e-15);
        assertEquals(-1.0, LargestEigenvalue.of(new double[][] {{-1, 0}, {0, -1}}), 1e-15);
        assertEquals(5.0, LargestEigenvalue.of(new double[][] {{5}}), 0.0);
    }

    @Test
    void rejectsNonFiniteEntriesInsteadOfBisectingForever() {
        assertThrows(IllegalArgumentException.class,
                () -> LargestEigenvalue.of(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> LargestEigenvalue.of(new double[][] {{Double.POSITIVE_INFINITY}}));
    }

    private static double[][] randomSymmetric(int n, UniformRandomProvider rng) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = RandomStreams.gaussian(rng);
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        return a;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
