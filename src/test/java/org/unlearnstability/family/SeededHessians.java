package org.unlearnstability.family;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;

/**
 * Seeded random PSD Hessians for property tests: dense A A^T (exactly symmetric), nonnegative
 * diagonals with some zeros, and factors G of 0 to d + 1 columns.
 */
final class SeededHessians {
    private final UniformRandomProvider rng;

    SeededHessians(long seed) {
        this.rng = RandomStreams.stream(seed);
    }

    /** @return a family mixing all three forms */
    HessianFamily mixed(int d, int nRetain, int nForget) {
        return new HessianFamily(mixedSet(d, nRetain), mixedSet(d, nForget));
    }

    private List<Hessian> mixedSet(int d, int n) {
        List<Hessian> set = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            switch (rng.nextInt(3)) {
                case 0 -> set.add(DenseHessian.of(denseRows(d, 1 + rng.nextInt(d))));
                case 1 -> set.add(DiagonalHessian.of(diagonal(d)));
                default -> set.add(FactorHessian.ofRows(factorRows(d, rng.nextInt(d + 2))));
            }
        }
        return set;
    }

    /** @return the rows of A A^T for a Gaussian d x m matrix A, symmetric bit for bit */
    double[][] denseRows(int d, int m) {
        double[][] a = factorRows(d, m);
        double[][] h = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double sum = 0.0;
                for (int c = 0; c < m; c++) {
                    sum += a[i][c] * a[j][c];
                }
                h[i][j] = sum;
                h[j][i] = sum;
            }
        }
        return h;
    }

    /** @return a Gaussian d x k matrix as rows, scaled by a random power of ten */
    double[][] factorRows(int d, int k) {
        double scale = Math.pow(10.0, rng.nextInt(7) - 3);
        double[][] g = new double[d][k];
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < k; c++) {
                g[i][c] = scale * RandomStreams.gaussian(rng);
            }
        }
        return g;
    }

    /** @return nonnegative entries, about a quarter of them zero */
    double[] diagonal(int d) {
        double[] h = new double[d];
        for (int i = 0; i < d; i++) {
            h[i] = rng.nextInt(4) == 0 ? 0.0 : Math.abs(RandomStreams.gaussian(rng));
        }
        return h;
    }

    /** @return n dense PSD samples of dimension d, as values[s][i][j] */
    double[][][] denseSamples(int n, int d) {
        double[][][] samples = new double[n][][];
        for (int s = 0; s < n; s++) {
            samples[s] = denseRows(d, 1 + rng.nextInt(d));
        }
        return samples;
    }

    /** @return n factor samples G of shape d x k, as values[s][i][c] */
    double[][][] factorSamples(int n, int d, int k) {
        double[][][] samples = new double[n][][];
        for (int s = 0; s < n; s++) {
            samples[s] = factorRows(d, k);
        }
        return samples;
    }
}
