package org.unlearnstability.dynamics;

import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.units.Units;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Lanczos;
import org.unlearnstability.linalg.SymmetricOperator;

/**
 * The critical learning rate etaStar = sup{eta > 0 : rho(T(eta)) < 1} of update (2), rho taken on the
 * range of sum_i H_i as in {@link SpectralRadius}.
 *
 * <p>Method. With A = (1-alpha) H_R - alpha H_F and c_i = C_i / eta^2 (free of eta),
 * T(eta) = Id - eta L + eta^2 Q, where L(X) = A X + X A and Q(X) = A X A + sum_i c_i H_i X H_i.
 * Since rho = lambda_max (see {@link MeanSquareOperator}),
 * rho(eta) - 1 = eta g(eta) with g(eta) = lambda_max(eta Q - L), a maximum of affine functions of eta,
 * hence convex; so {rho < 1} is an interval (0, etaStar).
 * <ul>
 *   <li>If A has an eigenvalue a <= 0 on the range (eigenvector v), then T(v v^T) >= J v v^T J
 *       = (1 - eta a)^2 v v^T >= v v^T, so rho >= 1 for every eta > 0 and etaStar = 0.</li>
 *   <li>Otherwise L is positive definite and g(eta) < 0 iff eta Q < L, iff eta mu_max < 1 with
 *       mu_max the top eigenvalue of the pencil Q X = mu L X, which is positive (Tr(v v^T A v v^T A)
 *       = a^2 > 0). So etaStar = 1 / mu_max, finite. In the eigenbasis of A,
 *       L^{-1/2}(X)_pq = X_pq / sqrt(a_p + a_q), and mu_max = lambda_max(L^{-1/2} Q L^{-1/2}) comes
 *       from the Lanczos process on that self-adjoint operator, matrix-free, to a relative residual
 *       of 1e-12. For all-diagonal families everything is a Schur product and
 *       etaStar = min_p 2 a_p / (a_p^2 + s_p), s_p = sum_i c_i h_{i,p}^2.</li>
 * </ul>
 * Bisection on rho(eta) < 1 over (0, 2 / a_max] (etaStar <= 2 / a_max, where J has the eigenvalue -1)
 * is kept as the independent check {@link #bisection}.
 *
 * @param etaStar the critical learning rate (0 when rho >= 1 for every eta; infinite for an empty range)
 * @param expanding whether A has a nonpositive eigenvalue on the range (then etaStar = 0)
 * @param muMax the top pencil eigenvalue 1 / etaStar (NaN when etaStar is 0 or infinite)
 * @param iterations Lanczos steps used (0 for the closed forms)
 */
public record CriticalLearningRate(double etaStar, boolean expanding, double muMax, int iterations) {

    /**
     * @param family the family
     * @param alpha the forget weight in [0, 1]
     * @param batch B, at most min(n_r, n_f)
     * @return etaStar for Bernoulli batches
     */
    public static CriticalLearningRate of(HessianFamily family, double alpha, int batch) {
        return of(family, alpha, batch, BatchSampler.BERNOULLI);
    }

    /**
     * @param family the family
     * @param alpha the forget weight in [0, 1]
     * @param batch B, at most min(n_r, n_f)
     * @param sampler the batch sampler
     * @return etaStar for that sampler
     */
    public static CriticalLearningRate of(HessianFamily family, double alpha, int batch, BatchSampler sampler) {
        // Any eta: only alpha and B are checked against the family here.
        new Hyperparameters(Units.learningRate(1.0), alpha, batch).requireFits(family);
        return of(ReducedFamily.of(family, alpha), batch, sampler);
    }

    static CriticalLearningRate of(ReducedFamily reduced, int batch, BatchSampler sampler) {
        int m = reduced.rank();
        if (m == 0) {
            return new CriticalLearningRate(Double.POSITIVE_INFINITY, false, Double.NaN, 0);
        }
        double[] a = reduced.drift();
        for (double value : a) {
            if (value <= 0.0) {
                return new CriticalLearningRate(0.0, true, Double.NaN, 0);
            }
        }
        NoiseOperator noise = reduced.noise(batch, sampler);
        if (reduced.isDiagonal()) {
            double[] s = noise.diagonalWeights();
            double mu = 0.0;
            for (int p = 0; p < m; p++) {
                mu = Math.max(mu, (a[p] * a[p] + s[p]) / (2 * a[p]));
            }
            return new CriticalLearningRate(1.0 / mu, false, mu, 0);
        }
        Lanczos.Result top = Lanczos.largest(pencil(a, noise), pencilStart(a));
        return new CriticalLearningRate(1.0 / top.value(), false, top.value(), top.iterations());
    }

    /**
     * Y -> S o Q(S o Y) with S_pq = 1 / sqrt(a_p + a_q), Q(Z) = (a a^T) o Z + N(Z): the pencil made
     * self-adjoint, in {@link SymmetricCoordinates} (Schur factors act coordinate by coordinate there).
     */
    private static SymmetricOperator pencil(double[] a, NoiseOperator noise) {
        int m = a.length;
        int size = SymmetricCoordinates.dimension(m);
        double[] s = new double[size];
        double[] drift = new double[size];
        int index = 0;
        for (int p = 0; p < m; p++) {
            for (int q = p; q < m; q++) {
                s[index] = 1.0 / Math.sqrt(a[p] + a[q]);
                drift[index] = a[p] * a[q];
                index++;
            }
        }
        double[] scaled = new double[size];
        return SymmetricOperator.of(size, (x, out) -> {
            for (int i = 0; i < size; i++) {
                scaled[i] = s[i] * x[i];
            }
            noise.applyPacked(scaled, out);
            for (int i = 0; i < size; i++) {
                out[i] = s[i] * (out[i] + drift[i] * scaled[i]);
            }
        });
    }

    /**
     * L^{1/2}(I) = diag(sqrt(2 a_p)): its inner product with L^{1/2}(X*) is 2 Tr(A X*) > 0 for the
     * PSD top eigenvector X* of the positive map L^{-1} Q, so Lanczos cannot miss that eigenvector.
     */
    private static double[] pencilStart(double[] a) {
        int m = a.length;
        double[][] start = new double[m][m];
        for (int p = 0; p < m; p++) {
            start[p][p] = Math.sqrt(2 * a[p]);
        }
        double[] v = new double[SymmetricCoordinates.dimension(m)];
        SymmetricCoordinates.pack(start, v);
        return v;
    }

    /**
     * The independent check: bisection on the predicate rho(eta) < 1 over (0, 2 / a_max].
     *
     * @param family the family
     * @param alpha the forget weight
     * @param batch B
     * @param sampler the batch sampler
     * @param relativeTolerance the relative width at which to stop
     * @return etaStar by bisection (0 when A has a nonpositive eigenvalue on the range)
     */
    public static double bisection(HessianFamily family, double alpha, int batch, BatchSampler sampler,
            double relativeTolerance) {
        ReducedFamily reduced = ReducedFamily.of(family, alpha);
        double aMax = 0.0;
        for (double value : reduced.drift()) {
            if (value <= 0.0) {
                return 0.0;
            }
            aMax = Math.max(aMax, value);
        }
        if (reduced.rank() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = 0.0;
        double hi = 2.0 / aMax;
        while (hi - lo > relativeTolerance * hi) {
            double mid = 0.5 * (lo + hi);
            Hyperparameters hyper = new Hyperparameters(Units.learningRate(mid), alpha, batch);
            double rho = MeanSquareOperator.of(reduced, hyper, sampler).rho().rho();
            if (rho < 1.0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
