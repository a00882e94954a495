package org.unlearnstability.theory;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.Lemma21;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;

/**
 * Evaluates each claim of {@link ClaimId} on one case against the exact quantities of the dynamics
 * package: E||w_k||^2 = Tr(T^k(I)), rho(T) on the range of sum_i H_i, etaStar, and the Lemma 2.1
 * sequences, beside the coherence thresholds of Theorems 2.2 and 2.3.
 *
 * <p>Theorems 2.2 and 2.3 are checked over every learning rate at once: (7) holds iff eta >= eta7 and
 * (8) iff eta <= eta8, while {rho(T) < 1} = (0, etaStar) (rho - 1 = eta g(eta) with g convex and
 * g(0) < 0, so rho > 1 beyond etaStar and rho = 1 at it). Hence (7) implies divergence iff eta7 > etaStar
 * (with "&gt;" in (7): iff eta7 >= etaStar), and (8) implies convergence iff eta8 &lt; etaStar (with "&lt;" in
 * (8): iff eta8 <= etaStar).
 */
public final class ClaimEvaluator {
    /** The steps k = 1..K of the Lemma 2.1 checks. */
    public static final int STEPS = 10;
    /** How many Tr(N_r) the convergence hypothesis "Tr(N_r) <= eps for all r" inspects (with rho(N) < 1). */
    public static final int NOISE_STEPS = 64;

    private ClaimEvaluator() {
    }

    /**
     * @param claim the claim
     * @param family the family
     * @param hyper eta, alpha, B (eta is ignored by claims over every eta, alpha by the single-set reduction)
     * @return the check
     */
    public static ClaimCheck evaluate(ClaimId claim, HessianFamily family, Hyperparameters hyper) {
        requireFinite(family, hyper);
        return switch (claim) {
            case LEMMA21_LOWER_BOUND -> lowerBound(family, hyper);
            case LEMMA21_DIVERGENCE_COROLLARY -> divergenceCorollary(family, hyper);
            case LEMMA21_UPPER_BOUND_MEAN_J -> upperBound(claim, family, hyper, false);
            case LEMMA21_UPPER_BOUND_REPAIRED -> upperBound(claim, family, hyper, true);
            case LEMMA21_UPPER_BOUND_EVERY_JK -> upperBoundEveryJk(family, hyper);
            case LEMMA21_CONVERGENCE_AS_PRINTED -> convergence(claim, family, hyper, 0);
            case LEMMA21_CONVERGENCE_R_GE_1 -> convergence(claim, family, hyper, 1);
            case THEOREM22_DIVERGENCE, THEOREM22_DIVERGENCE_STRICT -> divergence(claim, family, hyper);
            case THEOREM23_EXISTENCE -> existence(family, hyper);
            case THEOREM23_CONVERGENCE, THEOREM23_CONVERGENCE_STRICT -> convergenceBoundary(claim, family, hyper);
            case SINGLE_SET_REDUCTION -> singleSet(family, hyper);
        };
    }

    /**
     * What local search maximises: the slack of {@link #evaluate} where the case is applicable, negative
     * infinity (or NaN) where it is not, computed without the parts of the check the search does not read.
     *
     * @param claim the claim
     * @param family the family
     * @param hyper eta, alpha, B
     * @return the slack
     */
    public static double searchSlack(ClaimId claim, HessianFamily family, Hyperparameters hyper) {
        if (claim != ClaimId.LEMMA21_DIVERGENCE_COROLLARY) {
            ClaimCheck check = evaluate(claim, family, hyper);
            return check.applicable() ? check.slack() : Double.NEGATIVE_INFINITY;
        }
        requireFinite(family, hyper);
        if (!NoiseSpectralRadius.lowerExceeds(family, hyper, 1 + ClaimCheck.TOLERANCE)) {
            return Double.NEGATIVE_INFINITY;
        }
        return 1 / MeanSquareOperator.of(family, hyper).rho().rho();
    }

    private static void requireFinite(HessianFamily family, Hyperparameters hyper) {
        hyper.requireFits(family);
        for (Hessian h : family.all()) {
            if (!Double.isFinite(h.trace())) {
                throw new IllegalArgumentException("a Hessian of the case is not finite (trace " + h.trace() + ")");
            }
        }
    }

