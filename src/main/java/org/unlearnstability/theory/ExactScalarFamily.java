package org.unlearnstability.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;

/**
 * Every quantity of sections 2.1-2.3 for a one-dimensional family (d = 1, each H_i a number h_i >= 0),
 * in exact rational arithmetic. Every double is a dyadic rational, so the numbers of a family file are
 * taken at face value and nothing is rounded.
 *
 * <p>With d = 1 everything commutes: J = 1 - eta (1-alpha) mean(h_r) + eta alpha mean(h_f), the
 * second-moment map T is the number rho = J^2 + n with n = Tr(N_1) = C_r sum h_r^2 + C_f sum h_f^2, and
 * E||w_k||^2 = rho^k, Tr(N_k) = n^k, Tr(J^{2k}) = J^{2k}; etaStar = 2a / (a^2 + n/eta^2) with
 * a = (1-alpha) mean(h_r) - alpha mean(h_f) > 0 (0 when a <= 0). Every D_rf = C_r' h_r + C_f' h_f is a
 * number, S_{ij} = sqrt(D_i D_j) is rank one, so lambda_max(S) = sum D_rf and sigma = sum D_rf / max D_rf
 * (Definition 4); likewise the single-set sigma = sum h / max h (Definition 1).
 *
 * <p>C_r' = sqrt(C_r) / (sqrt(C_r) + sqrt(C_f)) is rational iff (n_f/B - 1) / (n_r/B - 1) is the square of
 * a rational (or a constant vanishes); otherwise the coherence quantities are reported as absent. K7 of
 * (7) is a sum of two roots; (7) is decided by the sign of (eta lambda_D K7)^2 - 2 sigma^2, a
 * {@link QuadraticSurd}.
 */
public final class ExactScalarFamily {
    private final BigFraction[] retain;
    private final BigFraction[] forget;
    private final BigFraction alpha;
    private final BigFraction eta;
    private final int batch;

    private ExactScalarFamily(BigFraction[] retain, BigFraction[] forget, BigFraction alpha, BigFraction eta,
            int batch) {
        this.retain = retain;
        this.forget = forget;
        this.alpha = alpha;
        this.eta = eta;
        this.batch = batch;
    }

    /**
     * @param family a family
     * @param hyper its hyper-parameters
     * @return the exact view when d = 1
     */
    public static Optional<ExactScalarFamily> of(HessianFamily family, Hyperparameters hyper) {
        if (family.dimension() != 1) {
            return Optional.empty();
        }
        hyper.requireFits(family);
        return Optional.of(new ExactScalarFamily(values(family.retain()), values(family.forget()),
                exact(hyper.alpha()), exact(hyper.eta()), hyper.batch()));
    }

    /**
     * @param newEta another learning rate
     * @return this family at that learning rate
     */
    public ExactScalarFamily withEta(BigFraction newEta) {
        return new ExactScalarFamily(retain, forget, alpha, newEta, batch);
    }

    private static BigFraction[] values(List<Hessian> hessians) {
        BigFraction[] v = new BigFraction[hessians.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = exact(hessians.get(i).trace());
        }
        return v;
    }

    private static BigFraction exact(double v) {
        return Rationals.exact(v);
    }

    /** @return eta */
    public BigFraction eta() {
        return eta;
    }

    /** @return C_r = eta^2 (1-alpha)^2 (1/n_r)(1/B - 1/n_r) */
    public BigFraction cR() {
        return eta.pow(2).multiply(BigFraction.ONE.subtract(alpha).pow(2)).multiply(batchFactor(retain.length));
    }

    /** @return C_f = eta^2 alpha^2 (1/n_f)(1/B - 1/n_f) */
    public BigFraction cF() {
        return eta.pow(2).multiply(alpha.pow(2)).multiply(batchFactor(forget.length));
    }

    private BigFraction batchFactor(int n) {
        return new BigFraction(1, n).multiply(new BigFraction(1, batch).subtract(new BigFraction(1, n)));
    }

    /** @return J = 1 - eta (1-alpha) mean(h_r) + eta alpha mean(h_f) */
    public BigFraction j() {
        return BigFraction.ONE.subtract(eta.multiply(drift()));
    }

