package org.unlearnstability.coherence;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.rng.RandomStreams;

/**
 * The certified bracket contains the true Perron root and is as narrow as asked, whatever the Lanczos
 * start did (it only chooses where the certifying power steps begin).
 */
class PerronRootTest {

    /** Symmetric nonnegative matrices: dense, sparse, near-diagonal (slow power iteration) and rank one. */
    private record Case(int size, int kind, long seed) {
        double[][] matrix() {
            var rng = RandomStreams.stream(seed);
            double[][] s = new double[size][size];
            double[] u = new double[size];
            for (int i = 0; i < size; i++) {
                u[i] = 0.1 + rng.nextDouble();
            }
            for (int i = 0; i < size; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = switch (kind) {
                        case 0 -> rng.nextDouble();
                        case 1 -> rng.nextDouble() < 0.2 ? rng.nextDouble() : 0.0;
                        case 2 -> i == j ? 1.0 + 1e-3 * rng.nextDouble() : 1e-3 * rng.nextDouble();
                        default -> u[i] * u[j];
                    };
                    s[i][j] = v;
                    s[j][i] = v;
                }
            }
            return s;
        }
    }

    private static Gen<Case> cases() {
        return SourceDSL.integers().between(1, 70).zip(SourceDSL.integers().between(0, 3),
                SourceDSL.longs().all(), Case::new);
    }

    @Test
    void bracketContainsTheLargestEigenvalue() {
        qt().withFixedSeed(8675309L).withExamples(200).forAll(cases()).checkAssert(c -> {
            double[][] s = c.matrix();
            double exact = max(new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(s)).getEigenvalues());
            CertifiedEigenvalue e = PerronRoot.of(NonnegativeOperator.ofRows(s), 1e-10,
                    PerronRoot.DEFAULT_MAX_ITERATIONS);
            double slack = 1e-12 * Math.max(1.0, Math.abs(exact));
            assertTrue(e.lower() <= exact + slack && exact - slack <= e.upper(), c + ": " + e + " vs " + exact);
            assertTrue(e.lower() <= e.estimate() && e.estimate() <= e.upper(), c + ": " + e);
            // A reducible matrix (kind 1) may stall the Collatz-Wielandt bounds; all others must close.
            if (c.kind() != 1) {
                assertTrue(e.relativeWidth() <= 1e-10, c + ": width " + e.relativeWidth());
            }
        });
    }

    @Test
    void lanczosBracketContainsTheLargestEigenvalueFromAnyPositiveStart() {
        qt().withFixedSeed(8675310L).withExamples(200).forAll(cases(), SourceDSL.doubles().between(1e-12, 1e-2))
                .checkAssert((c, tolerance) -> {
                    double[][] s = c.matrix();
                    double exact = max(new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(s))
                            .getEigenvalues());
                    var rng = RandomStreams.stream(c.seed(), 1);
                    double[] start = new double[c.size()];
                    for (int i = 0; i < start.length; i++) {
                        start[i] = 1e-3 + rng.nextDouble();
                    }
                    CertifiedEigenvalue e = PerronRoot.byLanczos(NonnegativeOperator.ofRows(s), tolerance, start)
                            .value();
                    double slack = 1e-12 * Math.max(1.0, Math.abs(exact));
                    assertTrue(e.lower() <= exact + slack && exact - slack <= e.upper(), c + ": " + e + " vs " + exact);
                    assertTrue(e.lower() <= e.estimate() && e.estimate() <= e.upper(), c + ": " + e);
                    if (c.kind() != 1) {
                        assertTrue(e.relativeWidth() <= tolerance, c + ": width " + e.relativeWidth() + " > "
                                + tolerance);
                    }
                });
    }

    @Test
    void aStartOfSubnormalEntriesIsNormalisedNotBlownUp() {
        // The positive floor of a zero vector is a vector of MIN_NORMAL: its squares underflow to a zero norm.
        double[] tiny = {Double.MIN_NORMAL, Double.MIN_NORMAL, Double.MIN_NORMAL};
        double[][] positive = {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}};
        PerronRoot.Iterate root = PerronRoot.of(NonnegativeOperator.ofRows(positive), 1e-12, 1_000, tiny);
        double exact = 2 + Math.sqrt(2);
        assertTrue(root.value().lower() <= exact && exact <= root.value().upper() * (1 + 1e-15), root.value() + "");
        assertTrue(root.value().relativeWidth() <= 1e-12, root.value() + "");
        PerronRoot.Iterate zero = PerronRoot.of(NonnegativeOperator.ofRows(new double[3][3]), 1e-12, 1_000, tiny);
        assertTrue(zero.value().upper() == 0.0, zero.value() + "");
        for (double v : zero.vector()) {
            assertTrue(Double.isFinite(v), java.util.Arrays.toString(zero.vector()));
        }
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