    /** Part 1: slack max_k Tr(M_k) / E||w_k||^2. */
    private static ClaimCheck lowerBound(HessianFamily family, Hyperparameters hyper) {
        Lemma21 lemma = Lemma21.compute(family, hyper, STEPS);
        return worstRatio(ClaimId.LEMMA21_LOWER_BOUND, lemma.traceM(), lemma.exactMeanSquare(), hyper.eta());
    }

    /** Corollary of part 1, on cases with rho(N) > 1: slack 1 / rho(T). */
    private static ClaimCheck divergenceCorollary(HessianFamily family, Hyperparameters hyper) {
        if (!NoiseSpectralRadius.lowerExceeds(family, hyper, 1 + ClaimCheck.TOLERANCE)) {
            return ClaimCheck.notApplicable(ClaimId.LEMMA21_DIVERGENCE_COROLLARY);
        }
        NoiseSpectralRadius noise = NoiseSpectralRadius.of(family, hyper);
        double rho = MeanSquareOperator.of(family, hyper).rho().rho();
        return new ClaimCheck(ClaimId.LEMMA21_DIVERGENCE_COROLLARY, true, 1 / rho, noise.lower(), rho, 0, hyper.eta(),
                Double.NaN);
    }

    /** Part 2 under the mean-J reading, 1 - eps = ||J|| in (0, 1): slack max_k E||w_k||^2 / bound_k. */
    private static ClaimCheck upperBound(ClaimId claim, HessianFamily family, Hyperparameters hyper,
            boolean repaired) {
        double norm = Lemma21.normJ(family, hyper);
        if (!(norm > 0.0 && norm < 1.0)) {
            return ClaimCheck.notApplicable(claim);
        }
        Lemma21 lemma = Lemma21.compute(family, hyper, STEPS);
        double[] bound = Lemma21.binomialBound(norm, family.dimension(), lemma.traceN(), repaired);
        return worstRatio(claim, lemma.exactMeanSquare(), bound, hyper.eta());
    }

    /** Part 2 as printed under the every-J_k reading, 1 - eps = max over batch patterns of ||J_k||. */
    private static ClaimCheck upperBoundEveryJk(HessianFamily family, Hyperparameters hyper) {
        ClaimId claim = ClaimId.LEMMA21_UPPER_BOUND_EVERY_JK;
        double norm = BatchPatterns.maxNorm(family, hyper);
        if (!(norm > 0.0 && norm < 1.0)) {
            return ClaimCheck.notApplicable(claim);
        }
        Lemma21 lemma = Lemma21.compute(family, hyper, STEPS);
        double[] bound = Lemma21.binomialBound(norm, family.dimension(), lemma.traceN(), false);
        return worstRatio(claim, lemma.exactMeanSquare(), bound, hyper.eta());
    }

    /**
     * The convergence statement: hypotheses 1 - eps = ||J|| in (0, 1) and Tr(N_r) <= eps for every
     * r >= first (r = 0 as printed, where Tr(N_0) = d >= 1 > eps), checked for r < {@link #NOISE_STEPS}
     * with rho(N) < 1 for the tail; conclusion rho(T) < 1 (E||w_k||^2 -> 0). Slack rho(T).
     */
    private static ClaimCheck convergence(ClaimId claim, HessianFamily family, Hyperparameters hyper, int first) {
        double norm = Lemma21.normJ(family, hyper);
        if (!(norm > 0.0 && norm < 1.0)) {
            return ClaimCheck.notApplicable(claim);
        }
        double eps = 1 - norm;
        double supN = first == 0 ? family.dimension() : 0.0;
        for (double t : Lemma21.traceN(family, hyper, NOISE_STEPS)) {
            supN = Math.max(supN, t);
        }
        if (!(supN <= eps) || !(NoiseSpectralRadius.of(family, hyper).upper() < 1.0)) {
            return ClaimCheck.notApplicable(claim);
        }
        double rho = MeanSquareOperator.of(family, hyper).rho().rho();
        return new ClaimCheck(claim, true, rho, supN, eps, 0, hyper.eta(), Double.NaN);
    }

