package org.unlearnstability.audit;

import java.util.function.DoublePredicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.Lemma21;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.theory.BatchPatterns;
import org.unlearnstability.theory.ClaimId;

/**
 * Draws one case for a claim: a family of the given kind, then B uniform in [1, min(n_r, n_f)], alpha
 * from a mixture that weights the ends (0 with probability 0.2, 1 with 0.1, 1/2 with 0.1, else uniform on
 * [0, 1]) and eta log-uniform on [0.02, 3] etaStar (so over (0, 2 etaStar] and beyond; relative to
 * 1 / max lambda_max(H_i) when etaStar is 0 or infinite), or, for a quarter of the cases of claims that
 * depend on eta, the learning rate minimising ||J||. Claims whose hypotheses hold only on an interval
 * of learning rates (0, eta_h] draw eta uniformly inside it, eta_h found by bisection:
 * the convergence statement of Lemma 2.1 (||J|| &lt; 1 and Tr(N_1) &lt;= 1 - ||J||, a concave condition in eta)
 * and the every-J_k reading (B = min(n_r, n_f), alpha in [0, 0.3], every batch pattern contracting).
 * The single-set reduction fixes alpha = 0.
 */
final class CaseFactory {
    private CaseFactory() {
    }

    /**
     * @param claim the claim
     * @param kind the family kind
     * @param small whether to draw a small family (see {@link AuditFamilies#draw})
     * @param rng the case's stream
     * @return the case
     */
    static AuditCase create(ClaimId claim, FamilyKind kind, boolean small, UniformRandomProvider rng) {
        AuditFamilies.Draw draw = AuditFamilies.draw(kind, rng, small);
        FamilyShape shape = draw.shape();
        HessianFamily family = shape.build(draw.params());
        int limit = Math.min(shape.nRetain(), shape.nForget());
        boolean everyJk = claim == ClaimId.LEMMA21_UPPER_BOUND_EVERY_JK;
        int batch = everyJk ? limit : 1 + rng.nextInt(limit);
        double alpha = alpha(claim, rng);
        double eta = baseEta(family, alpha, batch, rng);
        if (claim.etaDependent() && rng.nextInt(4) == 0) {
            eta = optimalStep(family, alpha, eta);
        }
        if (claim == ClaimId.LEMMA21_CONVERGENCE_R_GE_1 || claim == ClaimId.LEMMA21_CONVERGENCE_AS_PRINTED) {
            eta = insideInterval(family, alpha, batch, rng, e -> convergenceHypothesis(family, e, alpha, batch), eta);
        } else if (everyJk) {
            eta = insideInterval(family, alpha, batch, rng,
                e -> BatchPatterns.everyContracting(family, new Hyperparameters(e, alpha, batch)), eta);
        }
        return new AuditCase(kind, shape, draw.params(), alpha, eta, batch);
    }

    private static double alpha(ClaimId claim, UniformRandomProvider rng) {
        if (claim == ClaimId.SINGLE_SET_REDUCTION) {
            return 0.0;
        }
        if (claim == ClaimId.LEMMA21_UPPER_BOUND_EVERY_JK) {
            return rng.nextInt(3) == 0 ? 0.0 : 0.3 * rng.nextDouble();
        }
        int pick = rng.nextInt(10);
        if (pick < 2) {
            return 0.0;
        }
        if (pick < 3) {
            return 1.0;
        }
        if (pick < 4) {
            return 0.5;
        }
        return rng.nextDouble();
    }

    private static double baseEta(HessianFamily family, double alpha, int batch, UniformRandomProvider rng) {
        double factor = Math.exp(Math.log(0.02) + rng.nextDouble() * Math.log(3 / 0.02));
        double etaStar = CriticalLearningRate.of(family, alpha, batch).etaStar();
        if (etaStar > 0.0 && Double.isFinite(etaStar)) {
            return etaStar * factor;
        }
        double scale = 0.0;
        for (Hessian h : family.all()) {
            scale = Math.max(scale, h.lambdaMax());
        }
        return factor / (scale > 0.0 ? scale : 1.0);
    }

    /**
     * The learning rate that minimises ||J||, 2 / (lambda_min(A) + lambda_max(A)) when A is positive
     * definite: there J's extreme eigenvalues have equal magnitude, J^2 = ||J||^2 I in two dimensions, and the
     * binomial bound of Lemma 2.1 is tightest (its J-terms are then exact), so violations sit nearby.
     */
    private static double optimalStep(HessianFamily family, double alpha, double fallback) {
        double[] range = driftRange(family, alpha);
        return range[0] > 0.0 ? 2.0 / (range[0] + range[1]) : fallback;
    }

    /** ||J|| &lt; 1 and Tr(N_1) &lt;= 1 - ||J||: equivalent to the r >= 1 hypothesis (see the spec). */
    static boolean convergenceHypothesis(HessianFamily family, double eta, double alpha, int batch) {
        Hyperparameters hyper = new Hyperparameters(eta, alpha, batch);
        double normJ = Lemma21.normJ(family, hyper);
        return normJ < 1.0 && Lemma21.traceN(family, hyper, 1)[0] <= 1.0 - normJ;
    }

    /**
     * Eta uniform in (0, eta_h] where the predicate holds on (0, eta_h]; the fallback when it holds nowhere
     * below 2 / lambda_max(A), beyond which ||J|| >= 1.
     */
    private static double insideInterval(HessianFamily family, double alpha, int batch, UniformRandomProvider rng,
            DoublePredicate holds, double fallback) {
        double[] range = driftRange(family, alpha);
        if (!(range[0] > 0.0)) {
            return fallback;
        }
        double hi = 2.0 / range[1];
        double lo = 1e-6 * hi;
        if (!holds.test(lo)) {
            return fallback;
        }
        for (int i = 0; i < 50 && hi - lo > 1e-9 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (holds.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo * (0.05 + 0.95 * rng.nextDouble());
    }

    /** [lambda_min, lambda_max] of A = (1-alpha) H_R - alpha H_F on all of R^d. */
    static double[] driftRange(HessianFamily family, double alpha) {
        int d = family.dimension();
        RealMatrix a = new Array2DRowRealMatrix(d, d);
        for (Hessian h : family.retain()) {
            a = a.add(h.toMatrix().scalarMultiply((1 - alpha) / family.nRetain()));
        }
        for (Hessian h : family.forget()) {
            a = a.add(h.toMatrix().scalarMultiply(-alpha / family.nForget()));
        }
        RealMatrix symmetric = a.add(a.transpose()).scalarMultiply(0.5);
        double[] values = new EigenDecompositionSymmetric(symmetric).getEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }
}
