package org.unlearnstability.theory;

import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.util.FastMath;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.Lemma21;
import org.unlearnstability.family.HessianFamily;

/**
 * Lemma 2.1 part 2 as printed, every-J_k reading: with ||J_k|| <= 1 - eps for every batch pattern,
 * E||w_k||^2 = E||J_{k-1} ... J_0||_F^2 <= (1 - eps)^{2k} ||I||_F^2 = (1 - eps)^{2k} d, which is the r = 0 term of
 * the printed sum; the other terms are nonnegative. So the printed bound holds, with room to spare.
 */
public final class EveryJkProof extends ClaimProof {
    /** The written proof's steps. */
    public EveryJkProof() {
        super(
                ProofStep.atLeast("1",
                        "(1 - eps)^{2k} d >= E||w_k||^2 (||A B||_F <= ||A|| ||B||_F on every batch path)"),
                ProofStep.atLeast("2",
                        "sum_{r=0}^{k-1} C(k,r) (1-eps)^{2(k-r)} Tr(N_r) >= (1 - eps)^{2k} d (its r = 0 term)"));
    }

    @Override
    public Optional<List<StepValue>> evaluate(HessianFamily family, Hyperparameters hyper) {
        double norm = BatchPatterns.maxNorm(family, hyper);
        if (!(norm > 0.0 && norm < 1.0)) {
            return Optional.empty();
        }
        Lemma21 lemma = Lemma21.compute(family, hyper, ClaimCheck.STEPS);
        double[] bound = Lemma21.binomialBound(norm, family.dimension(), lemma.traceN(), false);
        @Nullable StepValue worstPath = null;
        @Nullable StepValue worstTerm = null;
        for (int k = 1; k <= bound.length; k++) {
            double first = FastMath.pow(norm, 2.0 * k) * family.dimension();
            double meanSquare = lemma.exactMeanSquare()[k - 1];
            if (!Double.isFinite(meanSquare) || !Double.isFinite(bound[k - 1])) {
                break;
            }
            worstPath = step(0).worse(worstPath, StepValue.of(first, meanSquare));
            worstTerm = step(1).worse(worstTerm, StepValue.of(bound[k - 1], first));
        }
        if (worstPath == null || worstTerm == null) {
            return Optional.empty();
        }
        return Optional.of(List.of(worstPath, worstTerm));
    }
}
