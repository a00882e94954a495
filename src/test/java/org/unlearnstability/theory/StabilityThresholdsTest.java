package org.unlearnstability.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.RandomFamilies;

class StabilityThresholdsTest {

    /** n_r n_f (sqrt(C~_r) + sqrt(C~_f)) = K7, so the coherence-free threshold is (7)'s with sigma at its floor. */
    @Test
    void coherenceFreeThresholdIsSqrtTwoNrNfOverK7MaxDrf() {
        qt().withFixedSeed(20261205L).withExamples(100).forAll(SourceDSL.integers().between(2, 6),
                SourceDSL.integers().between(2, 6), SourceDSL.doubles().between(0.0, 1.0),
                SourceDSL.doubles().between(0.01, 5.0)).checkAssert((nRetain, nForget, alpha, eta) -> {
                    HessianFamily family = RandomFamilies.denseWishart(nRetain * 31L + nForget, nRetain, nForget, 3);
                    int batch = 1 + (nRetain + nForget) % Math.min(nRetain, nForget);
                    Hyperparameters hyper = new Hyperparameters(eta, alpha, batch);
                    CoherenceAnalysis coherence = CoherenceAnalysis.of(family, hyper);
                    StabilityThresholds t = StabilityThresholds.of(coherence, hyper, nRetain, nForget);
                    double expected = Math.sqrt(2) * nRetain * nForget / (t.k7() * coherence.maxLambdaMaxDrf());
                    assertEquals(expected, t.etaCoherenceFree(), 1e-12 * expected,
                            () -> "n_r=" + nRetain + " n_f=" + nForget + " alpha=" + alpha + " B=" + batch);
                });
    }
}