    /** Theorem 2.2: slack etaStar / eta7 (lhs eta7, rhs etaStar). */
    private static ClaimCheck divergence(ClaimId claim, HessianFamily family, Hyperparameters hyper) {
        Thresholds t = Thresholds.of(family, hyper);
        if (!(t.eta7 > 0.0) || Double.isInfinite(t.eta7) || Double.isInfinite(t.etaStar) || Double.isNaN(t.etaStar)) {
            return ClaimCheck.notApplicable(claim);
        }
        double witness = t.eta7 < t.etaStar ? 0.5 * (t.eta7 + t.etaStar) : t.eta7;
        return new ClaimCheck(claim, true, t.etaStar / t.eta7, t.eta7, t.etaStar, 0, witness, Double.NaN);
    }

    /** Theorem 2.3 as Figure 1 uses it: slack eta8 / etaStar (lhs eta8, rhs etaStar). */
    private static ClaimCheck convergenceBoundary(ClaimId claim, HessianFamily family, Hyperparameters hyper) {
        Thresholds t = Thresholds.of(family, hyper);
        if (!(t.eta8 > 0.0) || Double.isInfinite(t.eta8) || Double.isInfinite(t.etaStar) || Double.isNaN(t.etaStar)) {
            return ClaimCheck.notApplicable(claim);
        }
        double slack = t.etaStar == 0.0 ? Double.POSITIVE_INFINITY : t.eta8 / t.etaStar;
        double witness = t.etaStar < t.eta8 ? 0.5 * (t.etaStar + t.eta8) : t.eta8;
        return new ClaimCheck(claim, true, slack, t.eta8, t.etaStar, 0, witness, Double.NaN);
    }

    /**
     * The weak reading of the existence statement: for the case's (n_r, n_f, B, alpha, eta), a witness
     * family (the case's retain Hessians, forget Hessians set to zero, all scaled down until
     * eta <= etaStar / 4 and eta <= eta8 / 2) satisfies (8) and converges. Slack rho(T) of the witness at eta,
     * infinite when (8) fails for it (applicable when alpha &lt; 1 and C_r' > 0; at alpha = 1 every J_k >= I
     * and nothing converges, and with C_r' = 0 the right side of (8) divides by zero). Secondary: eta7 / eta8 of the case's
     * own family (below 1, (7) and (8) both hold on (eta7, eta8]).
     */
    private static ClaimCheck existence(HessianFamily family, Hyperparameters hyper) {
        Thresholds own = Thresholds.of(family, hyper);
        double overlap = own.eta7 / own.eta8;
        double cRPrime = NoiseConstants.of(hyper, family.nRetain(), family.nForget()).cRPrime();
        if (!(hyper.alpha() < 1.0) || !(cRPrime > 0.0)) {
            // alpha = 1: nothing converges (every J_k >= I); C_r' = 0: the right side of (8) divides by zero.
            return new ClaimCheck(ClaimId.THEOREM23_EXISTENCE, false, Double.NaN, Double.NaN, Double.NaN, 0,
                    hyper.eta(), overlap);
        }
        HessianFamily witness = witness(family, hyper);
        Thresholds t = Thresholds.of(witness, hyper);
        double rho = MeanSquareOperator.of(witness, hyper).rho().rho();
        boolean eight = hyper.eta() <= t.eta8;
        return new ClaimCheck(ClaimId.THEOREM23_EXISTENCE, true, eight ? rho : Double.POSITIVE_INFINITY,
                hyper.eta(), t.eta8, 0, hyper.eta(), overlap);
    }

