package org.unlearnstability.cnn;

import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.Vectors;

/**
 * The per-sample loss Hessians of the CNN (9) at a trained solution, fed to the coherence core
 * (Definitions 1-4, Theorem 2.4). f is piecewise linear in W (ReLU), so away from the null set
 * where a pre-activation vanishes grad^2 f = 0 and
 * H_i = grad^2 l(y_i f(W, x_i)) = l''(y_i f) grad f grad f^T = h_i h_i^T, h_i = sqrt(l'') grad f:
 * rank one, kept as a {@link FactorHessian}, never dense.
 *
 * <p>In span form, grad_{w_r} f(W, x_i) = (s_r / m) [a_ri mu + b_ri xi_i] with
 * a_ri = y_i 1[y_i &lt;w_r, mu&gt; &gt; 0], b_ri = 1[&lt;w_r, xi_i&gt; &gt; 0], so
 * h_i . h_j = sqrt(l''_i l''_j) / m^2 sum_r (a_ri a_rj G_00 + a_ri b_rj G_0j + b_ri a_rj G_i0 + b_ri b_rj G_ij)
 * needs only the Gram matrix G. The family handed to the core uses the isometric n-dimensional
 * embedding of {@link GradientEmbedding} (dimension n, not 2 m d); all coherence quantities are
 * unchanged by it.
 */
public final class CnnHessians {
    private CnnHessians() {
    }

    /**
     * @param net a trained network
     * @param samples sample indices
     * @return K_ab = h_{samples[a]} . h_{samples[b]}
     */
    public static double[][] factorGram(SpanCnn net, int[] samples) {
        SpanGeometry geometry = net.geometry();
        double[][] p = net.responsesView();
        int rows = p.length;
        int n = samples.length;
        double[][] a = new double[n][rows];
        double[][] b = new double[n][rows];
        double[] root = new double[n];
        for (int s = 0; s < n; s++) {
            int i = samples[s];
            int y = geometry.label(i);
            root[s] = Math.sqrt(LogisticLoss.curvature(y * net.output(i))) / net.filters();
            for (int r = 0; r < rows; r++) {
                a[s][r] = y * p[r][0] > 0 ? y : 0.0;
                b[s][r] = p[r][1 + i] > 0 ? 1.0 : 0.0;
            }
        }
        double g00 = geometry.gram(0, 0);
        double[][] k = new double[n][n];
        for (int s = 0; s < n; s++) {
            int i = 1 + samples[s];
            for (int t = 0; t <= s; t++) {
                int j = 1 + samples[t];
                double v = Vectors.dot(a[s], a[t]) * g00 + Vectors.dot(a[s], b[t]) * geometry.gram(0, j)
                        + Vectors.dot(b[s], a[t]) * geometry.gram(i, 0)
                        + Vectors.dot(b[s], b[t]) * geometry.gram(i, j);
                k[s][t] = root[s] * root[t] * v;
                k[t][s] = k[s][t];
            }
        }
        return k;
    }

    /**
     * @param net a trained network
     * @param retain the retain set
     * @param forget the forget set
     * @return the rank-one Hessians, embedded isometrically in R^(n_r + n_f)
     */
    public static HessianFamily family(SpanCnn net, int[] retain, int[] forget) {
        int[] all = new int[retain.length + forget.length];
        System.arraycopy(retain, 0, all, 0, retain.length);
        System.arraycopy(forget, 0, all, retain.length, forget.length);
        double[][] v = GradientEmbedding.of(factorGram(net, all));
        List<Hessian> r = new ArrayList<>();
        List<Hessian> f = new ArrayList<>();
        for (int s = 0; s < all.length; s++) {
            (s < retain.length ? r : f).add(FactorHessian.rankOne(v[s]));
        }
        return new HessianFamily(r, f);
    }

    /**
     * The oracle form: rank-one Hessians with their full 2 m d-dimensional factors.
     *
     * @param net a trained network
     * @param retain the retain set
     * @param forget the forget set
     * @return the family
     */
    public static HessianFamily family(DirectCnn net, int[] retain, int[] forget) {
        List<Hessian> r = new ArrayList<>();
        List<Hessian> f = new ArrayList<>();
        for (int i : retain) {
            r.add(FactorHessian.rankOne(net.hessianFactor(i)));
        }
        for (int i : forget) {
            f.add(FactorHessian.rankOne(net.hessianFactor(i)));
        }
        return new HessianFamily(r, f);
    }
}
