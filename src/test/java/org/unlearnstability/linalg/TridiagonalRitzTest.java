package org.unlearnstability.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.rng.RandomStreams;

/**
 * The Lanczos convergence checks read theta and the last eigenvector component from {@link TridiagonalRitz}
 * instead of the full decomposition: both must equal Hipparchus's, bit for bit, or Lanczos would stop at
 * another step.
 */
class TridiagonalRitzTest {

    @Test
    void valuesAndLastComponentsEqualTheFullDecompositionToTheBit() {
        qt().withFixedSeed(17).withExamples(400)
                .forAll(SourceDSL.integers().between(1, 60), SourceDSL.longs().all(),
                        SourceDSL.integers().between(0, 3))
                .checkAssert((n, seed, shape) -> {
                    UniformRandomProvider rng = RandomStreams.stream(seed);
                    double[] main = new double[n];
                    double[] secondary = new double[n - 1];
                    for (int i = 0; i < n; i++) {
                        // Shapes: Gaussian entries; a Lanczos-like positive diagonal; repeated entries (ties in
                        // the spectrum); some zero and tiny couplings (the matrix splits into blocks).
                        main[i] = shape == 1 ? 5 + rng.nextDouble() : shape == 2 ? 1.0 : RandomStreams.gaussian(rng);
                        if (i < n - 1) {
                            double b = shape == 2 ? 0.5 : Math.abs(RandomStreams.gaussian(rng));
                            secondary[i] = shape == 3 && rng.nextInt(3) == 0 ? (rng.nextBoolean() ? 0.0 : 1e-300) : b;
                        }
                    }
                    EigenDecompositionSymmetric full = new EigenDecompositionSymmetric(main, secondary);
                    TridiagonalRitz ritz = TridiagonalRitz.of(main, secondary);
                    double[] values = full.getEigenvalues();
                    for (int i = 0; i < n; i++) {
                        String where = "n=" + n + " seed=" + seed + " shape=" + shape + " i=" + i;
                        assertEquals(Double.doubleToLongBits(values[i]), Double.doubleToLongBits(ritz.values()[i]),
                                where + ": eigenvalue");
                        assertEquals(Double.doubleToLongBits(full.getEigenvector(i).getEntry(n - 1)),
                                Double.doubleToLongBits(ritz.lastComponents()[i]), where + ": last component");
                    }
                });
    }
}
