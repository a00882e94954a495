package org.unlearnstability.experiment.fig1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.dynamics.SimulationConfig;
import org.unlearnstability.dynamics.UnlearningSimulation;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.rng.RandomStreams;

/**
 * Figure 1's construction-specific machinery against the general dynamics package: the closed-form
 * rho and etaStar of {@link Section31Law} against {@link MeanSquareOperator} and
 * {@link CriticalLearningRate} (two independent derivations, both samplers), and the divergence frequency of
 * the counting simulation against {@link UnlearningSimulation} (different random streams, so compared
 * as two binomial samples) on cells where runs diverge about half of the time.
 */
class DynamicsCrossCheckTest {
    private static final long SEED = 20261202L;

    @Test
    void closedFormsEqualTheGeneralMeanSquareOperator() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(Section31LawTest.cases(30)).checkAssert(c -> {
            Section31Law law = new Section31Law(c.n(), c.q(), c.batch(), c.alpha(), c.sampler());
            HessianFamily family = PaperConstruction.section31(c.n(), c.q());
            Hyperparameters hyper = new Hyperparameters(c.eta(), c.alpha(), c.batch());
            double rho = MeanSquareOperator.of(family, hyper, c.sampler()).rho().rho();
            assertEquals(rho, law.rho(c.eta()), 1e-10 * Math.max(1.0, rho), c.toString());
            double etaStar = CriticalLearningRate.of(family, c.alpha(), c.batch(), c.sampler()).etaStar();
            if (Double.isFinite(etaStar)) {
                assertEquals(etaStar, law.etaStar(), 1e-10 * Math.max(1.0, etaStar), c.toString());
            } else {
                assertEquals(etaStar, law.etaStar(), c.toString());
            }
        });
    }

    @Test
    void countingSimulationDivergesAsOftenAsTheGeneralSimulation() {
        Object[][] cells = {{BatchSampler.BERNOULLI, 20, 5, 2, 0.5}, {BatchSampler.BERNOULLI, 20, 10, 1, 0.5},
            {BatchSampler.WITHOUT_REPLACEMENT, 20, 4, 5, 1.0}, {BatchSampler.WITHOUT_REPLACEMENT, 20, 1, 9, 0.5}};
        int repeats = 300;
        for (Object[] cell : cells) {
            BatchSampler sampler = (BatchSampler) cell[0];
            int n = (Integer) cell[1];
            int q = (Integer) cell[2];
            int b = (Integer) cell[3];
            double eta = (Double) cell[4];
            Section31Simulation counting = new Section31Simulation(new Section31Law(n, q, b, 0.1, sampler),
                    new double[] {eta}, 1000);
            int ours = 0;
            for (int r = 0; r < repeats; r++) {
                ours += counting.logGrowth(RandomStreams.stream(SEED, r))[0] >= Math.log(1000) ? 1 : 0;
            }
            // The paper's wording: only ||w_K|| / ||w_0|| counts (no early stop).
            SimulationConfig config = new SimulationConfig(sampler, 1000, repeats, 1000.0, SEED + 1, 1, 0, false);
            int theirs = UnlearningSimulation.divergedRuns(PaperConstruction.section31(n, q),
                    new Hyperparameters(eta, 0.1, b), config);
            double pooled = (ours + theirs) / (2.0 * repeats);
            double sd = Math.sqrt(pooled * (1 - pooled) * 2.0 / repeats);
            String label = sampler + " n=" + n + " Q=" + q + " B=" + b + " eta=" + eta + ": counting " + ours
                    + ", general " + theirs + " of " + repeats;
            assertTrue(pooled > 0.1 && pooled < 0.9, "a cell where the frequency is informative, " + label);
            assertTrue(Math.abs(ours - theirs) / (double) repeats <= 5 * sd, label);
        }
    }
}
