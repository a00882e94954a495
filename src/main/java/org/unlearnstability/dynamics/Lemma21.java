package org.unlearnstability.dynamics;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.util.FastMath;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;

/**
 * The quantities of Lemma 2.1, computed exactly as printed (not corrected), beside the exact mean
 * square, for k = 1..K:
 * <ul>
 *   <li>Tr(N_k), N_0 = I, N_k = C_f sum_{f} H_f N_{k-1} H_f + C_r sum_{r} H_r N_{k-1} H_r (eq. (6));</li>
 *   <li>Tr(J^{2k}), J = I - eta (1-alpha) H_R + eta alpha H_F;</li>
 *   <li>Tr(M_k) = Tr(J^{2k}) + Tr(N_k), the stated lower bound of part 1;</li>
 *   <li>the exact E||w_k||^2 = Tr(T^k(I)) for Bernoulli batches ({@link MeanSquareOperator});</li>
 *   <li>the stated upper bound of part 2, sum_{r=0}^{k-1} C(k, r) (1-eps)^{2(k-r)} Tr(N_r) with
 *       eps = 1 - ||J||, given only when ||J|| < 1 (null otherwise). Note that the printed sum stops
 *       at r = k-1. It is evaluated in log space; a value beyond the double range is infinite.</li>
 * </ul>
 * ||J|| is the spectral norm on all of R^d, so a common null space of the H_i (where J = I) gives
 * ||J|| = 1 and no upper bound. Index k - 1 of each array holds step k.
 *
 * @param traceN Tr(N_k)
 * @param traceJ2k Tr(J^{2k})
 * @param traceM Tr(M_k)
 * @param exactMeanSquare E||w_k||^2
 * @param lemma21UpperBound the part 2 bound, or null entries when ||J|| >= 1
 * @param normJ ||J||
 */
