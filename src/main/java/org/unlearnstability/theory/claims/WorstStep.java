package org.unlearnstability.theory.claims;

import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimCheck;

/** The check of a claim over the steps k = 1..K: the step with the largest ratio of the two sides. */
final class WorstStep {
    private WorstStep() {
    }

    /** The largest lhs_k / rhs_k over k (0/0 counts as 1, x/0 with x > 0 as infinity). */
    static ClaimCheck of(Claim claim, double[] lhs, double[] rhs, double eta) {
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
}