    /** @return a = (1-alpha) mean(h_r) - alpha mean(h_f), so that J = 1 - eta a */
    public BigFraction drift() {
        return BigFraction.ONE.subtract(alpha).multiply(mean(retain)).subtract(alpha.multiply(mean(forget)));
    }

    /** @return Tr(N_1) = C_r sum h_r^2 + C_f sum h_f^2 (then Tr(N_k) = Tr(N_1)^k) */
    public BigFraction noise() {
        return cR().multiply(sumOfSquares(retain)).add(cF().multiply(sumOfSquares(forget)));
    }

    /** @return rho = J^2 + Tr(N_1), so E||w_k||^2 = rho^k */
    public BigFraction rho() {
        return j().pow(2).add(noise());
    }

    /**
     * @param k a step
     * @return E||w_k||^2 = rho^k
     */
    public BigFraction meanSquare(int k) {
        return rho().pow(k);
    }

    /**
     * @param k a step
     * @return Tr(M_k) = J^{2k} + Tr(N_k)
     */
    public BigFraction traceM(int k) {
        return j().pow(2 * k).add(noise().pow(k));
    }

    /**
     * The bound of Lemma 2.1 part 2 with 1 - eps = ||J|| = |J|:
     * sum_{r=0}^{k-1} C(k, r) |J|^{2(k-r)} Tr(N_r) as printed, or the sum up to r = k when repaired.
     *
     * @param k a step
     * @param repaired whether the sum includes r = k
     * @return the bound
     */
    public BigFraction upperBound(int k, boolean repaired) {
        // In one dimension Tr(N_r) = noise^r: the bound is ExactMatrixFamily's with u = J^2.
        List<BigFraction> traceN = new ArrayList<>();
        for (int r = 0; r <= k; r++) {
            traceN.add(noise().pow(r));
        }
        return ExactMatrixFamily.upperBound(k, j().pow(2), traceN, repaired);
    }

    /**
     * The every-J_k reading of Lemma 2.1 part 2: the largest |J_k| over the batch patterns Bernoulli
     * sampling draws with positive probability (see {@link BatchPatterns}).
     *
     * @return max |J_k|, or 1 when the empty pattern (J_k = 1) has positive probability
     */
    public BigFraction maxPatternNorm() {
        boolean retainFixed = batch == retain.length;
        boolean forgetFixed = batch == forget.length;
        if (!retainFixed && !forgetFixed) {
            return BigFraction.ONE;
        }
        BigFraction[] varying = retainFixed ? forget : retain;
        int patterns = retainFixed && forgetFixed ? 1 : 1 << varying.length;
        BigFraction wr = eta.multiply(BigFraction.ONE.subtract(alpha)).divide(batch);
        BigFraction wf = eta.multiply(alpha).divide(batch);
        BigFraction max = BigFraction.ZERO;
        for (int mask = 0; mask < patterns; mask++) {
            BigFraction j = BigFraction.ONE;
            for (int i = 0; i < retain.length; i++) {
                if (retainFixed || (mask & (1 << i)) != 0) {
                    j = j.subtract(wr.multiply(retain[i]));
                }
            }
            for (int i = 0; i < forget.length; i++) {
                if (forgetFixed || (mask & (1 << i)) != 0) {
                    j = j.add(wf.multiply(forget[i]));
                }
            }
            BigFraction abs = j.abs();
            max = max.compareTo(abs) >= 0 ? max : abs;
        }
        return max;
    }

    /**
     * The printed bound of Lemma 2.1 part 2 with 1 - eps = m: sum_{r=0}^{k-1} C(k, r) m^{2(k-r)} Tr(N_r).
     *
     * @param k a step
     * @param m the value of 1 - eps
     * @return the bound
     */
    public BigFraction printedBound(int k, BigFraction m) {
        BigFraction m2 = m.pow(2);
        BigFraction sum = BigFraction.ZERO;
        BigFraction binomial = BigFraction.ONE;
        for (int r = 0; r < k; r++) {
            if (r > 0) {
                binomial = binomial.multiply(new BigFraction(k - r + 1, r));
            }
            sum = sum.add(binomial.multiply(m2.pow(k - r)).multiply(noise().pow(r)));
        }
        return sum;
    }

