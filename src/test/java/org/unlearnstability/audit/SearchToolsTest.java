package org.unlearnstability.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.claims.Claims;

/** The tools behind the audit's search: dyadic simplification, local search and shrinking. */
class SearchToolsTest {

    @Test
    void simplestDyadicLiesInTheIntervalWithTheSmallestDenominator() {
        qt().withFixedSeed(7L).withExamples(500)
                .forAll(SourceDSL.doubles().between(-50, 50), SourceDSL.doubles().between(0, 10))
                .checkAssert((a, w) -> {
                    double b = a + w;
                    double s = Dyadics.simplest(a, b);
                    assertTrue(s >= a && s <= b, a + " " + b + " -> " + s);
                    // No dyadic with a smaller power of two lies in [a, b].
                    int q = 0;
                    while (Math.scalb(s, q) != Math.rint(Math.scalb(s, q))) {
                        q++;
                    }
                    if (q > 0) {
                        double scale = Math.scalb(1.0, q - 1);
                        assertTrue(Math.ceil(a * scale) > Math.floor(b * scale), a + " " + b + " -> " + s);
                    }
                });
        assertEquals(0.0, Dyadics.simplest(-1, 1));
        assertEquals(1.0, Dyadics.simplest(0.7, 1.3));
        assertEquals(0.5, Dyadics.simplest(0.4, 0.6));
    }

    @Test
    void localSearchClimbsToTheMaximumOfAConcaveFunction() {
        LocalSearch.Objective f = x -> -((x[0] - 3) * (x[0] - 3) + 2 * (x[1] + 1) * (x[1] + 1));
        LocalSearch.Result r = LocalSearch.maximize(f, new double[] {0, 0}, new double[] {1, 1}, 2000,
                Double.POSITIVE_INFINITY, RandomStreams.stream(1));
        assertEquals(3.0, r.best()[0], 1e-4);
        assertEquals(-1.0, r.best()[1], 1e-4);
        double[] start = new double[60];
        double[] steps = new double[60];
        java.util.Arrays.fill(steps, 1.0);
        LocalSearch.Objective g = x -> {
            double s = 0;
            for (double v : x) {
                s -= (v - 1) * (v - 1);
            }
            return s;
        };
        LocalSearch.Result es = LocalSearch.maximize(g, start, steps, 20000, Double.POSITIVE_INFINITY,
                RandomStreams.stream(2));
        assertTrue(es.value() > -1e-2 * 60, "evolution strategy value " + es.value());
    }

    @Test
    void shrinkingKeepsTheViolationAndEndsSmall() {
        // A five-sample violation of Theorem 2.3 (strict): pure-ish ascent with a large forget weight.
        HessianFamily family = new HessianFamily(scalars(1.3, 0.7, 2.1), scalars(1.9, 0.4));
        Hyperparameters hyper = new Hyperparameters(0.3, 0.8, 1);
        Claim strict = Claims.bySlug("theorem23-convergence-strict");
        Optional<Shrinker.Shrunk> shrunk = Shrinker.shrink(strict, family, hyper);
        assertTrue(shrunk.isPresent());
        HessianFamily small = shrunk.get().family();
        assertTrue(small.nRetain() + small.nForget() <= 3, "shrunk to " + small);
        assertTrue(strict.check(small, shrunk.get().hyper()).violated());
        assertTrue(Shrinker.admissible(small, shrunk.get().hyper()));
    }

    private static List<Hessian> scalars(double... values) {
        return java.util.Arrays.stream(values).mapToObj(v -> (Hessian) DiagonalHessian.of(new double[] {v})).toList();
    }
}
