package org.unlearnstability.family;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;

/**
 * Seeded random Hessian families for benchmarks and demonstrations: each Hessian is A A^T / d with
 * A a d x d standard Gaussian matrix (a Wishart draw, full rank, lambda_max of order 4).
 */
public final class RandomFamilies {
    private RandomFamilies() {
    }

    /**
     * @param seed the seed
     * @param nRetain n_r
     * @param nForget n_f
     * @param d the dimension
     * @return a dense Wishart family, a pure function of its arguments
     */
    public static HessianFamily denseWishart(long seed, int nRetain, int nForget, int d) {
        List<Hessian> retain = new ArrayList<>();
        List<Hessian> forget = new ArrayList<>();
        for (int i = 0; i < nRetain + nForget; i++) {
            Hessian h = wishart(RandomStreams.stream(seed, i), d);
            (i < nRetain ? retain : forget).add(h);
        }
        return new HessianFamily(retain, forget);
    }

    private static Hessian wishart(UniformRandomProvider rng, int d) {
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = RandomStreams.gaussian(rng, d);
        }
        double[][] h = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double s = 0.0;
                for (int k = 0; k < d; k++) {
                    s += a[i][k] * a[j][k];
                }
                h[i][j] = s / d;
                h[j][i] = s / d;
            }
        }
        return DenseHessian.of(h);
    }
}
