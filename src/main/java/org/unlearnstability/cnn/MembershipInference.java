package org.unlearnstability.cnn;

import java.util.Arrays;

/**
 * The loss-threshold membership-inference attack (beyond the paper): it calls a sample a member
 * when its loss is below a threshold. Its ROC AUC over all thresholds is the probability that a
 * random member has a lower loss than a random non-member (ties count one half); 0.5 means the
 * attack cannot tell forget samples from fresh ones.
 */
public final class MembershipInference {
    private MembershipInference() {
    }

    /**
     * @param memberLosses losses of the members (the forget set)
     * @param nonMemberLosses losses of fresh samples
     * @return P(member loss &lt; non-member loss) + P(tie) / 2
     */
    public static double auc(double[] memberLosses, double[] nonMemberLosses) {
        double[] others = nonMemberLosses.clone();
        Arrays.sort(others);
        double wins = 0.0;
        for (double loss : memberLosses) {
            int below = lowerBound(others, loss);
            int upTo = upperBound(others, loss);
            wins += (others.length - upTo) + 0.5 * (upTo - below);
        }
        return wins / ((double) memberLosses.length * others.length);
    }

    /** @return the first index with sorted[i] &gt;= value */
    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return the first index with sorted[i] &gt; value */
    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
