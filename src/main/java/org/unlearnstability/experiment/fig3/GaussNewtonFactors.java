package org.unlearnstability.experiment.fig3;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.cnn.GradientEmbedding;
import org.unlearnstability.cnn.LogisticLoss;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;

/**
 * The rank-one Gauss-Newton Hessians of the training samples at a trained w* (section 2.4's per-sample Hessians,
 * as Theorem 2.4 uses them): H_i = g_i g_i^T with g_i = sqrt(l''(y_i f(w*, x_i))) grad_w f(w*, x_i), PSD by
 * construction. They are kept as the n factors in R^p (p parameters) and, for the tool's core, as their
 * isometric embedding v_i in R^n ({@link GradientEmbedding}, V V^T = K, K_ij = g_i . g_j): every quantity of
 * Definitions 1-4, Lemma 2.1 and Theorems 2.2-2.3 depends on the g_i only through K, and update (3) maps the span
 * of the g_i to itself while fixing its orthogonal complement, so the dynamics in R^n are those in R^p restricted to
 * the span (as the Figure 2 code does with the CNN's gradients).
 *
 * @param factors g_i in R^p, one per training sample in training order
 * @param gram K = G G^T
 * @param embedded v_i in R^n with v_i . v_j = K_ij
 */
public record GaussNewtonFactors(double[][] factors, double[][] gram, double[][] embedded)
        implements Serializable {

    /**
     * @param net the network
     * @param w w*
     * @param x the inputs
     * @param labels the training labels
     * @param train the training indices (the order of the factors)
     * @return the factors, their Gram matrix and its embedding
     */
    public static GaussNewtonFactors at(ReluMlp net, double[] w, double[][] x, int[] labels, int[] train) {
        int n = train.length;
        double[][] g = new double[n][];
        for (int s = 0; s < n; s++) {
            g[s] = factor(net, w, x[train[s]], labels[train[s]]);
        }
        double[][] k = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double dot = 0.0;
                for (int c = 0; c < g[a].length; c++) {
                    dot += g[a][c] * g[b][c];
                }
                k[a][b] = dot;
                k[b][a] = dot;
            }
        }
        return new GaussNewtonFactors(g, k, GradientEmbedding.of(k));
    }

    /**
     * @param net the network
     * @param w the parameters
     * @param x an input
     * @param label its label
     * @return sqrt(l''(y f(w, x))) grad_w f(w, x)
     */
    public static double[] factor(ReluMlp net, double[] w, double[] x, int label) {
        double[] gradient = new double[net.parameterCount()];
        double f = net.addGradient(w, x, 1.0, gradient);
        double root = Math.sqrt(LogisticLoss.curvature(label * f));
        for (int c = 0; c < gradient.length; c++) {
            gradient[c] *= root;
        }
        return gradient;
    }

    /**
     * @param forget positions (into the training order) of the forget set
     * @return the family with the embedded factors: retain = the other positions in training order, forget = these
     */
    public HessianFamily family(int[] forget) {
        boolean[] isForget = new boolean[embedded.length];
        for (int f : forget) {
            isForget[f] = true;
        }
        List<Hessian> retain = new ArrayList<>();
        for (int s = 0; s < embedded.length; s++) {
            if (!isForget[s]) {
                retain.add(FactorHessian.rankOne(embedded[s]));
            }
        }
        List<Hessian> forgetSet = new ArrayList<>();
        for (int f : forget) {
            forgetSet.add(FactorHessian.rankOne(embedded[f]));
        }
        return new HessianFamily(retain, forgetSet);
    }

    /**
     * A direction in the span of the factors: delta = G^T c scaled to the given norm, with its embedded image
     * V^T c under the same scale (the isometry maps g_i to v_i).
     *
     * @param c the coefficients, one per factor
     * @param norm ||delta||
     * @return {delta in R^p, its embedding in R^n}
     */
    public double[][] direction(double[] c, double norm) {
        double[] delta = combine(factors, c);
        double[] image = combine(embedded, c);
        double length = 0.0;
        for (double v : delta) {
            length += v * v;
        }
        double scale = norm / Math.sqrt(length);
        for (int i = 0; i < delta.length; i++) {
            delta[i] *= scale;
        }
        for (int i = 0; i < image.length; i++) {
            image[i] *= scale;
        }
        return new double[][] {delta, image};
    }

    private static double[] combine(double[][] rows, double[] c) {
        double[] out = new double[rows[0].length];
        for (int s = 0; s < rows.length; s++) {
            for (int i = 0; i < out.length; i++) {
                out[i] += c[s] * rows[s][i];
            }
        }
        return out;
    }
}
