package org.unlearnstability.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;

/**
 * A Gram matrix with a large cluster of zero eigenvalues (550 factors of which 50 are sums of two others, as forget
 * samples that repeat retain samples) stops Hipparchus' QL iteration; the shifted retry decomposes it, and the
 * decomposition reproduces the matrix with orthonormal eigenvectors and exactly 50 eigenvalues at rounding level.
 */
class SymmetricEigenTest {
    private static final int FACTORS = 550;
    private static final int REPEATS = 50;
    /** Backward error allowed, relative to the largest eigenvalue: a few hundred ulps over 550 terms. */
    private static final double RELATIVE = 1e-11;

    @Test
    void aLargeZeroClusterIsDecomposedAfterHipparchusGivesUp() {
        double[][] gram = gramWithRepeats(FACTORS, REPEATS, 29L);
        assertThrows(MathIllegalStateException.class,
                () -> new EigenDecompositionSymmetric(new Array2DRowRealMatrix(gram, true)));
        SymmetricEigen eigen = SymmetricEigen.of(gram);
        double[] values = eigen.eigenvalues();
        double[][] rows = eigen.vectorRows();
        double top = values[0];
        int zeros = 0;
        for (double v : values) {
            zeros += Math.abs(v) <= RELATIVE * top ? 1 : 0;
        }
        assertEquals(REPEATS, zeros, "eigenvalues at rounding level");
        for (int i = 0; i < FACTORS; i += 37) {
            for (int j = 0; j < FACTORS; j += 41) {
                double rebuilt = 0.0;
                double inner = 0.0;
                for (int p = 0; p < FACTORS; p++) {
                    rebuilt += rows[p][i] * values[p] * rows[p][j];
                    inner += rows[i][p] * rows[j][p];
                }
                assertEquals(gram[i][j], rebuilt, RELATIVE * top, "entry " + i + "," + j);
                assertEquals(i == j ? 1.0 : 0.0, inner, 1e-12, "orthonormal rows " + i + "," + j);
            }
        }
    }

    @Test
    void whenHipparchusConvergesTheResultIsItsOwn() {
        double[][] gram = gramWithRepeats(60, 5, 3L);
        EigenDecompositionSymmetric direct = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(gram, true));
        SymmetricEigen eigen = SymmetricEigen.of(gram);
        assertArrayEquals(direct.getEigenvalues(), eigen.eigenvalues());
        assertArrayEquals(direct.getVT().getData(), eigen.vectorRows());
    }

    /** Gram matrix of n factors in R^(n - repeats): the last `repeats` are normalised sums of two earlier ones. */
    private static double[][] gramWithRepeats(int n, int repeats, long seed) {
        int r = n - repeats;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[n][r];
        for (int i = 0; i < r; i++) {
            for (int p = 0; p < r; p++) {
                columns[i][p] = random.nextGaussian() / Math.sqrt(r);
            }
        }
        for (int i = r; i < n; i++) {
            double[] x = columns[random.nextInt(r)];
            double[] y = columns[random.nextInt(r)];
            for (int p = 0; p < r; p++) {
                columns[i][p] = (x[p] + y[p]) / Math.sqrt(2);
            }
        }
        double[][] gram = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                gram[i][j] = Vectors.dot(columns[i], columns[j]);
                gram[j][i] = gram[i][j];
            }
        }
        return gram;
    }
}
