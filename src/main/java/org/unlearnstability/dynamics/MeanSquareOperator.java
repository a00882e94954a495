package org.unlearnstability.dynamics;

import java.util.Arrays;
import org.hipparchus.util.FastMath;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.HessianCombination;
import org.unlearnstability.linalg.Lanczos;
import org.unlearnstability.linalg.SymmetricOperator;

/**
 * The second-moment map of update (2)-(3): T(X) = E[J_k X J_k^T]. For Bernoulli batches
 * (each retain sample in D_{r,k} with probability B/n_r, each forget sample in D_{f,k} with
 * probability B/n_f, all independent),
 *
 * <pre>
 *   T(X) = J X J + C_r sum_{r in D_r} H_r X H_r + C_f sum_{f in D_f} H_f X H_f,
 *   J = E J_k = I - eta (1-alpha) H_R + eta alpha H_F,
 * </pre>
 *
 * with C_r, C_f of Definition 2. Derivation: write J_k = I - sum_i s_i xi_i H_i with
 * s_r = eta(1-alpha)/B, s_f = -eta alpha/B and xi_i ~ Bernoulli(p_i), p_r = B/n_r, p_f = B/n_f.
 * Then E J_k = J, and since the xi_i are independent,
 * E[J_k X J_k] = J X J + sum_i s_i^2 Var(xi_i) H_i X H_i, with
 * s_r^2 p_r (1-p_r) = eta^2 (1-alpha)^2 (1/n_r)(1/B - 1/n_r) = C_r (and likewise C_f).
 * Batches without replacement change only the noise term (see {@link BatchSampler}).
 * Since J_k is independent of w_k and E[w_0 w_0^T] = I, eq. (4) becomes E||w_k||^2 = Tr(T^k(I)).
 *
 * <p>T maps PSD matrices to PSD matrices and is self-adjoint for the Frobenius inner product
 * (Tr(Y H X H) = Tr(H Y H X)), so its spectrum is real and, by the Krein-Rutman theorem for the PSD
 * cone, rho(T) is its largest eigenvalue, with a PSD eigenvector. rho is computed on the range of
 * sum_i H_i (see {@link SpectralRadius}) in the eigenbasis of A = (1-alpha) H_R - alpha H_F, where
 * J X J is the Schur product (j j^T) o X, j_p = 1 - eta a_p: by the Lanczos process when the
 * Hessians are general, and in closed form when all are diagonal. In that case T itself is a Schur
 * product, T(X)_pq = K_pq X_pq with K = j j^T + eta^2 sum_t w_t h_t h_t^T: its eigenvalues are the
 * entries K_pq, and since K is PSD (for both samplers), |K_pq| <= sqrt(K_pp K_qq), so
 * rho = max_p K_pp; off-diagonal entries never exceed the diagonal.
 */
public final class MeanSquareOperator {
    private final ReducedFamily reduced;
    private final Hyperparameters hyper;
    private final BatchSampler sampler;
    private final NoiseOperator noise;
    private final double[] j;

    private MeanSquareOperator(ReducedFamily reduced, Hyperparameters hyper, BatchSampler sampler) {
        hyper.requireFits(reduced.family());
        this.reduced = reduced;
        this.hyper = hyper;
        this.sampler = sampler;
        this.noise = reduced.noise(hyper.batch(), sampler);
        double[] a = reduced.drift();
        this.j = new double[a.length];
        for (int p = 0; p < a.length; p++) {
            j[p] = 1 - hyper.eta() * a[p];
        }
    }

    /**
     * @param family the family
     * @param hyper eta, alpha, B (B at most min(n_r, n_f))
     * @return T for Bernoulli batches, the paper's model
     */
    public static MeanSquareOperator of(HessianFamily family, Hyperparameters hyper) {
        return of(family, hyper, BatchSampler.BERNOULLI);
    }

