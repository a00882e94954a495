package org.unlearnstability.theory.claims;

import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.Lemma21;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.CaseShape;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.Violation;

/**
 * Lemma 2.1 part 2, E||w_k||^2 <= sum_r C(k,r) (1-eps)^{2(k-r)} Tr(N_r), with 1 - eps in (0, 1): under the
 * mean-J reading (1 - eps = ||J||) the printed bound (sum up to r = k - 1) or the repaired one (sum up to
 * r = k, the binomial expansion); the every-J_k reading overrides 1 - eps and the re-check.
 */
abstract class Lemma21UpperBound extends AbstractClaim {
    private final boolean repaired;

    Lemma21UpperBound(String slug, boolean repaired) {
        this(slug, repaired, CaseShape.GENERIC);
    }

    /**
     * @param slug the spec's file name stem
     * @param repaired whether this is the repaired reading
     * @param caseShape how the audit draws its cases
     */
    Lemma21UpperBound(String slug, boolean repaired, CaseShape caseShape) {
        super(slug, caseShape);
        this.repaired = repaired;
    }

    /**
     * @param family the family
     * @param hyper its hyper-parameters
     * @return 1 - eps of the reading: ||J|| of the mean J
     */
    double oneMinusEps(HessianFamily family, Hyperparameters hyper) {
        return Lemma21.normJ(family, hyper);
    }

    /** Part 2 with 1 - eps in (0, 1): slack max_k E||w_k||^2 / bound_k. */
    @Override
    final ClaimCheck evaluateFinite(HessianFamily family, Hyperparameters hyper) {
        double norm = oneMinusEps(family, hyper);
        if (!(norm > 0.0 && norm < 1.0)) {
            return ClaimCheck.notApplicable(this);
        }
        Lemma21 lemma = Lemma21.compute(family, hyper, ClaimCheck.STEPS);
        double[] bound = Lemma21.binomialBound(norm, family.dimension(), lemma.traceN(), repaired);
        return WorstStep.of(this, lemma.exactMeanSquare(), bound, hyper.eta());
    }

    @Override
    public Violation check(HessianFamily family, Hyperparameters hyper) {
        return Lemma21BoundCheck.check(this, family, hyper, false, repaired);
    }
}