    /**
     * The retain Hessians (or e_1 e_1^T when all vanish) and zero forget Hessians, scaled down until
     * eta <= etaStar / 4 and eta <= eta8 / 2 (sigma is scale-free, while etaStar and eta8 scale like 1/scale).
     */
    static HessianFamily witness(HessianFamily family, Hyperparameters hyper) {
        int d = family.dimension();
        List<Hessian> retain = new ArrayList<>(family.retain());
        if (retain.stream().allMatch(h -> h.trace() == 0.0)) {
            double[] e1 = new double[d];
            e1[0] = 1.0;
            retain.set(0, DiagonalHessian.of(e1));
        }
        List<Hessian> forget = new ArrayList<>();
        for (int i = 0; i < family.nForget(); i++) {
            forget.add(DiagonalHessian.of(new double[d]));
        }
        HessianFamily unscaled = new HessianFamily(retain, forget);
        double etaStar = CriticalLearningRate.of(unscaled, hyper.alpha(),
                hyper.batch()).etaStar();
        double eta8 = Thresholds.of(unscaled, hyper).eta8;
        double scale = 1.0;
        if (etaStar > 0.0 && Double.isFinite(etaStar)) {
            scale = Math.min(scale, etaStar / (4 * hyper.eta()));
        }
        if (eta8 > 0.0 && Double.isFinite(eta8)) {
            scale = Math.min(scale, eta8 / (2 * hyper.eta()));
        }
        double factor = scale;
        List<Hessian> scaled = retain.stream().map(h -> h.scale(factor)).toList();
        return new HessianFamily(scaled, forget);
    }

    /** Section 2.2 at alpha = 0: slack sigma / sigma_single(retain); secondary sigma / (n_f sigma_single). */
    private static ClaimCheck singleSet(HessianFamily family, Hyperparameters hyper) {
        Hyperparameters zero = new Hyperparameters(hyper.eta(), 0.0, hyper.batch());
        CoherenceAnalysis analysis = CoherenceAnalysis.of(family, zero);
        double sigma = analysis.sigma();
        double single = analysis.retainSingle().sigma();
        if (!Double.isFinite(sigma) || !Double.isFinite(single) || single == 0.0) {
            return ClaimCheck.notApplicable(ClaimId.SINGLE_SET_REDUCTION);
        }
        double ratio = sigma / single;
        // Equality is the claim: the slack measures the distance from it in either direction.
        double slack = Math.max(ratio, 1 / ratio);
        return new ClaimCheck(ClaimId.SINGLE_SET_REDUCTION, true, slack, sigma, single, 0, hyper.eta(),
                sigma / (family.nForget() * single));
    }

    /** The largest lhs_k / rhs_k over k (0/0 counts as 1, x/0 with x > 0 as infinity). */
    private static ClaimCheck worstRatio(ClaimId claim, double[] lhs, double[] rhs, double eta) {
        double worst = Double.NEGATIVE_INFINITY;
        int at = 0;
        for (int k = 0; k < lhs.length; k++) {
            double ratio = ratio(lhs[k], rhs[k]);
            if (ratio > worst || Double.isNaN(worst)) {
                worst = ratio;
                at = k;
            }
        }
        if (!Double.isFinite(lhs[at]) || !Double.isFinite(rhs[at])) {
            return ClaimCheck.notApplicable(claim);
        }
        return new ClaimCheck(claim, true, worst, lhs[at], rhs[at], at + 1, eta, Double.NaN);
    }

    private static double ratio(double lhs, double rhs) {
        if (rhs == 0.0) {
            return lhs == 0.0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return lhs / rhs;
    }

    /** eta7, eta8 and etaStar of one case. */
    private record Thresholds(double eta7, double eta8, double etaStar) {
        static Thresholds of(HessianFamily family, Hyperparameters hyper) {
            CoherenceAnalysis analysis = CoherenceAnalysis.of(family, hyper);
            StabilityThresholds t = StabilityThresholds.of(analysis, hyper, family.nRetain(), family.nForget());
            double etaStar = CriticalLearningRate.of(family, hyper.alpha(),
                    hyper.batch()).etaStar();
            if (!Double.isFinite(analysis.sigma())) {
                return new Thresholds(Double.NaN, Double.NaN, Double.NaN);
            }
            return new Thresholds(t.eta7(), t.eta8(), etaStar);
        }
    }

    /**
     * @param claim a claim
     * @param family a family
     * @param hyper its hyper-parameters
     * @return the check, or null when the evaluation fails numerically (reported, never hidden)
     */
    public static @Nullable ClaimCheck tryEvaluate(ClaimId claim, HessianFamily family, Hyperparameters hyper) {
        try {
            return evaluate(claim, family, hyper);
        } catch (ArithmeticException | IllegalStateException e) {
            return null;
        }
    }
}
