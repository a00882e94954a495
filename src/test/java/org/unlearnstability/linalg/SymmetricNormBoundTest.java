package org.unlearnstability.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.rng.RandomStreams;

class SymmetricNormBoundTest {

    @Test
    void certifiesExactlyTheBoundsTheEigenDecompositionKeepsOutsideTheMargin() {
        qt().withFixedSeed(5).withExamples(400)
                .forAll(SourceDSL.integers().between(1, 12), SourceDSL.longs().all(),
                        SourceDSL.doubles().between(-0.01, 0.01))
                .checkAssert((n, seed, offset) -> {
                    double[][] j = randomSymmetric(n, RandomStreams.stream(seed));
                    double norm = norm(j);
                    double bound = norm * (1 + offset);
                    double margin = 1e-7 * (bound + MatrixUtils.createRealMatrix(j).getFrobeniusNorm());
                    boolean certified = SymmetricNormBound.certifiesBelow(j, bound);
                    String where = "n=" + n + " seed=" + seed + " offset=" + offset;
                    if (certified) {
                        assertTrue(norm < bound, where);
                    }
                    if (norm < bound - margin) {
                        assertTrue(certified, "a clear bound is certified: " + where);
                    }
                });
    }

    @Test
    void neverCertifiesTheNormItselfNorNonFiniteMatrices() {
        double[][] j = {{0.5, 0.2}, {0.2, -0.9}};
        double norm = norm(j);
        assertFalse(SymmetricNormBound.certifiesBelow(j, norm));
        assertTrue(SymmetricNormBound.certifiesBelow(j, 1.0));
        assertFalse(SymmetricNormBound.certifiesBelow(new double[][] {{-1.0}}, 1.0));
        assertTrue(SymmetricNormBound.certifiesBelow(new double[][] {{-0.99}}, 1.0));
        assertFalse(SymmetricNormBound.certifiesBelow(new double[][] {{Double.NaN}}, 1.0));
        assertEquals(1e-9, SymmetricNormBound.RELATIVE_MARGIN);
    }

    private static double norm(double[][] j) {
        double norm = 0.0;
        for (double v : new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(j)).getEigenvalues()) {
            norm = Math.max(norm, Math.abs(v));
        }
        return norm;
    }

    private static double[][] randomSymmetric(int n, UniformRandomProvider rng) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                double v = RandomStreams.gaussian(rng);
                a[i][k] = v;
                a[k][i] = v;
            }
        }
        return a;
    }
}
