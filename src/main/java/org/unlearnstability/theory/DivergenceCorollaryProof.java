package org.unlearnstability.theory;

import java.util.List;
import java.util.Optional;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;

/**
 * Lemma 2.1 part 1, corollary, read as rho(N) > 1 implies rho(T) > 1: T - N = J(.)J is a positive map, so
 * T^k(X) >= N^k(X) for every PSD X (the mixed words of the lower bound's proof are PSD); with V >= 0 the Perron
 * eigenvector of N, Tr T^k(V) >= rho(N)^k Tr V, so rho(T) >= rho(N) > 1.
 */
public final class DivergenceCorollaryProof extends ClaimProof {
    /** The written proof's steps. */
    public DivergenceCorollaryProof() {
        super(
                ProofStep.above("1", "rho(N) > 1 (hypothesis; the certified lower bound of rho(N))"),
                ProofStep.atLeast("2", "rho(T) >= rho(N) (T^k >= N^k on the PSD cone)"),
                ProofStep.above("3", "rho(T) > 1"));
    }

    @Override
    public Optional<List<StepValue>> evaluate(HessianFamily family, Hyperparameters hyper) {
        if (!NoiseSpectralRadius.lowerExceeds(family, hyper, 1 + ClaimCheck.TOLERANCE)) {
            return Optional.empty();
        }
        NoiseSpectralRadius noise = NoiseSpectralRadius.of(family, hyper);
        double rho = new SecondMomentMaps(family, hyper).rho();
        return Optional.of(List.of(StepValue.of(noise.lower(), 1.0), StepValue.of(rho, noise.lower()),
                StepValue.of(rho, 1.0)));
    }
}
