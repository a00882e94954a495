package org.unlearnstability.linalg;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.index.qual.NonNegative;

/**
 * A nonnegative combination sum_i w_i H_i of Hessians in the cheapest exact representation:
 * diagonal when every term is diagonal, a stacked factor [sqrt(w_i) G_i] when every term is a
 * factor and the total rank stays below d, dense otherwise. The mean Hessians H_R, H_F of Lemma 2.1,
 * the mix-Hessians D_rf and D of Definition 2 are all such combinations.
 */
public final class HessianCombination {
    private HessianCombination() {
    }

    /**
     * @param weights nonnegative finite weights, one per term
     * @param terms Hessians of one dimension, at least one
     * @return sum_i weights[i] * terms[i]
     */
    public static Hessian of(double[] weights, List<? extends Hessian> terms) {
        if (terms.isEmpty() || weights.length != terms.size()) {
            throw new IllegalArgumentException("need one weight per term and at least one term");
        }
        @NonNegative int d = terms.get(0).dimension();
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0.0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " is not finite and nonnegative: " + weights[i]);
            }
            if (terms.get(i).dimension() != d) {
                throw new IllegalArgumentException("term " + i + " has dimension " + terms.get(i).dimension()
                        + ", expected " + d);
            }
        }
        if (terms.stream().allMatch(h -> h instanceof DiagonalHessian)) {
            return diagonalSum(d, weights, terms);
        }
        int totalRank = terms.stream().mapToInt(Hessian::representationRank).sum();
        if (terms.stream().allMatch(h -> h instanceof FactorHessian) && totalRank < d) {
            return factorStack(d, weights, terms);
        }
        return denseSum(d, weights, terms);
    }

    /**
     * @param terms Hessians of one dimension, at least one
     * @return their mean (1/n) sum_i H_i
     */
    public static Hessian mean(List<? extends Hessian> terms) {
        double[] weights = new double[terms.size()];
        java.util.Arrays.fill(weights, 1.0 / terms.size());
        return of(weights, terms);
    }

    private static Hessian diagonalSum(@NonNegative int d, double[] weights, List<? extends Hessian> terms) {
        double[] sum = new double[d];
        for (int i = 0; i < weights.length; i++) {
            Vectors.addScaled(sum, weights[i], ((DiagonalHessian) terms.get(i)).diagonalView());
        }
        return DiagonalHessian.of(sum);
    }

    private static Hessian factorStack(@NonNegative int d, double[] weights, List<? extends Hessian> terms) {
        List<double[]> columns = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == 0.0) {
                continue;
            }
            double root = Math.sqrt(weights[i]);
            for (double[] g : ((FactorHessian) terms.get(i)).columnsView()) {
                columns.add(Vectors.scaled(g, root));
            }
        }
        return FactorHessian.ofColumns(d, columns.toArray(new double[0][]));
    }

    private static Hessian denseSum(@NonNegative int d, double[] weights, List<? extends Hessian> terms) {
        double[][] sum = new double[d][d];
        for (int t = 0; t < weights.length; t++) {
            double w = weights[t];
            if (w == 0.0) {
                continue;
            }
            Hessian h = terms.get(t);
            if (h instanceof DenseHessian dense) {
                addRows(sum, w, dense.rowsView());
            } else if (h instanceof FactorHessian factor) {
                addOuterProducts(sum, w, factor.columnsView());
            } else {
                addRows(sum, w, h.toMatrix().getData());
            }
        }
        return DenseHessian.of(sum);
    }

    /** sum += weight * sum_c g_c g_c^T, without forming each term as a matrix. */
    private static void addOuterProducts(double[][] sum, double weight, double[][] columns) {
        for (double[] g : columns) {
            for (int i = 0; i < sum.length && i < g.length; i++) {
                Vectors.addScaled(sum[i], weight * g[i], g);
            }
        }
    }

    private static void addRows(double[][] sum, double weight, double[][] rows) {
        if (rows.length != sum.length) {
            throw new IllegalArgumentException("row counts differ: " + rows.length + " vs " + sum.length);
        }
        for (int i = 0; i < rows.length; i++) {
            Vectors.addScaled(sum[i], weight, rows[i]);
        }
    }
}
