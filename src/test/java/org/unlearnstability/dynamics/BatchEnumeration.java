package org.unlearnstability.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;

/**
 * The test oracle for the second moment: every joint batch pattern (D_{r,k}, D_{f,k}) with its
 * probability and its dense J_k of eq. (3), straight from the definitions, with no use of the
 * closed form under test.
 */
final class BatchEnumeration {
    /** One batch pattern: probability and J_k. */
    record Pattern(double probability, RealMatrix jk) {
    }

    private BatchEnumeration() {
    }

    static List<Pattern> patterns(HessianFamily family, Hyperparameters hyper, BatchSampler sampler) {
        List<double[]> retainSets = subsets(family.nRetain(), hyper.batch(), sampler);
        List<double[]> forgetSets = subsets(family.nForget(), hyper.batch(), sampler);
        int d = family.dimension();
        List<Pattern> out = new ArrayList<>();
        for (double[] r : retainSets) {
            for (double[] f : forgetSets) {
                RealMatrix jk = MatrixUtils.createRealIdentityMatrix(d);
                for (int i = 0; i < family.nRetain(); i++) {
                    if (r[i + 1] == 1.0) {
                        jk = jk.subtract(family.retain().get(i).toMatrix()
                                .scalarMultiply(hyper.eta() * (1 - hyper.alpha()) / hyper.batch()));
                    }
                }
                for (int i = 0; i < family.nForget(); i++) {
                    if (f[i + 1] == 1.0) {
                        jk = jk.add(family.forget().get(i).toMatrix()
                                .scalarMultiply(hyper.eta() * hyper.alpha() / hyper.batch()));
                    }
                }
                out.add(new Pattern(r[0] * f[0], jk));
            }
        }
        return out;
    }

    /** Each subset as {probability, indicator_1, ..., indicator_n}. */
    private static List<double[]> subsets(int n, int batch, BatchSampler sampler) {
        double p = (double) batch / n;
        List<double[]> all = new ArrayList<>();
        int count = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (sampler == BatchSampler.WITHOUT_REPLACEMENT && Integer.bitCount(mask) != batch) {
                continue;
            }
            double[] s = new double[n + 1];
            double probability = 1.0;
            for (int i = 0; i < n; i++) {
                boolean in = (mask >> i & 1) == 1;
                s[i + 1] = in ? 1.0 : 0.0;
                probability *= in ? p : 1 - p;
            }
            s[0] = probability;
            all.add(s);
            count++;
        }
        if (sampler == BatchSampler.WITHOUT_REPLACEMENT) {
            for (double[] s : all) {
                s[0] = 1.0 / count;
            }
        }
        return all;
    }

    /** E[J_k X J_k^T] by summing over every pattern. */
    static RealMatrix secondMoment(List<Pattern> patterns, RealMatrix x) {
        RealMatrix sum = MatrixUtils.createRealMatrix(x.getRowDimension(), x.getColumnDimension());
        for (Pattern pattern : patterns) {
            sum = sum.add(pattern.jk().multiply(x).multiply(pattern.jk().transpose())
                    .scalarMultiply(pattern.probability()));
        }
        return sum;
    }

    /** The matrix of X -> E[J_k X J_k^T] on Sym(d) in the orthonormal coordinates of SymmetricCoordinates. */
    static RealMatrix operatorMatrix(List<Pattern> patterns, int d) {
        int s = SymmetricCoordinates.dimension(d);
        RealMatrix matrix = MatrixUtils.createRealMatrix(s, s);
        for (int b = 0; b < s; b++) {
            double[] e = new double[s];
            e[b] = 1.0;
            double[][] x = new double[d][d];
            SymmetricCoordinates.unpack(e, x);
            double[] column = new double[s];
            SymmetricCoordinates.pack(secondMoment(patterns, MatrixUtils.createRealMatrix(x)).getData(), column);
            matrix.setColumn(b, column);
        }
        return matrix;
    }
}
