package org.unlearnstability.theory;

import java.util.List;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.SymmetricEigen;
import org.unlearnstability.linalg.SymmetricNormBound;

/**
 * The largest spectral norm over every batch pattern that Bernoulli sampling (the paper's model: each
 * retain sample kept with probability B/n_r, each forget sample with B/n_f) draws with positive
 * probability, of the random update matrix of eq. (3),
 * J_k = I - eta (1-alpha) (1/B) sum_{r in D_r,k} H_r + eta alpha (1/B) sum_{f in D_f,k} H_f.
 * This is the "every J_k is bounded" reading of the hypothesis of Lemma 2.1 part 2.
 *
 * <p>A set whose inclusion probability is below 1 can be drawn empty, so when B &lt; n_r and B &lt; n_f the
 * empty pattern J_k = I has positive probability and the maximum is at least 1 (returned without
 * enumeration). Otherwise only the set with probability below 1 varies and its 2^n subsets are
 * enumerated (n at most {@link #MAX_ENUMERATED}).
 */
public final class BatchPatterns {
    /** The largest set size whose subsets are enumerated. */
    public static final int MAX_ENUMERATED = 14;

    private BatchPatterns() {
    }

    /**
     * @param family a family
     * @param hyper eta, alpha, B
     * @return max over positive-probability patterns of ||J_k|| (at least 1 when a pattern leaves J_k = I)
     */
    public static double maxNorm(HessianFamily family, Hyperparameters hyper) {
        return maxNorm(family, hyper, false);
    }

    /**
     * Whether every positive-probability J_k is a strict contraction, {@code maxNorm(family, hyper) < 1},
     * with the enumeration stopped at the first pattern that is not.
     *
     * @param family a family
     * @param hyper eta, alpha, B
     * @return whether every pattern has ||J_k|| &lt; 1
     */
    public static boolean everyContracting(HessianFamily family, Hyperparameters hyper) {
        return maxNorm(family, hyper, true) < 1.0;
    }

    private static double maxNorm(HessianFamily family, Hyperparameters hyper, boolean stopAtNonContracting) {
        int b = hyper.batch();
        boolean retainFixed = b == family.nRetain();
        boolean forgetFixed = b == family.nForget();
        if (!retainFixed && !forgetFixed) {
            // The empty pattern (J_k = I) has probability (1 - B/n_r)^n_r (1 - B/n_f)^n_f > 0.
            return 1.0;
        }
        int d = family.dimension();
        double[][] fixed = new double[d][d];
        for (int i = 0; i < d; i++) {
            fixed[i][i] = 1.0;
        }
        double retainWeight = -hyper.eta() * (1 - hyper.alpha()) / b;
        double forgetWeight = hyper.eta() * hyper.alpha() / b;
        if (retainFixed) {
            family.retain().forEach(h -> add(fixed, h, retainWeight));
        }
        if (forgetFixed) {
            family.forget().forEach(h -> add(fixed, h, forgetWeight));
        }
        if (retainFixed && forgetFixed) {
            return norm(fixed);
        }
        List<Hessian> varying = retainFixed ? family.forget() : family.retain();
        double weight = retainFixed ? forgetWeight : retainWeight;
        if (varying.size() > MAX_ENUMERATED) {
            throw new IllegalArgumentException("too many batch patterns to enumerate: 2^" + varying.size());
        }
        double[][][] terms = new double[varying.size()][d][d];
        for (int i = 0; i < terms.length; i++) {
            add(terms[i], varying.get(i), weight);
        }
        double[][] j = new double[d][d];
        int all = (1 << terms.length) - 1;
        // The norm is taken first where it is largest when every H is PSD (J is monotone in the pattern for
        // the Loewner order, so the empty and the full pattern bound every other), so that the certificate
        // below skips most patterns. The maximum is the same whatever the order.
        double max = stopAtNonContracting ? 0.0 : Math.max(norm(pattern(fixed, terms, 0, j)),
                norm(pattern(fixed, terms, all, j)));
        for (int mask = 0; mask <= all; mask++) {
            pattern(fixed, terms, mask, j);
            // A pattern certified below the running maximum (or below 1 when only contraction is asked)
            // cannot change the answer: its computed norm is below that bound too (SymmetricNormBound).
            double bound = stopAtNonContracting ? 1.0 : max;
            if (bound > 0.0 && SymmetricNormBound.certifiesBelow(j, bound)) {
                continue;
            }
            max = Math.max(max, norm(j));
            if (stopAtNonContracting && !(max < 1.0)) {
                return max;
            }
        }
        return max;
    }

    /** J of one pattern: the fixed part plus the terms whose bit is set in mask, added in index order. */
    private static double[][] pattern(double[][] fixed, double[][][] terms, int mask, double[][] j) {
        int d = fixed.length;
        for (int p = 0; p < d; p++) {
            System.arraycopy(fixed[p], 0, j[p], 0, d);
        }
        for (int i = 0; i < terms.length; i++) {
            if ((mask & (1 << i)) != 0) {
                for (int p = 0; p < d; p++) {
                    for (int q = 0; q < d; q++) {
                        j[p][q] += terms[i][p][q];
                    }
                }
            }
        }
        return j;
    }

    private static void add(double[][] target, Hessian h, double weight) {
        double[][] m = h.toMatrix().getData();
        for (int p = 0; p < m.length; p++) {
            for (int q = 0; q < m.length; q++) {
                target[p][q] += weight * m[p][q];
            }
        }
    }

    /** The spectral norm of a symmetric matrix (d = 1 directly). */
    private static double norm(double[][] j) {
        if (j.length == 1) {
            return Math.abs(j[0][0]);
        }
        double[] values = SymmetricEigen.of(j).eigenvalues();
        double norm = 0.0;
        for (double v : values) {
            norm = Math.max(norm, Math.abs(v));
        }
        return norm;
    }
}
