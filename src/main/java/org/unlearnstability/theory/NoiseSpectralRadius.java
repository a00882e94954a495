package org.unlearnstability.theory;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.SymmetricEigen;

/**
 * A bracket of the spectral radius of the noise map of Lemma 2.1, eq. (6),
 * N(X) = C_f sum_f H_f X H_f + C_r sum_r H_r X H_r, so that N_k = N^k(I) and Tr(N_k) grows without bound
 * iff rho(N) > 1 (N is positive and self-adjoint for Tr(XY), its Perron eigenvector V is PSD and
 * Tr(V) > 0). Power iteration from I on dense d x d matrices (the audit's families are small), then:
 * the Rayleigh quotient of the final iterate is a lower bound (N is self-adjoint), and for any positive
 * definite Y, N(Y) <= c Y with c = lambda_max(L^{-1} N(Y) L^{-T}), Y = L L^T, gives rho(N) <= c
 * (the Collatz-Wielandt bound of the PSD cone).
 *
 * @param lower a lower bound of rho(N)
 * @param upper an upper bound of rho(N)
 */
public record NoiseSpectralRadius(double lower, double upper) {
    private static final int ITERATIONS = 400;
    /** Ridge added to the iterate, relative to its trace, so that a rank-deficient X still has a Cholesky factor. */
    private static final double RIDGE = 1e-9;
    /** Cholesky's pivot threshold: only an exactly singular (ridged) iterate is refused. */
    private static final double CHOLESKY_PIVOT = 1e-300;
    /** The longest cycle of bit-identical iterates detected (rounding makes converged iterates cycle). */
    private static final int PERIODS = 4;
    /**
     * The relative distance above the threshold at which {@link #lowerExceeds} trusts the Rayleigh quotient of
     * an unfinished iteration (far above the rounding drift of a few hundred iterations, about 1e-13).
     */
    private static final double RAYLEIGH_MARGIN = 1e-10;
    /**
     * The relative distance below the threshold at which {@link #lowerExceeds} trusts a Collatz-Wielandt bound
     * (its Cholesky factor of an iterate regularised at 1e-9 of its trace can lose up to about 1e-7).
     */
    private static final double COLLATZ_WIELANDT_MARGIN = 1e-6;
    /**
     * The iteration at which {@link #lowerExceeds}, still undecided, bounds rho(N) by the eigenvalues of N's
     * matrix (cheaper than the remaining iterations, dearer than the early decisions most cases reach first).
     */
    private static final int OPERATOR_CHECKPOINT = 64;
    /**
     * The margin of that bound relative to sum_i c_i ||H_i||_F^2 (which bounds every entry of N's matrix in
     * magnitude): the rounding of the entries, of the eigensolver and of the iteration's Rayleigh quotients is
     * about 1e-13 of it.
     */
    private static final double OPERATOR_MARGIN = 1e-9;

    /**
     * @param family a family
     * @param hyper its hyper-parameters
     * @return the bracket
     */
    public static NoiseSpectralRadius of(HessianFamily family, Hyperparameters hyper) {
        NoiseSpectralRadius bracket = iterate(family, hyper, null);
        if (bracket == null) {
            throw new IllegalStateException("the power iteration stopped without an early decision");
        }
        return bracket;
    }

    /**
     * The same answer as {@code of(family, hyper).lower() > threshold}, decided as soon as the power iteration
     * brackets rho(N) clear of the threshold: the Rayleigh quotient of the iterates never decreases (N is
     * positive semidefinite and self-adjoint for Tr(XY)), so once it exceeds the threshold by the relative
     * {@link #RAYLEIGH_MARGIN} the final lower bound does too, and once a Collatz-Wielandt bound (taken
     * at iterations 0, 1, 2, 4, 8, ...) lies below it by {@link #COLLATZ_WIELANDT_MARGIN}, so does rho(N)
     * and with it the final bound; at iteration {@link #OPERATOR_CHECKPOINT} an undecided question is put to the
     * sharper bound of N's matrix (below the threshold: no Rayleigh quotient reaches it). Otherwise the iteration
     * runs to its end and the final bound decides, as in {@link #of}. The
     * audit's local search asks only this question, thousands of times.
     *
     * @param family a family
     * @param hyper its hyper-parameters
     * @param threshold a positive threshold
     * @return whether the lower bound of {@link #of} exceeds it
     */
    public static boolean lowerExceeds(HessianFamily family, Hyperparameters hyper, double threshold) {
        EarlyDecision early = new EarlyDecision(threshold);
        NoiseSpectralRadius bracket = iterate(family, hyper, early);
        return bracket == null ? early.exceeds : bracket.lower() > threshold;
    }

