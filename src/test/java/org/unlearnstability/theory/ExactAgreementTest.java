package org.unlearnstability.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.Lemma21;
import org.unlearnstability.family.FamilyGenerators;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.rng.RandomStreams;

/**
 * The exact evaluators agree with the floating-point dynamics and coherence code they re-check: on
 * one-dimensional dyadic families (ExactScalarFamily) and on small families of every generator kind
 * (ExactMatrixFamily, whose entries are the doubles taken exactly).
 */
class ExactAgreementTest {
    private static final long SEED = 4_2026_1129L;

    @Test
    void exactScalarQuantitiesEqualTheFloatingPointOnes() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(scalarCases()).checkAssert(c -> {
            ExactScalarFamily x = ExactScalarFamily.of(c.family(), c.hyper()).orElseThrow();
            Lemma21 lemma = Lemma21.compute(c.family(), c.hyper(), 4);
            for (int k = 1; k <= 4; k++) {
                assertEquals(lemma.exactMeanSquare()[k - 1], x.meanSquare(k).doubleValue(),
                        1e-10 * x.meanSquare(k).doubleValue() + 1e-300, c + " E||w_" + k + "||^2");
                assertEquals(lemma.traceM()[k - 1], x.traceM(k).doubleValue(), 1e-10 * x.traceM(k).doubleValue(),
                        c + " Tr(M_k)");
            }
            double etaStar = CriticalLearningRate.of(c.family(),
                    c.hyper().alpha(), c.hyper().batch()).etaStar();
            x.etaStar().ifPresent(e -> assertEquals(e.doubleValue(), etaStar, 1e-9 * Math.max(1, etaStar),
                    c + " etaStar"));
        });
    }

    @Test
    void exactMeanSquareAndNoiseTracesEqualTheFloatingPointOnes() {
        qt().withFixedSeed(SEED).withExamples(60)
                .forAll(FamilyGenerators.families(3, 3), Generate.longRange(0, 1L << 40))
                .checkAssert((g, s) -> {
                    UniformRandomProvider rng = RandomStreams.stream(s);
                    HessianFamily family = g.family();
                    int batch = 1 + rng.nextInt(Math.min(family.nRetain(), family.nForget()));
                    Hyperparameters hyper = new Hyperparameters(0.05 + rng.nextDouble(), rng.nextDouble(), batch);
                    ExactMatrixFamily exact = ExactMatrixFamily.of(family, hyper);
                    Lemma21 lemma = Lemma21.compute(family, hyper, 3);
                    List<BigFraction> meanSquare = exact.meanSquare(3);
                    List<BigFraction> traceN = exact.traceN(3);
                    for (int k = 1; k <= 3; k++) {
                        double e = meanSquare.get(k - 1).doubleValue();
                        assertEquals(lemma.exactMeanSquare()[k - 1], e, 1e-9 * Math.abs(e) + 1e-12, g + " k=" + k);
                        double n = traceN.get(k).doubleValue();
                        assertEquals(lemma.traceN()[k - 1], n, 1e-9 * Math.abs(n) + 1e-12, g + " Tr(N_k)");
                    }
                });
    }

    /** d = 1 families of small dyadic values with dyadic alpha and eta. */
    private static Gen<ScalarCase> scalarCases() {
        return Generate.longRange(0, Long.MAX_VALUE).map(seed -> {
            UniformRandomProvider rng = RandomStreams.stream(seed, 1);
            int nr = 1 + rng.nextInt(5);
            int nf = 1 + rng.nextInt(5);
            double[] r = new double[nr];
            double[] f = new double[nf];
            for (int i = 0; i < nr; i++) {
                r[i] = rng.nextInt(9) / 4.0;
            }
            for (int i = 0; i < nf; i++) {
                f[i] = rng.nextInt(9) / 4.0;
            }
            Hyperparameters hyper = new Hyperparameters((1 + rng.nextInt(16)) / 8.0, rng.nextInt(9) / 8.0,
                    1 + rng.nextInt(Math.min(nr, nf)));
            return new ScalarCase(seed, ScalarFamilies.of(r, f), hyper);
        });
    }

    private record ScalarCase(long seed, HessianFamily family, Hyperparameters hyper) {
        @Override
        public String toString() {
            return "scalar case seed=" + seed + " " + hyper + " retain=" + family.retain().stream()
                    .map(h -> h.trace()).toList() + " forget=" + family.forget().stream().map(h -> h.trace()).toList();
        }
    }
}