    /**
     * @param family the family
     * @param hyper eta, alpha, B (B at most min(n_r, n_f))
     * @param sampler the batch sampler
     * @return T for that sampler
     */
    public static MeanSquareOperator of(HessianFamily family, Hyperparameters hyper, BatchSampler sampler) {
        return new MeanSquareOperator(ReducedFamily.of(family, hyper.alpha()), hyper, sampler);
    }

    static MeanSquareOperator of(ReducedFamily reduced, Hyperparameters hyper, BatchSampler sampler) {
        return new MeanSquareOperator(reduced, hyper, sampler);
    }

    /** @return the hyper-parameters */
    public Hyperparameters hyper() {
        return hyper;
    }

    /** @return the batch sampler */
    public BatchSampler sampler() {
        return sampler;
    }

    /**
     * Applies T in the original coordinates of R^d, straight from the original Hessians (O(d^3) and
     * more; meant for small problems and checks, the reduced form drives everything else).
     *
     * @param x a symmetric d x d matrix as rows
     * @return T(x)
     */
    public double[][] apply(double[][] x) {
        HessianFamily family = reduced.family();
        int d = family.dimension();
        double eta = hyper.eta();
        double alpha = hyper.alpha();
        Hessian meanRetain = HessianCombination.mean(family.retain());
        Hessian meanForget = HessianCombination.mean(family.forget());
        // J v = v - eta (1-alpha) H_R v + eta alpha H_F v, applied to every row twice: J X J = (X J)^T J.
        double[][] xj = applyToRows(x, meanRetain, meanForget, eta, alpha);
        double[][] jxj = applyToRows(transpose(xj), meanRetain, meanForget, eta, alpha);
        double[][] noisy = new double[d][d];
        NoiseOperator.of(family.retain(), family.forget(), d, alpha, hyper.batch(), sampler).apply(x, noisy);
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                jxj[p][q] += eta * eta * noisy[p][q];
            }
        }
        return jxj;
    }

    private static double[][] applyToRows(double[][] x, Hessian meanRetain, Hessian meanForget, double eta,
            double alpha) {
        double[][] out = new double[x.length][];
        for (int p = 0; p < x.length; p++) {
            double[] row = x[p].clone();
            meanRetain.multiplyAdd(-eta * (1 - alpha), x[p], row);
            meanForget.multiplyAdd(eta * alpha, x[p], row);
            out[p] = row;
        }
        return out;
    }

    private static double[][] transpose(double[][] x) {
        double[][] t = new double[x.length][x.length];
        for (int p = 0; p < x.length; p++) {
            for (int q = 0; q < x.length; q++) {
                t[q][p] = x[p][q];
            }
        }
        return t;
    }

    /** T on Sym(m) of the range, in the reduced basis: (j j^T) o X + eta^2 N(X). */
    void applyReduced(double[][] x, double[][] out) {
        int m = j.length;
        noise.apply(x, out);
        double eta2 = hyper.eta() * hyper.eta();
        for (int p = 0; p < m; p++) {
            double[] target = out[p];
            double[] source = x[p];
            for (int q = 0; q < m; q++) {
                target[q] = j[p] * j[q] * source[q] + eta2 * target[q];
            }
        }
    }

    /** @return the diagonal K_pp = j_p^2 + eta^2 s_p of the Schur multiplier (all-diagonal families) */
    double[] diagonalMultiplier() {
        double[] s = noise.diagonalWeights();
        double eta2 = hyper.eta() * hyper.eta();
        double[] k = new double[j.length];
        for (int p = 0; p < k.length; p++) {
            k[p] = j[p] * j[p] + eta2 * s[p];
        }
        return k;
    }

    /** @return rho(T) on the range of sum_i H_i, with the null-space flag */
    public SpectralRadius rho() {
        int m = reduced.rank();
        int d = reduced.dimension();
        boolean nullSpace = reduced.hasNullSpace();
        if (m == 0) {
            return new SpectralRadius(0.0, nullSpace, 0, d, "empty", 0, 0.0);
        }
        if (reduced.isDiagonal()) {
            double rho = Arrays.stream(diagonalMultiplier()).max().orElse(0.0);
            return new SpectralRadius(rho, nullSpace, m, d, "diagonal", 0, 0.0);
        }
        Lanczos.Result top = Lanczos.largest(operator(), identity(m));
        return new SpectralRadius(top.value(), nullSpace, m, d, "lanczos", top.iterations(), top.residual());
    }

    /** @return T on Sym(m) in {@link SymmetricCoordinates}: (j_p j_q) x_pq + eta^2 N(x) */
    SymmetricOperator operator() {
        int m = reduced.rank();
        double[] schur = new double[SymmetricCoordinates.dimension(m)];
        int index = 0;
        for (int p = 0; p < m; p++) {
            for (int q = p; q < m; q++) {
                schur[index++] = j[p] * j[q];
            }
        }
        double eta2 = hyper.eta() * hyper.eta();
        return SymmetricOperator.of(schur.length, (x, out) -> {
            noise.applyPacked(x, out);
            for (int i = 0; i < out.length; i++) {
                out[i] = schur[i] * x[i] + eta2 * out[i];
            }
        });
    }

    static double[] identity(int m) {
        double[][] eye = new double[m][m];
        for (int p = 0; p < m; p++) {
            eye[p][p] = 1.0;
        }
        double[] v = new double[SymmetricCoordinates.dimension(m)];
        SymmetricCoordinates.pack(eye, v);
        return v;
    }

    /**
     * The exact mean square of update (2) from w_0 ~ N(0, I): E||w_k||^2 = Tr(T^k(I)) for k = 1..steps
     * (the null space contributes d - m to every term). Values beyond the double range are infinite.
     *
     * @param steps K
     * @return the K values
     */
    public double[] meanSquare(int steps) {
        int m = reduced.rank();
        double[][] start = new double[m][m];
        for (int p = 0; p < m; p++) {
            start[p][p] = 1.0;
        }
        return traces(start, reduced.dimension() - m, steps);
    }

    /**
     * The exact mean square from a fixed start: E||w_k||^2 = Tr(T^k(w_0 w_0^T)) for k = 1..steps.
     *
     * @param start w_0, a vector of length d
     * @param steps K
     * @return the K values
     */
    public double[] meanSquare(double[] start, int steps) {
        int m = reduced.rank();
        double[] y = new double[m];
        double outside = reduced.split(start, y);
        double[][] x = new double[m][m];
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                x[p][q] = y[p] * y[q];
            }
        }
        return traces(x, outside, steps);
    }

    /** Tr(T^k(x)) + constant for k = 1..steps, iterating on a rescaled copy so nothing overflows midway. */
    private double[] traces(double[][] x, double constant, int steps) {
        int m = x.length;
        double[] out = new double[steps];
        if (reduced.isDiagonal() && m > 0) {
            double[] k = diagonalMultiplier();
            for (int step = 1; step <= steps; step++) {
                double sum = 0.0;
                for (int p = 0; p < m; p++) {
                    sum += FastMath.pow(k[p], step) * x[p][p];
                }
                out[step - 1] = sum + constant;
            }
            return out;
        }
        double[][] current = new double[m][];
        for (int p = 0; p < m; p++) {
            current[p] = x[p].clone();
        }
        double[][] next = new double[m][m];
        double logScale = 0.0;
        for (int step = 1; step <= steps; step++) {
            applyReduced(current, next);
            double trace = 0.0;
            for (int p = 0; p < m; p++) {
                trace += next[p][p];
            }
            out[step - 1] = trace * FastMath.exp(logScale) + constant;
            double[][] swap = current;
            current = next;
            next = swap;
            if (trace > 0.0) {
                logScale += FastMath.log(trace);
                scale(current, 1.0 / trace);
            }
        }
        return out;
    }

    private static void scale(double[][] x, double factor) {
        for (double[] row : x) {
            for (int q = 0; q < row.length; q++) {
                row[q] *= factor;
            }
        }
    }
}
