package org.unlearnstability.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.rng.RandomStreams;

/** Membership-inference AUC, rank correlation, unlearning schedule and the logistic loss. */
class SmallPiecesTest {

    @Test
    void aucIsThePairwiseProbabilityThatAMemberHasTheLowerLoss() {
        qt().withFixedSeed(4242L).withExamples(300)
                .forAll(SourceDSL.integers().between(1, 30), SourceDSL.integers().between(1, 30),
                        SourceDSL.longs().all())
                .checkAssert((m, n, seed) -> {
                    var rng = RandomStreams.stream(seed);
                    // Few distinct values, so ties occur.
                    double[] a = new double[m];
                    double[] b = new double[n];
                    Arrays.setAll(a, i -> rng.nextInt(5) * 0.5);
                    Arrays.setAll(b, i -> rng.nextInt(5) * 0.5);
                    double wins = 0;
                    for (double x : a) {
                        for (double y : b) {
                            wins += x < y ? 1.0 : x == y ? 0.5 : 0.0;
                        }
                    }
                    assertEquals(wins / (m * n), MembershipInference.auc(a, b), 1e-12, "m=" + m + " n=" + n);
                });
    }

    @Test
    void spearmanIsOneForMonotoneAndMinusOneForAntitoneData() {
        double[] x = {0.1, 0.5, 0.2, 3.0, 1.0};
        double[] y = Arrays.stream(x).map(Math::exp).toArray();
        double[] z = Arrays.stream(x).map(v -> -v * v * v).toArray();
        assertEquals(1.0, RankCorrelation.spearman(x, y), 1e-15);
        assertEquals(-1.0, RankCorrelation.spearman(x, z), 1e-15);
        assertArrayEquals(new double[] {1.5, 1.5, 3.0}, RankCorrelation.ranks(new double[] {2, 2, 5}), 0.0);
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 1}, new double[] {1, 2})));
    }

    @Test
    void aWeightedBatchIsUpdateTwoRetainFirst() {
        qt().withFixedSeed(77L).withExamples(200)
                .forAll(SourceDSL.integers().between(1, 4), SourceDSL.doubles().between(0.0, 1.0),
                        SourceDSL.longs().all())
                .checkAssert((batch, alpha, seed) -> {
                    int[] retain = {10, 11, 12, 13, 14};
                    int[] forget = {0, 1, 2, 3};
                    UnlearningSchedule s = UnlearningSchedule.sample(RandomStreams.stream(seed), retain, forget,
                            batch, 3);
                    for (int k = 0; k < s.steps(); k++) {
                        UnlearningSchedule.WeightedBatch w = s.weightedBatch(k, alpha);
                        assertEquals(2 * batch, w.samples().length);
                        double retainSum = 0.0;
                        double forgetSum = 0.0;
                        for (int j = 0; j < batch; j++) {
                            assertEquals(s.retainBatches()[k][j], w.samples()[j]);
                            assertEquals(s.forgetBatches()[k][j], w.samples()[batch + j]);
                            retainSum += w.omega()[j];
                            forgetSum += w.omega()[batch + j];
                        }
                        // Update (2): (1 - alpha) times the retain mean minus alpha times the forget mean.
                        assertEquals(1 - alpha, retainSum, 1e-12);
                        assertEquals(-alpha, forgetSum, 1e-12);
                    }
                });
    }

    @Test
    void everyPassOfTheScheduleIsAPermutationOfItsSet() {
        int[] retain = {25, 26, 27, 28, 29, 30, 31};
        int[] forget = {0, 1, 2, 3, 4, 5};
        UnlearningSchedule s = UnlearningSchedule.sample(RandomStreams.stream(9), retain, forget, 3, 40);
        assertEquals(40, s.steps());
        // 7 retain samples in batches of 3: two batches per pass, one sample skipped.
        for (int pass = 0; pass < 20; pass++) {
            Set<Integer> seen = new HashSet<>();
            for (int k = 2 * pass; k < 2 * pass + 2; k++) {
                for (int i : s.retainBatches()[k]) {
                    assertTrue(seen.add(i), "retain sample repeated within pass " + pass);
                    assertTrue(i >= 25 && i <= 31);
                }
            }
        }
        for (int pass = 0; pass < 20; pass++) {
            Set<Integer> seen = new HashSet<>();
            for (int k = 2 * pass; k < 2 * pass + 2; k++) {
                for (int i : s.forgetBatches()[k]) {
                    seen.add(i);
                }
            }
            assertEquals(Set.of(0, 1, 2, 3, 4, 5), seen, "forget pass " + pass);
        }
        UnlearningSchedule again = UnlearningSchedule.sample(RandomStreams.stream(9), retain, forget, 3, 40);
        assertTrue(Arrays.deepEquals(s.retainBatches(), again.retainBatches()));
    }

    @Test
    void logisticLossAndDerivativesAreStableAndConsistent() {
        for (double z : new double[] {-800, -30, -1, 0, 0.5, 30, 800}) {
            assertTrue(Double.isFinite(LogisticLoss.value(z)) && Double.isFinite(LogisticLoss.derivative(z))
                    && Double.isFinite(LogisticLoss.curvature(z)), "z=" + z);
        }
        for (double z : new double[] {-3, -0.2, 0.0, 0.7, 4}) {
            double h = 1e-5;
            double fd = (LogisticLoss.value(z + h) - LogisticLoss.value(z - h)) / (2 * h);
            assertEquals(fd, LogisticLoss.derivative(z), 1e-9, "l' at " + z);
            double fd2 = (LogisticLoss.derivative(z + h) - LogisticLoss.derivative(z - h)) / (2 * h);
            assertEquals(fd2, LogisticLoss.curvature(z), 1e-9, "l'' at " + z);
        }
        assertEquals(Math.log(2), LogisticLoss.value(0), 1e-15);
    }
}
