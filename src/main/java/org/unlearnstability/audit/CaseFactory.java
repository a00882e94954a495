package org.unlearnstability.audit;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.util.FastMath;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.theory.CaseShape;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.LearningRateIntervals;

/**
 * Draws one case for a claim: a family of the given kind, then B and alpha as the claim's {@link CaseShape}
 * says (generically B uniform in [1, min(n_r, n_f)] and alpha from a mixture that weights the ends), and eta
 * log-uniform on [0.02, 3] etaStar (so over (0, 2 etaStar] and beyond; relative to 1 / max lambda_max(H_i)
 * when etaStar is 0 or infinite), or, for a quarter of the cases of claims that depend on eta, the learning
 * rate minimising ||J||; the claim's case shape has the last say on eta (claims whose hypotheses hold only on
 * an interval of learning rates draw eta inside it).
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
    static AuditCase create(Claim claim, FamilyKind kind, boolean small, UniformRandomProvider rng) {
        AuditFamilies.Draw draw = AuditFamilies.draw(kind, rng, small);
        FamilyShape shape = draw.shape();
        HessianFamily family = shape.build(draw.params());
        int limit = Math.min(shape.nRetain(), shape.nForget());
        CaseShape caseShape = claim.caseShape();
        int batch = caseShape.batch(limit, rng);
        double alpha = caseShape.alpha(rng);
        double eta = baseEta(family, alpha, batch, rng);
        if (claim.etaDependent() && rng.nextInt(4) == 0) {
            eta = optimalStep(family, alpha, eta);
        }
        eta = caseShape.eta(family, alpha, batch, rng, eta);
        return new AuditCase(kind, shape, draw.params(), alpha, eta, batch);
    }

    private static double baseEta(HessianFamily family, double alpha, int batch, UniformRandomProvider rng) {
        double factor = FastMath.exp(FastMath.log(0.02) + rng.nextDouble() * FastMath.log(3 / 0.02));
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
        double[] range = LearningRateIntervals.driftRange(family, alpha);
        return range[0] > 0.0 ? 2.0 / (range[0] + range[1]) : fallback;
    }
}
