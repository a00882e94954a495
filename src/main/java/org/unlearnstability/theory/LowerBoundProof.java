package org.unlearnstability.theory;

import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;

/**
 * Lemma 2.1 part 1, E||w_k||^2 >= Tr(M_k): T = J(.)J + N is a sum of two positive maps, so T^k expands into
 * 2^k words, each a composition of positive maps; applied to I each word is PSD, the two pure words are
 * J^{2k} and N_k, hence T^k(I) - J^{2k} - N_k (the mixed words) is PSD and its trace is nonnegative. Checked for
 * k = 1..{@link ClaimCheck#STEPS}, the worst k reported.
 */
public final class LowerBoundProof extends ClaimProof {
    /** The written proof's steps. */
    public LowerBoundProof() {
        super(
                ProofStep.atLeast("1",
                        "lambda_min(T^k(I) - J^{2k} - N_k) >= 0 (the mixed words of (J(.)J + N)^k applied to I)"),
                ProofStep.atLeast("2", "Tr(T^k(I)) >= Tr(J^{2k}) + Tr(N_k) (the trace of step 1)"));
    }

    @Override
    public Optional<List<StepValue>> evaluate(HessianFamily family, Hyperparameters hyper) {
        SecondMomentMaps maps = new SecondMomentMaps(family, hyper);
        RealMatrix identity = MatrixUtils.createRealIdentityMatrix(family.dimension());
        RealMatrix full = identity;
        RealMatrix pureDrift = identity;
        RealMatrix pureNoise = identity;
        @Nullable StepValue worstPsd = null;
        @Nullable StepValue worstTrace = null;
        for (int k = 1; k <= ClaimCheck.STEPS; k++) {
            full = maps.t(full);
            pureDrift = maps.drift(pureDrift);
            pureNoise = maps.noise(pureNoise);
            double scale = full.getTrace();
            if (!Double.isFinite(scale) || !Double.isFinite(pureNoise.getTrace())) {
                break;
            }
            RealMatrix mixed = full.subtract(pureDrift).subtract(pureNoise);
            StepValue psd = new StepValue(SecondMomentMaps.lambdaMin(mixed), 0.0, scale);
            StepValue trace = StepValue.of(scale, pureDrift.getTrace() + pureNoise.getTrace());
            worstPsd = step(0).worse(worstPsd, psd);
            worstTrace = step(1).worse(worstTrace, trace);
        }
        if (worstPsd == null || worstTrace == null) {
            return Optional.empty();
        }
        return Optional.of(List.of(worstPsd, worstTrace));
    }
}
