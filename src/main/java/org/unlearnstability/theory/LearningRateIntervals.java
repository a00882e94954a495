package org.unlearnstability.theory;

import java.util.function.DoublePredicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.SymmetricEigen;

/**
 * Learning rates for drawing audit cases from the drift A = (1 - alpha) H_R - alpha H_F of update (2):
 * the range of its spectrum, and a learning rate drawn inside the interval (0, eta_h] on which a claim's
 * hypothesis holds (found by bisection), for the claims whose hypotheses hold only there ({@link CaseShape}).
 */
public final class LearningRateIntervals {
    /**
     * The lower end of the bisection, as a fraction of its upper end 2 / lambda_max(A): a hypothesis that fails
     * a million times below the point where ||J|| reaches 1 is treated as holding nowhere (the fallback eta).
     */
    private static final double LOWEST_FRACTION = 1e-6;
    /**
     * The bisection stops at this width relative to its upper end: the case's eta is then drawn uniformly in
     * [0.05, 1] times the lower end, so a finer eta_h would not change the draw's distribution visibly.
     */
    private static final double RELATIVE_WIDTH = 1e-9;
    /** A cap on the halvings: about 30 reach RELATIVE_WIDTH from the full bracket, so it only guards the loop. */
    private static final int MAX_BISECTIONS = 50;

    private LearningRateIntervals() {
    }

    /**
     * Eta uniform in (0, eta_h] where the predicate holds on (0, eta_h]; the fallback when it holds nowhere
     * below 2 / lambda_max(A), beyond which ||J|| >= 1.
     *
     * @param family the family
     * @param alpha alpha
     * @param rng the case's stream
     * @param holds the hypothesis as a function of eta, holding on an interval (0, eta_h]
     * @param fallback the learning rate when the hypothesis holds nowhere
     * @return the learning rate
     */
    public static double inside(HessianFamily family, double alpha, UniformRandomProvider rng, DoublePredicate holds,
            double fallback) {
        double[] range = driftRange(family, alpha);
        if (!(range[0] > 0.0)) {
            return fallback;
        }
        double hi = 2.0 / range[1];
        double lo = LOWEST_FRACTION * hi;
        if (!holds.test(lo)) {
            return fallback;
        }
        for (int i = 0; i < MAX_BISECTIONS && hi - lo > RELATIVE_WIDTH * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (holds.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo * (0.05 + 0.95 * rng.nextDouble());
    }

    /**
     * @param family the family
     * @param alpha alpha
     * @return [lambda_min, lambda_max] of A = (1-alpha) H_R - alpha H_F on all of R^d
     */
    public static double[] driftRange(HessianFamily family, double alpha) {
        int d = family.dimension();
        RealMatrix a = new Array2DRowRealMatrix(d, d);
        for (Hessian h : family.retain()) {
            a = a.add(h.toMatrix().scalarMultiply((1 - alpha) / family.nRetain()));
        }
        for (Hessian h : family.forget()) {
            a = a.add(h.toMatrix().scalarMultiply(-alpha / family.nForget()));
        }
        RealMatrix symmetric = a.add(a.transpose()).scalarMultiply(0.5);
        double[] values = SymmetricEigen.of(symmetric.getData()).eigenvalues();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }
}
