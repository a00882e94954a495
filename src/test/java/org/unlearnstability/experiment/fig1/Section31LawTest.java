package org.unlearnstability.experiment.fig1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.linalg.Hessian;

/**
 * The closed-form law of {@link Section31Law} against a literal enumeration of every pair of batches
 * (every subset of each set, weighted by its probability under the sampler) applied to the
 * construction's Hessians through update (3).
 */
class Section31LawTest {
    private static final long SEED = 20261130L;

    /** One case: the construction (n, Q), hyper-parameters and sampler. */
    record Case(int n, int q, int batch, double alpha, double eta, BatchSampler sampler) {
    }

    static Gen<Case> cases(int maxN) {
        return SourceDSL.integers().between(1, maxN).flatMap(n -> SourceDSL.integers().between(1, n).flatMap(q ->
                SourceDSL.integers().between(1, n).flatMap(b -> SourceDSL.doubles().between(0.0, 1.0)
                        .mix(Generate.pick(List.of(0.0, 0.1, 0.5, 1.0)), 30)
                        .zip(SourceDSL.doubles().between(0.01, 2.0), Generate.enumValues(BatchSampler.class),
                                (alpha, eta, sampler) -> new Case(n, q, b, alpha, eta, sampler)))));
    }

    @Test
    void meanSquareAndLyapunovEqualTheEnumerationOfEveryBatchPair() {
        qt().withFixedSeed(SEED).withExamples(150).forAll(cases(6)).checkAssert(c -> {
            Section31Law law = new Section31Law(c.n(), c.q(), c.batch(), c.alpha(), c.sampler());
            double[][] literal = enumerate(c);
            double rho = 0.0;
            double lyapunov = Double.NEGATIVE_INFINITY;
            for (int coordinate = 0; coordinate < law.dimension(); coordinate++) {
                rho = Math.max(rho, literal[0][coordinate]);
                lyapunov = Math.max(lyapunov, literal[1][coordinate]);
            }
            assertEquals(rho, law.rho(c.eta()), 1e-9 * Math.max(1.0, rho), c.toString());
            assertEquals(lyapunov, law.lyapunov(c.eta()), 1e-9 * Math.max(1.0, Math.abs(lyapunov)), c.toString());
        });
    }

    @Test
    void etaStarIsWhereRhoCrossesOne() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(cases(50)).checkAssert(c -> {
            Section31Law law = new Section31Law(c.n(), c.q(), c.batch(), c.alpha(), c.sampler());
            double etaStar = law.etaStar();
            if (etaStar > 0.0 && Double.isFinite(etaStar)) {
                assertEquals(1.0, law.rho(etaStar), 1e-12, c.toString());
                assertEquals(true, law.rho(0.999 * etaStar) < 1.0, c.toString());
                assertEquals(true, law.rho(1.001 * etaStar) > 1.0, c.toString());
            } else if (etaStar == 0.0) {
                assertEquals(true, law.rho(1e-3) >= 1.0, c.toString());
            }
        });
    }

    /**
     * E J_cc^2 and E log|J_cc| per coordinate by summing over every (retain subset, forget subset),
     * with J from the family's Hessians: J = I - eta (1-alpha)/B sum_r H_r + eta alpha/B sum_f H_f.
     */
    private static double[][] enumerate(Case c) {
        HessianFamily family = PaperConstruction.section31(c.n(), c.q());
        int d = family.dimension();
        List<double[]> subsets = subsets(c);
        double[] meanSquare = new double[d];
        double[] meanLog = new double[d];
        for (double[] retain : subsets) {
            for (double[] forget : subsets) {
                double weight = retain[c.n()] * forget[c.n()];
                if (weight == 0.0) {
                    continue;
                }
                double[] diagonal = jacobianDiagonal(c, family, retain, forget);
                for (int i = 0; i < d; i++) {
                    meanSquare[i] += weight * diagonal[i] * diagonal[i];
                    meanLog[i] += weight * Math.log(Math.abs(diagonal[i]));
                }
            }
        }
        return new double[][] {meanSquare, meanLog};
    }

    private static double[] jacobianDiagonal(Case c, HessianFamily family, double[] retain, double[] forget) {
        int d = family.dimension();
        double[] diagonal = new double[d];
        java.util.Arrays.fill(diagonal, 1.0);
        double[] unit = new double[d];
        double[] image = new double[d];
        for (int coordinate = 0; coordinate < d; coordinate++) {
            java.util.Arrays.fill(unit, 0.0);
            unit[coordinate] = 1.0;
            for (int i = 0; i < c.n(); i++) {
                diagonal[coordinate] -= retain[i] * c.eta() * (1 - c.alpha()) / c.batch()
                        * apply(family.retain().get(i), unit, image)[coordinate];
                diagonal[coordinate] += forget[i] * c.eta() * c.alpha() / c.batch()
                        * apply(family.forget().get(i), unit, image)[coordinate];
            }
        }
        return diagonal;
    }

    private static double[] apply(Hessian h, double[] x, double[] out) {
        h.multiply(x, out);
        return out;
    }

    /** Every subset as an indicator vector with its probability in the last slot. */
    private static List<double[]> subsets(Case c) {
        int n = c.n();
        double p = (double) c.batch() / n;
        List<double[]> all = new ArrayList<>();
        int bOfSize = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) == c.batch()) {
                bOfSize++;
            }
        }
        for (int mask = 0; mask < (1 << n); mask++) {
            double[] subset = new double[n + 1];
            int size = Integer.bitCount(mask);
            for (int i = 0; i < n; i++) {
                subset[i] = (mask >> i) & 1;
            }
            if (c.sampler() == BatchSampler.BERNOULLI) {
                subset[n] = Math.pow(p, size) * Math.pow(1 - p, n - size);
            } else {
                subset[n] = size == c.batch() ? 1.0 / bOfSize : 0.0;
            }
            all.add(subset);
        }
        return all;
    }
}