    /** @return etaStar exactly: 2a / (a^2 + n/eta^2) when a > 0, 0 when a <= 0; empty when every h is 0 */
    public Optional<BigFraction> etaStar() {
        // The range of the Hessians that act: a set with weight 0 (alpha = 0 or 1) moves nothing.
        BigFraction acting = BigFraction.ONE.subtract(alpha).multiply(sumOfSquares(retain))
                .add(alpha.multiply(sumOfSquares(forget)));
        if (acting.signum() == 0) {
            return Optional.empty();
        }
        BigFraction a = drift();
        if (a.signum() <= 0) {
            return Optional.of(BigFraction.ZERO);
        }
        BigFraction s = noise().divide(eta.pow(2));
        return Optional.of(a.multiply(2).divide(a.pow(2).add(s)));
    }

    /**
     * @return C_r' when rational (the limit conventions of {@link org.unlearnstability.definitions.NoiseConstants}
     *     when C_r = C_f = 0)
     */
    public Optional<BigFraction> cRPrime() {
        boolean rZero = cR().signum() == 0;
        boolean fZero = cF().signum() == 0;
        if (rZero && fZero) {
            if (alpha.signum() == 0) {
                return Optional.of(BigFraction.ONE);
            }
            return Optional.of(alpha.equals(BigFraction.ONE) ? BigFraction.ZERO : BigFraction.ONE.subtract(alpha));
        }
        if (fZero) {
            return Optional.of(BigFraction.ONE);
        }
        if (rZero) {
            return Optional.of(BigFraction.ZERO);
        }
        // sqrt(C_f / C_r) = (alpha n_r) / ((1-alpha) n_f) sqrt(v / u)
        Optional<BigFraction> root = RationalRoot.of(v().divide(u()));
        return root.map(r -> {
            BigFraction ratio = alpha.multiply(retain.length)
                    .divide(BigFraction.ONE.subtract(alpha).multiply(forget.length)).multiply(r);
            return BigFraction.ONE.divide(BigFraction.ONE.add(ratio));
        });
    }

    /** u = n_r/B - 1 */
    private BigFraction u() {
        return new BigFraction(retain.length, batch).subtract(BigFraction.ONE);
    }

    /** v = n_f/B - 1 */
    private BigFraction v() {
        return new BigFraction(forget.length, batch).subtract(BigFraction.ONE);
    }

    /** @return lambda_max(D) = C_r' mean(h_r) + C_f' mean(h_f), when C_r' is rational */
    public Optional<BigFraction> lambdaMaxD() {
        return cRPrime().map(a -> a.multiply(mean(retain)).add(BigFraction.ONE.subtract(a).multiply(mean(forget))));
    }

    /** @return sigma = sum D_rf / max D_rf, when C_r' is rational and some D_rf is nonzero */
    public Optional<BigFraction> sigma() {
        Optional<BigFraction> prime = cRPrime();
        if (prime.isEmpty()) {
            return Optional.empty();
        }
        BigFraction a = prime.get();
        BigFraction b = BigFraction.ONE.subtract(a);
        BigFraction sum = BigFraction.ZERO;
        BigFraction max = BigFraction.ZERO;
        for (BigFraction hr : retain) {
            for (BigFraction hf : forget) {
                BigFraction drf = a.multiply(hr).add(b.multiply(hf));
                sum = sum.add(drf);
                max = max.compareTo(drf) >= 0 ? max : drf;
            }
        }
        return max.signum() == 0 ? Optional.empty() : Optional.of(sum.divide(max));
    }

    /** @return the single-set coherence of the retain set, sum h_r / max h_r, when some h_r is nonzero */
    public Optional<BigFraction> sigmaSingleRetain() {
        BigFraction sum = BigFraction.ZERO;
        BigFraction max = BigFraction.ZERO;
        for (BigFraction h : retain) {
            sum = sum.add(h);
            max = max.compareTo(h) >= 0 ? max : h;
        }
        return max.signum() == 0 ? Optional.empty() : Optional.of(sum.divide(max));
    }

