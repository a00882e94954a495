package org.unlearnstability.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.RandomFamilies;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.theory.claims.Claims;

/**
 * The written proofs, step by step, on generated families beyond the audit's own cases (dense Wishart and
 * rank-one Hessians like the CNN's), and the consequences they state: every step holds wherever the proof's
 * hypotheses do, and etaStar <= etaCoherenceFree <= eta7 on every family.
 */
class ClaimProofsTest {
    private static final long SEED = 20261515L;

    /** A family: dense Wishart or rank-one per sample, chosen by the seed. */
    private static HessianFamily family(long seed, int nRetain, int nForget, int d) {
        if (seed % 2 == 0) {
            return RandomFamilies.denseWishart(seed, nRetain, nForget, d);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Hessian> retain = new ArrayList<>();
        List<Hessian> forget = new ArrayList<>();
        for (int i = 0; i < nRetain + nForget; i++) {
            double[] g = new double[d];
            for (int k = 0; k < d; k++) {
                g[k] = rng.nextGaussian();
            }
            (i < nRetain ? retain : forget).add(FactorHessian.rankOne(g));
        }
        return new HessianFamily(retain, forget);
    }

    @Test
    void everyStepOfEveryProofHoldsWhereverItsHypothesesDo() {
        qt().withFixedSeed(SEED).withExamples(120).forAll(SourceDSL.integers().between(1, 4),
                SourceDSL.integers().between(1, 5), SourceDSL.doubles().between(0.0, 1.0),
                SourceDSL.longs().all()).checkAssert((d, n, alpha, seed) -> {
                    HessianFamily family = family(seed, n + 1, n, d);
                    int batch = 1 + (int) Math.floorMod(seed, (long) n);
                    double etaStar = CriticalLearningRate.of(family, alpha, batch).etaStar();
                    double eta = Double.isFinite(etaStar) && etaStar > 0 ? 0.7 * etaStar : 0.5;
                    Hyperparameters hyper = new Hyperparameters(eta, alpha, batch);
                    for (Claim claim : Claims.all()) {
                        Optional<ClaimProof> written = claim.proof();
                        if (written.isEmpty()) {
                            continue;
                        }
                        ClaimProof proof = written.get();
                        Optional<List<StepValue>> values = proof.evaluate(family, hyper);
                        values.ifPresent(v -> {
                            assertEquals(proof.steps().size(), v.size(), claim.slug());
                            for (int s = 0; s < v.size(); s++) {
                                assertTrue(proof.steps().get(s).holds(v.get(s)), claim.slug() + " step "
                                        + proof.steps().get(s).name() + " fails: " + v.get(s) + " on " + hyper);
                            }
                        });
                    }
                });
    }

    @Test
    void theCoherenceFreeRateSitsBetweenEtaStarAndEta7OnEveryFamily() {
        qt().withFixedSeed(SEED + 1).withExamples(150).forAll(SourceDSL.integers().between(1, 5),
                SourceDSL.integers().between(2, 6), SourceDSL.doubles().between(0.01, 0.99),
                SourceDSL.longs().all()).checkAssert((d, n, alpha, seed) -> {
                    HessianFamily family = family(seed, n, n + 1, d);
                    Hyperparameters hyper = new Hyperparameters(1.0, alpha, 1);
                    CoherenceAnalysis analysis = CoherenceAnalysis.of(family, hyper);
                    StabilityThresholds t = StabilityThresholds.of(analysis, hyper, family.nRetain(), family.nForget());
                    double etaStar = CriticalLearningRate.of(family, alpha, 1).etaStar();
                    assertTrue(t.eta7() >= t.etaCoherenceFree() * (1 - 1e-9), "eta7 >= etaCoherenceFree: " + t);
                    assertTrue(etaStar <= t.etaCoherenceFree() * (1 + 1e-9),
                            "etaStar " + etaStar + " <= etaCoherenceFree " + t.etaCoherenceFree());
                });
    }

    @Test
    void theCoherenceFloorIsAttainedByIdenticalHessiansSoTheStepIsNotSlackByConstruction() {
        HessianFamily identical = new HessianFamily(List.of(FactorHessian.rankOne(new double[] {1, 2}),
                FactorHessian.rankOne(new double[] {1, 2})), List.of(FactorHessian.rankOne(new double[] {1, 2})));
        Hyperparameters hyper = new Hyperparameters(1.0, 0.3, 1);
        List<StepValue> v = new DivergenceProof().evaluate(identical, hyper).orElseThrow();
        // Step 6, lambda_max(S) >= N lambda_max(D), holds with equality here: a proof claiming a factor above 1
        // would fail on this family.
        assertEquals(1.0, v.get(5).lhs() / v.get(5).rhs(), 1e-9);
        assertFalse(new ProofStep("x", "lambda_max(S) >= 1.01 N lambda_max(D)", ProofStep.Relation.AT_LEAST)
                .holds(StepValue.of(v.get(5).lhs(), 1.01 * v.get(5).rhs())));
    }
}