    /** A decision of {@link #lowerExceeds} reached before the end of the iteration. */
    private static final class EarlyDecision {
        private final double threshold;
        private boolean exceeds;

        EarlyDecision(double threshold) {
            this.threshold = threshold;
        }

        /** @return whether the bracket [lower, upper] of rho(N) decides the question (then recorded) */
        boolean decides(double lower, double upper) {
            if (lower > threshold * (1 + RAYLEIGH_MARGIN)) {
                exceeds = true;
                return true;
            }
            return upper < threshold * (1 - COLLATZ_WIELANDT_MARGIN);
        }

        static boolean checkpoint(int iteration) {
            return iteration == 0 || Integer.bitCount(iteration) == 1;
        }
    }

    /** The power iteration of {@link #of}; null when stopped by an early decision. */
    private static @Nullable NoiseSpectralRadius iterate(HessianFamily family, Hyperparameters hyper,
            @Nullable EarlyDecision early) {
        NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
        int d = family.dimension();
        if (noise.cR() == 0.0 && noise.cF() == 0.0) {
            return new NoiseSpectralRadius(0.0, 0.0);
        }
        double[][] x = new double[d][d];
        for (int i = 0; i < d; i++) {
            x[i][i] = 1.0 / Math.sqrt(d);
        }
        double[][] image = new double[d][d];
        // The iteration x -> N(x) / ||N(x)|| is a fixed map of doubles: once an iterate repeats bit for bit
        // one of the last PERIODS, the sequence is periodic from there and x_ITERATIONS is known exactly.
        double[][][] recent = new double[PERIODS + 1][][];
        for (int t = 0; t < ITERATIONS; t++) {
            recent[t % recent.length] = copy(x);
            apply(family, noise, x, image);
            if (early != null) {
                double upper = EarlyDecision.checkpoint(t) ? checkpointUpper(family, noise, x) : Double.NaN;
                if (early.decides(inner(x, image) / inner(x, x), upper)) {
                    return null;
                }
                if (t == OPERATOR_CHECKPOINT && operatorUpper(family, noise) < early.threshold) {
                    return null;
                }
            }
            double norm = frobenius(image);
            if (norm == 0.0) {
                return new NoiseSpectralRadius(0.0, 0.0);
            }
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    x[i][k] = image[i][k] / norm;
                }
            }
            int next = t + 1;
            int period = period(recent, x, next);
            if (period > 0) {
                int start = next - period;
                x = copy(recent[(start + (ITERATIONS - start) % period) % recent.length]);
                break;
            }
        }
        apply(family, noise, x, image);
        double lower = inner(x, image) / inner(x, x);
        return new NoiseSpectralRadius(Math.max(0.0, lower), Math.max(lower, upper(family, noise, x)));
    }

    /**
     * @param recent iterate s at index s % recent.length, for the last recent.length iterates before next
     * @param x iterate next
     * @param next its index
     * @return the smallest p in 1..PERIODS with x equal bit for bit to iterate next - p, or 0
     */
    private static int period(double[][][] recent, double[][] x, int next) {
        for (int p = 1; p <= PERIODS && p <= next; p++) {
            double[][] earlier = recent[(next - p) % recent.length];
            if (java.util.Arrays.deepEquals(earlier, x)) {
                return p;
            }
        }
        return 0;
    }

    private static double[][] copy(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        return out;
    }

    /**
     * An upper bound of rho(N) that every Rayleigh quotient the iteration computes stays below: lambda_max of
     * the matrix M_ab = Tr(B_a N(B_b)) of N on the orthonormal basis E_ii, (E_ij + E_ji) / sqrt 2 of the
     * symmetric matrices (rho(N) = lambda_max(M), N being self-adjoint and positive), plus
     * {@link #OPERATOR_MARGIN} sum_i c_i ||H_i||_F^2; NaN or infinite when the entries are not finite.
     */
    private static double operatorUpper(HessianFamily family, NoiseConstants noise) {
        int d = family.dimension();
        int size = d * (d + 1) / 2;
        double[][] basis = new double[d][d];
        double[][] image = new double[d][d];
        double[][] m = new double[size][size];
        int b = 0;
        for (int i = 0; i < d; i++) {
            for (int k = i; k < d; k++) {
                double entry = i == k ? 1.0 : Math.sqrt(0.5);
                basis[i][k] = entry;
                basis[k][i] = entry;
                apply(family, noise, basis, image);
                basis[i][k] = 0.0;
                basis[k][i] = 0.0;
                int a = 0;
                for (int p = 0; p < d; p++) {
                    for (int q = p; q < d; q++) {
                        m[a++][b] = p == q ? image[p][p] : (image[p][q] + image[q][p]) * Math.sqrt(0.5);
                    }
                }
                b++;
            }
        }
        double scale = 0.0;
        for (Hessian h : family.retain()) {
            scale += noise.cR() * h.frobeniusInner(h);
        }
        for (Hessian h : family.forget()) {
            scale += noise.cF() * h.frobeniusInner(h);
        }
        if (!Double.isFinite(scale)) {
            return Double.NaN;
        }
        for (int a = 0; a < size; a++) {
            for (int c = 0; c < a; c++) {
                double mean = 0.5 * (m[a][c] + m[c][a]);
                if (!Double.isFinite(mean)) {
                    return Double.NaN;
                }
                m[a][c] = mean;
                m[c][a] = mean;
            }
            if (!Double.isFinite(m[a][a])) {
                return Double.NaN;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : SymmetricEigen.of(m).eigenvalues()) {
            max = Math.max(max, v);
        }
        return max + OPERATOR_MARGIN * scale;
    }

    /** A Collatz-Wielandt bound of an unfinished iteration, NaN when the decomposition fails (then undecided). */
    private static double checkpointUpper(HessianFamily family, NoiseConstants noise, double[][] x) {
        try {
            return upper(family, noise, x);
        } catch (MathRuntimeException failed) {
            return Double.NaN;
        }
    }

    private static double upper(HessianFamily family, NoiseConstants noise, double[][] x) {
        int d = x.length;
        double trace = 0.0;
        for (int i = 0; i < d; i++) {
            trace += x[i][i];
        }
        double[][] y = new double[d][];
        for (int i = 0; i < d; i++) {
            y[i] = x[i].clone();
            y[i][i] += RIDGE * Math.abs(trace) + Double.MIN_NORMAL;
        }
        double[][] image = new double[d][d];
        apply(family, noise, y, image);
        try {
            RealMatrix lower = new CholeskyDecomposition(new Array2DRowRealMatrix(y, false), CHOLESKY_PIVOT, 0.0)
                    .getL();
            RealMatrix inverse = new org.hipparchus.linear.QRDecomposition(lower).getSolver().getInverse();
            RealMatrix scaled = inverse.multiply(new Array2DRowRealMatrix(image, false)).multiplyTransposed(inverse);
            RealMatrix symmetric = scaled.add(scaled.transpose()).scalarMultiply(0.5);
            double[] values = SymmetricEigen.of(symmetric.getData()).eigenvalues();
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                max = Math.max(max, v);
            }
            return max;
        } catch (MathIllegalArgumentException notDefinite) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private static void apply(HessianFamily family, NoiseConstants noise, double[][] x, double[][] out) {
        for (double[] row : out) {
            java.util.Arrays.fill(row, 0.0);
        }
        accumulate(family.retain(), noise.cR(), x, out);
        accumulate(family.forget(), noise.cF(), x, out);
    }

    private static void accumulate(java.util.List<Hessian> hessians, double c, double[][] x, double[][] out) {
        if (c == 0.0) {
            return;
        }
        for (Hessian h : hessians) {
            h.congruenceAdd(c, x, out);
        }
    }

    private static double inner(double[][] a, double[][] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a.length; k++) {
                s += a[i][k] * b[i][k];
            }
        }
        return s;
    }

    private static double frobenius(double[][] a) {
        return Math.sqrt(inner(a, a));
    }
}
