package org.unlearnstability.theory;

import java.util.List;
import java.util.Optional;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.Lemma21;
import org.unlearnstability.family.HessianFamily;

/**
 * Lemma 2.1's convergence statement read for r >= 1 (only r = 1 is needed): T is a positive map, so
 * T(I) <= c I with c = lambda_max(T(I)) gives T^k(I) <= c^k I and rho(T) <= c; by Weyl, c <= ||J||^2 +
 * lambda_max(N_1) <= (1 - eps)^2 + Tr(N_1) <= (1 - eps)^2 + eps = 1 - eps + eps^2 < 1 for eps in (0, 1).
 * Applicable exactly where the claim's own check is.
 */
public final class ConvergenceProof extends ClaimProof {
    private final Claim claim;

    /** @param claim the claim proved, whose own check decides where the proof applies */
    public ConvergenceProof(Claim claim) {
        super(
                ProofStep.atLeast("1", "lambda_max(T(I)) >= rho(T) (T positive: T(I) <= c I implies T^k(I) <= c^k I)"),
                ProofStep.atLeast("2", "||J||^2 + lambda_max(N_1) >= lambda_max(T(I)) (Weyl, T(I) = J^2 + N_1)"),
                ProofStep.atLeast("3", "Tr(N_1) >= lambda_max(N_1) (N_1 is PSD)"),
                ProofStep.atLeast("4", "eps >= Tr(N_1) (the hypothesis at r = 1)"),
                ProofStep.above("5", "1 > (1 - eps)^2 + eps (eps in (0, 1))"));
        this.claim = claim;
    }

    @Override
    public Optional<List<StepValue>> evaluate(HessianFamily family, Hyperparameters hyper) {
        ClaimCheck check = claim.evaluate(family, hyper);
        if (!check.applicable()) {
            return Optional.empty();
        }
        double norm = Lemma21.compute(family, hyper, 1).normJ();
        double eps = 1 - norm;
        SecondMomentMaps maps = new SecondMomentMaps(family, hyper);
        RealMatrix identity = MatrixUtils.createRealIdentityMatrix(family.dimension());
        RealMatrix image = maps.t(identity);
        RealMatrix n1 = maps.noise(identity);
        double top = SecondMomentMaps.lambdaMax(image);
        double noiseTop = SecondMomentMaps.lambdaMax(n1);
        return Optional.of(List.of(StepValue.of(top, maps.rho()), StepValue.of(norm * norm + noiseTop, top),
                StepValue.of(n1.getTrace(), noiseTop), StepValue.of(eps, n1.getTrace()),
                StepValue.of(1.0, (1 - eps) * (1 - eps) + eps)));
    }
}
