package org.unlearnstability.theory.claims;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.BatchPatterns;
import org.unlearnstability.theory.CaseShape;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.ClaimProof;
import org.unlearnstability.theory.EveryJkProof;
import org.unlearnstability.theory.ExactScalarFamily;
import org.unlearnstability.theory.LearningRateIntervals;
import org.unlearnstability.theory.Quantity;
import org.unlearnstability.theory.Violation;

/**
 * Lemma 2.1 part 2 as printed, hypothesis read on every random J_k (specs/claims/lemma21-upper-bound-every-jk).
 * Its cases have B = min(n_r, n_f), alpha in [0, 0.3] (0 with probability 1/3) and eta uniform inside the
 * interval where every batch pattern contracts.
 */
public final class Lemma21UpperBoundEveryJk extends Lemma21UpperBound {
    private static final CaseShape SHAPE = new CaseShape() {
        @Override
        public int batch(int limit, UniformRandomProvider rng) {
            return limit;
        }

        @Override
        public double alpha(UniformRandomProvider rng) {
            return rng.nextInt(3) == 0 ? 0.0 : 0.3 * rng.nextDouble();
        }

        @Override
        public double eta(HessianFamily family, double alpha, int batch, UniformRandomProvider rng, double drawn) {
            return LearningRateIntervals.inside(family, alpha, rng,
                e -> BatchPatterns.everyContracting(family, new Hyperparameters(e, alpha, batch)), drawn);
        }
    };

    /** The claim (the registry holds its instance). */
    public Lemma21UpperBoundEveryJk() {
        super("lemma21-upper-bound-every-jk", false, SHAPE);
    }

    /** The every-J_k reading: 1 - eps = max over batch patterns of ||J_k||. */
    @Override
    double oneMinusEps(HessianFamily family, Hyperparameters hyper) {
        return BatchPatterns.maxNorm(family, hyper);
    }

    /** Part 2 as printed, every-J_k reading; exact for d = 1 (1 - eps = max |J_k| over the patterns). */
    @Override
    public Violation check(HessianFamily family, Hyperparameters hyper) {
        return scalarOrFloating(family, hyper, this::exactCheck);
    }

    /** The check in exact rational arithmetic (d = 1). */
    private Violation exactCheck(ExactScalarFamily x) {
        BigFraction m = x.maxPatternNorm();
        boolean applicable = m.signum() > 0 && m.compareTo(BigFraction.ONE) < 0;
        int worst = 1;
        BigFraction worstRatio = BigFraction.ZERO;
        for (int k = 1; k <= ClaimCheck.STEPS && applicable; k++) {
            BigFraction bound = x.printedBound(k, m);
            if (bound.signum() > 0) {
                BigFraction ratio = x.meanSquare(k).divide(bound);
                if (ratio.compareTo(worstRatio) > 0) {
                    worstRatio = ratio;
                    worst = k;
                }
            }
        }
        BigFraction lhs = x.meanSquare(worst);
        BigFraction rhs = x.printedBound(worst, m);
        return new Violation(this, applicable && lhs.compareTo(rhs) > 0, true, "<=",
                Quantity.exact("E||w_" + worst + "||^2", lhs),
                Quantity.exact("sum_{r=0}^{k-1} C(k,r) (1-eps)^{2(k-r)} Tr(N_r), k = " + worst, rhs),
                List.of(Quantity.exact("1 - eps = max over batch patterns of |J_k|", m)));
    }

    @Override
    public Optional<ClaimProof> proof() {
        return Optional.of(new EveryJkProof());
    }
}