public record Lemma21(double[] traceN, double[] traceJ2k, double[] traceM, double[] exactMeanSquare,
        @Nullable Double[] lemma21UpperBound, double normJ) {

    /**
     * @param family the family
     * @param hyper eta, alpha, B
     * @param steps K >= 1
     * @return the sequences for k = 1..K
     */
    public static Lemma21 compute(HessianFamily family, Hyperparameters hyper, int steps) {
        hyper.requireFits(family);
        return compute(ReducedFamily.of(family, hyper.alpha()), hyper, steps);
    }

    /**
     * ||J|| alone, as {@link #compute} finds it (the first hypothesis of part 2, which decides most cases).
     *
     * @param family the family
     * @param hyper eta, alpha, B
     * @return ||J||
     */
    public static double normJ(HessianFamily family, Hyperparameters hyper) {
        hyper.requireFits(family);
        return normJ(ReducedFamily.of(family, hyper.alpha()), hyper.eta());
    }

    /**
     * Tr(N_k) for k = 1..K alone, as {@link #compute} finds them (without the exact mean square).
     *
     * @param family the family
     * @param hyper eta, alpha, B
     * @param steps K >= 1
     * @return Tr(N_k) at index k - 1
     */
    public static double[] traceN(HessianFamily family, Hyperparameters hyper, int steps) {
        hyper.requireFits(family);
        requireSteps(steps);
        return traceN(ReducedFamily.of(family, hyper.alpha()), hyper, steps);
    }

    private static void requireSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("the number of steps K must be at least 1, got " + steps);
        }
    }

    private static double normJ(ReducedFamily reduced, double eta) {
        double normJ = reduced.hasNullSpace() ? 1.0 : 0.0;
        for (double value : reduced.drift()) {
            normJ = Math.max(normJ, Math.abs(1 - eta * value));
        }
        return normJ;
    }

    static Lemma21 compute(ReducedFamily reduced, Hyperparameters hyper, int steps) {
        requireSteps(steps);
        int d = reduced.dimension();
        int m = reduced.rank();
        double eta = hyper.eta();
        double[] a = reduced.drift();
        double normJ = normJ(reduced, eta);
        double[] traceJ2k = new double[steps];
        for (int k = 1; k <= steps; k++) {
            double sum = d - m;
            for (double value : a) {
                sum += FastMath.pow(1 - eta * value, 2 * k);
            }
            traceJ2k[k - 1] = sum;
        }
        double[] traceN = traceN(reduced, hyper, steps);
        double[] traceM = new double[steps];
        for (int k = 0; k < steps; k++) {
            traceM[k] = traceJ2k[k] + traceN[k];
        }
        double[] exact = MeanSquareOperator.of(reduced, hyper, BatchSampler.BERNOULLI).meanSquare(steps);
        return new Lemma21(traceN, traceJ2k, traceM, exact, upperBound(normJ, d, traceN), normJ);
    }

    /** Tr(N_k) for k = 1..K: N_k = eta^2 N(N_{k-1}) with the Bernoulli noise operator, N_0 = I. */
    private static double[] traceN(ReducedFamily reduced, Hyperparameters hyper, int steps) {
        int m = reduced.rank();
        double eta2 = hyper.eta() * hyper.eta();
        NoiseOperator noise = reduced.noise(hyper.batch(), BatchSampler.BERNOULLI);
        double[] out = new double[steps];
        if (m == 0 || noise.isZero()) {
            return out;
        }
        if (reduced.isDiagonal()) {
            double[] s = noise.diagonalWeights();
            for (int k = 1; k <= steps; k++) {
                double sum = 0.0;
                for (double value : s) {
                    sum += FastMath.pow(eta2 * value, k);
                }
                out[k - 1] = sum;
            }
            return out;
        }
        double[][] current = new double[m][m];
        for (int p = 0; p < m; p++) {
            current[p][p] = 1.0;
        }
        double[][] next = new double[m][m];
        double logScale = 0.0;
        for (int k = 1; k <= steps; k++) {
            noise.apply(current, next);
            double trace = 0.0;
            for (int p = 0; p < m; p++) {
                trace += next[p][p];
            }
            trace *= eta2;
            out[k - 1] = trace * FastMath.exp(logScale);
            if (!(trace > 0.0)) {
                break;
            }
            logScale += FastMath.log(trace);
            for (int p = 0; p < m; p++) {
                for (int q = 0; q < m; q++) {
                    current[p][q] = eta2 * next[p][q] / trace;
                }
            }
        }
        return out;
    }

    /** The printed bound, defined only when ||J|| < 1 (eps = 1 - ||J|| in (0, 1]); null otherwise. */
    private static @Nullable Double[] upperBound(double normJ, int d, double[] traceN) {
        @Nullable Double[] out = new Double[traceN.length];
        if (normJ < 1.0) {
            double[] bound = binomialBound(normJ, d, traceN, false);
            for (int k = 0; k < bound.length; k++) {
                out[k] = bound[k];
            }
        }
        return out;
    }

    /**
     * Lemma 2.1's binomial sum sum_{r=0}^{k-1} C(k, r) norm^{2(k-r)} Tr(N_r), as printed, or through
     * r = k when {@code throughK} (the repaired reading the claims audit also tests), summed in log
     * space so that large k neither overflows nor underflows.
     *
     * @param norm 1 - eps
     * @param d the dimension, Tr(N_0)
     * @param traceN Tr(N_r) for r = 1..K
     * @param throughK whether the r = k term is included
     * @return the bound for k = 1..K
     */
    public static double[] binomialBound(double norm, int d, double[] traceN, boolean throughK) {
        int steps = traceN.length;
        double[] out = new double[steps];
        double logNorm = FastMath.log(norm);
        for (int k = 1; k <= steps; k++) {
            int last = throughK ? k : k - 1;
            double[] terms = new double[last + 1];
            double max = Double.NEGATIVE_INFINITY;
            double logBinomial = 0.0;
            for (int r = 0; r <= last; r++) {
                if (r > 0) {
                    logBinomial += FastMath.log((double) (k - r + 1) / r);
                }
                double trace = r == 0 ? d : traceN[r - 1];
                terms[r] = trace > 0.0 ? logBinomial + 2.0 * (k - r) * logNorm + FastMath.log(trace)
                        : Double.NEGATIVE_INFINITY;
                max = Math.max(max, terms[r]);
            }
            double sum = 0.0;
            for (double term : terms) {
                sum += FastMath.exp(term - max);
            }
            out[k - 1] = max == Double.NEGATIVE_INFINITY ? 0.0 : FastMath.exp(max + FastMath.log(sum));
        }
        return out;
    }
}