    /** @return K7^2 = ((1-alpha) n_f sqrt(u) + alpha n_r sqrt(v))^2 with u = n_r/B - 1, v = n_f/B - 1 */
    public QuadraticSurd k7Squared() {
        BigFraction oneMinus = BigFraction.ONE.subtract(alpha);
        int nr = retain.length;
        int nf = forget.length;
        BigFraction rational = oneMinus.pow(2).multiply(nf * nf).multiply(u())
                .add(alpha.pow(2).multiply(nr * nr).multiply(v()));
        BigFraction root = alpha.multiply(oneMinus).multiply(2L * nr * nf);
        return new QuadraticSurd(rational, root, u().multiply(v()));
    }

    /**
     * Inequality (7), lambda_max(D) >= sqrt(2) sigma / (eta K7), at this eta.
     *
     * @return 1 when it holds strictly, 0 with equality, -1 when it fails (also when K7 = 0: the right
     *     side is infinite); empty when sigma or lambda_max(D) is not available exactly
     */
    public Optional<Integer> condition7() {
        Optional<BigFraction> sigma = sigma();
        Optional<BigFraction> lambda = lambdaMaxD();
        if (sigma.isEmpty() || lambda.isEmpty()) {
            return Optional.empty();
        }
        QuadraticSurd k7 = k7Squared();
        if (k7.signum() == 0) {
            return Optional.of(-1);
        }
        // Both sides are nonnegative, so compare squares: (eta lambda_D)^2 K7^2 - 2 sigma^2.
        BigFraction scale = eta.multiply(lambda.get()).pow(2);
        BigFraction twoSigma2 = sigma.get().pow(2).multiply(2);
        return Optional.of(new QuadraticSurd(scale.multiply(k7.a()).subtract(twoSigma2), scale.multiply(k7.b()),
                k7.radicand()).signum());
    }

    /**
     * Inequality (8), lambda_max(D) <= 2 sigma / (eta C_r' (sigma + n_f (n_r/B - 1))), at this eta.
     *
     * @return 1 when it holds strictly, 0 with equality, -1 when it fails (the right side is infinite,
     *     hence (8) holds strictly, when C_r' = 0); empty when the quantities are not available exactly
     */
    public Optional<Integer> condition8() {
        return sides8().map(s -> s.denominator().signum() == 0 ? 1
                : s.twoSigma().subtract(eta.multiply(s.lambda()).multiply(s.denominator())).signum());
    }

    /** @return eta8 = 2 sigma / (C_r' (sigma + n_f (n_r/B - 1)) lambda_max(D)), when finite and exact */
    public Optional<BigFraction> eta8() {
        return sides8().filter(s -> s.denominator().signum() != 0 && s.lambda().signum() != 0)
                .map(s -> s.twoSigma().divide(s.denominator().multiply(s.lambda())));
    }

    /**
     * The exact parts of (8), 2 sigma against eta lambda_max(D) C_r' (sigma + n_f (n_r/B - 1)).
     *
     * @param twoSigma 2 sigma
     * @param lambda lambda_max(D)
     * @param denominator C_r' (sigma + n_f (n_r/B - 1))
     */
    private record Sides8(BigFraction twoSigma, BigFraction lambda, BigFraction denominator) {
    }

    /** @return the parts of (8) when sigma, lambda_max(D) and C_r' are exact */
    private Optional<Sides8> sides8() {
        Optional<BigFraction> sigma = sigma();
        Optional<BigFraction> lambda = lambdaMaxD();
        Optional<BigFraction> prime = cRPrime();
        if (sigma.isEmpty() || lambda.isEmpty() || prime.isEmpty()) {
            return Optional.empty();
        }
        BigFraction denominator = prime.get().multiply(sigma.get().add(u().multiply(forget.length)));
        return Optional.of(new Sides8(sigma.get().multiply(2), lambda.get(), denominator));
    }

    private static BigFraction mean(BigFraction[] values) {
        BigFraction sum = BigFraction.ZERO;
        for (BigFraction v : values) {
            sum = sum.add(v);
        }
        return sum.divide(values.length);
    }

    private static BigFraction sumOfSquares(BigFraction[] values) {
        BigFraction sum = BigFraction.ZERO;
        for (BigFraction v : values) {
            sum = sum.add(v.pow(2));
        }
        return sum;
    }
}
