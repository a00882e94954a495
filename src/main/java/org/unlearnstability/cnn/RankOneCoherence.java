package org.unlearnstability.cnn;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.coherence.CertifiedEigenvalue;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.coherence.NonnegativeOperator;
import org.unlearnstability.coherence.PerronRoot;
import org.unlearnstability.coherence.SingleSetCoherence;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.linalg.LargestEigenvalue;

/**
 * Every quantity of {@link CoherenceAnalysis} (Definitions 1-4, eq. (5)) for a family of rank-one
 * Hessians H_i = h_i h_i^T given only by the Gram matrix K_ij = h_i . h_j of their factors
 * (retain samples first): the fast path of the Figure 2 sweep, checked against
 * {@code CoherenceAnalysis.of} on the same Hessians by the tests. With a = C_r', b = C_f':
 * <ul>
 * <li>S_{(r,f),(r',f')} = sqrt(a^2 K_rr'^2 + ab K_rf'^2 + ab K_r'f^2 + b^2 K_ff'^2), since
 *     Tr(H_i H_j) = K_ij^2 (Definition 3), built dense (n_r n_f = 625 for the paper's split) and its
 *     Perron root found by {@link PerronRoot} (Lanczos start, certified power steps);</li>
 * <li>lambda_max(D_rf) = (T + sqrt((a K_rr - b K_ff)^2 + 4 ab K_rf^2)) / 2 with T = a K_rr + b K_ff,
 *     the top eigenvalue of the 2 x 2 Gram of sqrt(a) h_r, sqrt(b) h_f, for every pair;</li>
 * <li>lambda_max(D) = lambda_max([sqrt(w_i w_j) K_ij]) with w_i = a / n_r or b / n_f (the nonzero
 *     spectrum of sum_i w_i h_i h_i^T);</li>
 * <li>S^single_ij = |K_ij| and max_i lambda_max(H_i) = max_i K_ii (Definition 1).</li>
 * </ul>
 */
public final class RankOneCoherence {
    /** The relative width of the certified brackets, as {@code analyze} uses. */
    public static final double TOLERANCE = 1e-10;

    /** Each thread reuses one n_r n_f x n_r n_f buffer for S instead of allocating megabytes per repeat. */
    private static final ThreadLocal<double @Nullable [][]> BUFFER = new ThreadLocal<>();

    private RankOneCoherence() {
    }

    /**
     * @param k the factor Gram matrix, retain samples first
     * @param nRetain n_r
     * @param hyper eta, alpha, B
     * @return the analysis, field for field what {@code CoherenceAnalysis.of} gives for these Hessians
     */
    public static CoherenceAnalysis of(double[][] k, int nRetain, Hyperparameters hyper) {
        int nForget = k.length - nRetain;
        NoiseConstants noise = NoiseConstants.of(hyper, nRetain, nForget);
        double a = noise.cRPrime();
        double b = noise.cFPrime();
        CertifiedEigenvalue lambdaS = PerronRoot.of(NonnegativeOperator.ofRows(mixCoherenceMatrix(k, nRetain, a, b)),
                TOLERANCE, PerronRoot.DEFAULT_MAX_ITERATIONS);
        double maxDrf = maxPairEigenvalue(k, nRetain, a, b);
        double sigma = maxDrf == 0.0 ? Double.NaN : lambdaS.estimate() / maxDrf;
        return new CoherenceAnalysis(noise, lambdaS, maxDrf, sigma, single(k, 0, nRetain),
                single(k, nRetain, nForget), mixHessianEigenvalue(k, nRetain, a, b));
    }

    /**
     * Definition 3 for rank-one Hessians; pair (r, f) has index r * n_f + f. The result is this
     * thread's buffer, valid until the next call on the same thread.
     */
    static double[][] mixCoherenceMatrix(double[][] k, int nRetain, double a, double b) {
        int nForget = k.length - nRetain;
        int size = nRetain * nForget;
        // Tr(D_rf D_r'f') = [a^2 K_rr'^2 + ab K_rf'^2] + [ab K_r'f^2 + b^2 K_ff'^2]: the first bracket
        // depends on (r; r', f'), the second on (f; r', f'), so each row of S is one long vectorisable
        // sweep sqrt(retainPart[r] + forgetPart[f]) over the pair index r' n_f + f'.
        // Filled row by row (contiguous writes); each entry is the same expression as before, to the bit.
        double[][] retainPart = new double[nRetain][size];
        double[][] forgetPart = new double[nForget][size];
        for (int r = 0; r < nRetain; r++) {
            double[] part = retainPart[r];
            double[] kr = k[r];
            for (int rp = 0; rp < nRetain; rp++) {
                double retain = a * a * square(kr[rp]);
                for (int fp = 0; fp < nForget; fp++) {
                    part[rp * nForget + fp] = retain + a * b * square(kr[nRetain + fp]);
                }
            }
        }
        for (int f = 0; f < nForget; f++) {
            double[] part = forgetPart[f];
            double[] kf = k[nRetain + f];
            for (int rp = 0; rp < nRetain; rp++) {
                double cross = a * b * square(k[rp][nRetain + f]);
                for (int fp = 0; fp < nForget; fp++) {
                    part[rp * nForget + fp] = cross + b * b * square(kf[nRetain + fp]);
                }
            }
        }
        double[][] s = BUFFER.get();
        if (s == null || s.length != size) {
            s = new double[size][size];
            BUFFER.set(s);
        }
        for (int r = 0; r < nRetain; r++) {
            double[] rowR = retainPart[r];
            for (int f = 0; f < nForget; f++) {
                double[] rowF = forgetPart[f];
                double[] row = s[r * nForget + f];
                for (int pair = 0; pair < size; pair++) {
                    row[pair] = Math.sqrt(rowR[pair] + rowF[pair]);
                }
            }
        }
        return s;
    }

    private static double square(double x) {
        return x * x;
    }

    private static double maxPairEigenvalue(double[][] k, int nRetain, double a, double b) {
        double best = 0.0;
        for (int r = 0; r < nRetain; r++) {
            for (int f = nRetain; f < k.length; f++) {
                double x = a * k[r][r];
                double y = b * k[f][f];
                double c = k[r][f];
                best = Math.max(best, 0.5 * (x + y + Math.sqrt((x - y) * (x - y) + 4 * a * b * c * c)));
            }
        }
        return best;
    }

    private static double mixHessianEigenvalue(double[][] k, int nRetain, double a, double b) {
        int n = k.length;
        double[] root = new double[n];
        for (int i = 0; i < n; i++) {
            root[i] = Math.sqrt(i < nRetain ? a / nRetain : b / (n - nRetain));
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = root[i] * root[j] * k[i][j];
            }
        }
        return LargestEigenvalue.of(m);
    }

    private static SingleSetCoherence single(double[][] k, int offset, int size) {
        double[][] s = new double[size][size];
        double maxH = 0.0;
        for (int i = 0; i < size; i++) {
            maxH = Math.max(maxH, k[offset + i][offset + i]);
            for (int j = 0; j < size; j++) {
                s[i][j] = Math.abs(k[offset + i][offset + j]);
            }
        }
        CertifiedEigenvalue lambda = PerronRoot.of(NonnegativeOperator.ofRows(s), TOLERANCE,
                PerronRoot.DEFAULT_MAX_ITERATIONS);
        return new SingleSetCoherence(lambda, maxH, maxH == 0.0 ? Double.NaN : lambda.estimate() / maxH);
    }
}
