package org.unlearnstability.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.dynamics.Hyperparameters;
import org.unlearnstability.dynamics.StabilityAnalysis;
import org.unlearnstability.family.FamilyFile;
import org.unlearnstability.family.FamilyReader;
import org.unlearnstability.family.HessianFamily;

/**
 * Re-checks every stored counterexample to a paper claim on each build, so a FAILS verdict cannot
 * silently drift: the violation must still hold and its two sides must still be the stored numbers.
 */
class StoredCounterexamplesTest {
    private static final Path DIR = Path.of("golden", "counterexamples");

    @Test
    void lemma21UpperBoundAsPrintedIsViolatedAtTheFirstStep() {
        FamilyFile file = FamilyReader.readJson(DIR.resolve("lemma21-part2-upper-bound.json"));
        Hyperparameters hyper = file.hyperparameters().orElseThrow();
        StabilityAnalysis dynamics = StabilityAnalysis.of(file.family(), hyper, 1);
        double exact = dynamics.exactMeanSquare()[0];
        Double bound = dynamics.lemma21UpperBound()[0];
        assertTrue(dynamics.normJ() < 1, "the lemma's hypothesis ||J|| <= 1 - eps holds");
        assertTrue(bound != null && exact > bound, () -> "E||w_1||^2 = " + exact + " vs bound " + bound);
        JsonNode violation = file.violation().orElseThrow();
        assertEquals(violation.get("lhs").asDouble(), exact, 1e-12);
        assertEquals(violation.get("rhs").asDouble(), bound, 1e-12);
        // Exact rationals: J = 1/2, C_r = 1/16, so E||w_1||^2 = 1/4 + 2/16 = 3/8 and the bound is (1/2)^2 = 1/4.
        assertEquals(0.375, exact, 0.0);
        assertEquals(0.25, bound, 0.0);
    }

    @Test
    void condition8HoldsWhileTheExactDynamicsDiverge() {
        FamilyFile file = FamilyReader.readJson(DIR.resolve("theorem23-convergence-boundary.json"));
        HessianFamily family = file.family();
        Hyperparameters hyper = file.hyperparameters().orElseThrow();
        CoherenceAnalysis coherence = CoherenceAnalysis.of(family, hyper);
        StabilityThresholds thresholds = StabilityThresholds.of(coherence, hyper, family.nRetain(), family.nForget());
        double rho = StabilityAnalysis.of(family, hyper, 1).rho();
        assertTrue(thresholds.condition8(), () -> "(8) must hold: " + thresholds);
        assertTrue(rho > 1, "the exact mean square must diverge, rho = " + rho);
        JsonNode violation = file.violation().orElseThrow();
        assertEquals(violation.get("lhs").asDouble(), coherence.lambdaMaxD(), 1e-9);
        assertEquals(violation.get("rhs").asDouble(), thresholds.threshold8(), 1e-9);
        assertEquals(violation.get("rho").asDouble(), rho, 1e-9);
    }
}
