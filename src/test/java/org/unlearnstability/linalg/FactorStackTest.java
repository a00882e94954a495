package org.unlearnstability.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The stacked sum of congruences equals the sum of each term's own congruence, for any ranks and signs of weights. */
class FactorStackTest {
    private static final int CASES = 80;
    /** Relative agreement: the two routes sum the same products in different orders. */
    private static final double RELATIVE = 1e-12;

    @Test
    void stackedSumEqualsTheTermByTermSum() {
        SplittableRandom random = new SplittableRandom(20261205L);
        for (int c = 0; c < CASES; c++) {
            // Sizes beyond the parallel threshold too, so the threaded route is checked.
            int m = 1 + random.nextInt(c % 4 == 0 ? 90 : 12);
            int terms = 1 + random.nextInt(c % 4 == 0 ? 40 : 6);
            List<FactorHessian> hessians = new ArrayList<>();
            double[] weights = new double[terms];
            for (int t = 0; t < terms; t++) {
                int rank = 1 + random.nextInt(3);
                double[][] columns = new double[rank][m];
                for (double[] column : columns) {
                    for (int i = 0; i < m; i++) {
                        column[i] = random.nextInt(5) == 0 ? 0.0 : random.nextGaussian();
                    }
                }
                hessians.add(FactorHessian.ofColumns(m, columns));
                weights[t] = random.nextDouble(-1.0, 2.0);
            }
            double[][] x = symmetric(random, m);
            double[][] stacked = new double[m][m];
            FactorStack.of(hessians).weightedCongruenceSum(weights, x, stacked);
            double[][] expected = new double[m][m];
            double scale = 0.0;
            for (int t = 0; t < terms; t++) {
                double[][] image = new double[m][m];
                hessians.get(t).congruence(x, image);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        expected[i][j] += weights[t] * image[i][j];
                        scale = Math.max(scale, Math.abs(weights[t] * image[i][j]));
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    assertEquals(expected[i][j], stacked[i][j], RELATIVE * Math.max(1.0, scale) * m,
                            "case " + c + " (m = " + m + ", " + terms + " terms), entry " + i + "," + j);
                }
            }
        }
    }

    @Test
    void termsOfAnotherDimensionAndAMissingWeightAreRejected() {
        List<FactorHessian> mixed = List.of(FactorHessian.rankOne(new double[] {1, 2}),
                FactorHessian.rankOne(new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> FactorStack.of(mixed));
        FactorStack stack = FactorStack.of(List.of(FactorHessian.rankOne(new double[] {1, 2})));
        assertThrows(IllegalArgumentException.class,
                () -> stack.weightedCongruenceSum(new double[2], new double[2][2], new double[2][2]));
        assertThrows(IllegalArgumentException.class,
                () -> stack.weightedCongruenceSum(new double[1], new double[2][3], new double[2][2]));
    }

    private static double[][] symmetric(SplittableRandom random, int m) {
        double[][] x = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                x[i][j] = random.nextGaussian();
                x[j][i] = x[i][j];
            }
        }
        return x;
    }
}
