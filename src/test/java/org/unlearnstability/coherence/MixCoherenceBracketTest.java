package org.unlearnstability.coherence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.family.FamilyGenerators;
import org.unlearnstability.family.FamilyGenerators.Generated;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.HessianCombination;
import org.unlearnstability.rng.RandomStreams;

/**
 * The structured bracket of lambda_max(S): L &lt;= S &lt;= M entrywise, and the bracket contains the
 * dense eigenvalue of S on random families of every adversarial kind (identical, orthogonal, aligned, mixed
 * forms), each optionally with sample scales spread over six orders of magnitude.
 */
class MixCoherenceBracketTest {
    private static final long SEED = 20261205L;
    /** Relative slack for rounding when comparing with a dense eigensolver. */
    private static final double ROUNDING = 1e-12;

    /** A family, mixing weights from an alpha and a batch, and whether its samples get mixed scales. */
    private record Case(Generated generated, boolean mixedScales, double alpha, int batch) {
        HessianFamily family() {
            return mixedScales ? rescaled(generated.family(), generated.seed()) : generated.family();
        }

        NoiseConstants noise() {
            HessianFamily family = generated.family();
            return NoiseConstants.of(new Hyperparameters(0.5, alpha, batch), family.nRetain(), family.nForget());
        }

        MixCoherenceMatrix s() {
            NoiseConstants noise = noise();
            return new MixCoherenceMatrix(FamilyGeometry.of(family()), noise.cRPrime(), noise.cFPrime());
        }
    }

    /** Each sample scaled by 10^u, u uniform in [-3, 3]. */
    private static HessianFamily rescaled(HessianFamily family, long seed) {
        UniformRandomProvider rng = RandomStreams.stream(seed, 99);
        List<Hessian> retain = new ArrayList<>();
        List<Hessian> forget = new ArrayList<>();
        for (Hessian h : family.retain()) {
            retain.add(HessianCombination.of(new double[] {Math.pow(10, 6 * rng.nextDouble() - 3)}, List.of(h)));
        }
        for (Hessian h : family.forget()) {
            forget.add(HessianCombination.of(new double[] {Math.pow(10, 6 * rng.nextDouble() - 3)}, List.of(h)));
        }
        return new HessianFamily(retain, forget);
    }

    private static Gen<Case> cases() {
        Gen<Double> alphas = SourceDSL.doubles().between(0.0, 1.0).mix(Generate.pick(List.of(0.0, 1.0)), 20);
        Gen<Boolean> scales = SourceDSL.booleans().all();
        return FamilyGenerators.families(6, 7).zip(scales, alphas, Generate.longRange(0, Long.MAX_VALUE),
                (g, mixed, alpha, b) -> {
                    int limit = Math.min(g.family().nRetain(), g.family().nForget());
                    return new Case(g, mixed, alpha, 1 + (int) (b % limit));
                });
    }

    private static double[][] dense(NonnegativeOperator operator) {
        int n = operator.size();
        double[][] columns = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] unit = new double[n];
            unit[j] = 1.0;
            columns[j] = new double[n];
            operator.apply(unit, columns[j]);
        }
        return columns;
    }

    /**
     * The dense eigenvalue: S is symmetric and non-negative, so lambda_max(S) is its spectral radius (Perron) and
     * equals its largest singular value (the symmetric QL eigensolver fails to converge on some rank-deficient S).
     */
    private static double denseLambdaMax(MixCoherenceMatrix s) {
        return new SingularValueDecomposition(new Array2DRowRealMatrix(dense(s), false)).getNorm();
    }

    @Test
    void minorantAndMajorantBoundSEntrywise() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(cases()).checkAssert(c -> {
            MixCoherenceMatrix s = c.s();
            MixCoherenceBounds bounds = new MixCoherenceBounds(s);
            double[][] exact = dense(s);
            double[][] below = dense(new NonnegativeOperator() {
                @Override
                public int size() {
                    return s.size();
                }

                @Override
                public void apply(double[] x, double[] out) {
                    bounds.minorant(x, out);
                }
            });
            double[] ones = new double[s.size()];
            java.util.Arrays.fill(ones, 1.0);
            double[][] above = dense(bounds.majorant(bounds.tangentPoints(ones)));
            for (int i = 0; i < exact.length; i++) {
                for (int j = 0; j < exact.length; j++) {
                    double slack = ROUNDING * exact[i][i] + Double.MIN_NORMAL;
                    String where = c + " entry " + i + "," + j;
                    int ii = i;
                    int jj = j;
                    assertTrue(below[j][i] <= exact[j][i] + slack,
                            () -> where + ": minorant " + below[jj][ii] + " > S " + exact[jj][ii]);
                    assertTrue(above[j][i] >= exact[j][i] - slack,
                            () -> where + ": majorant " + above[jj][ii] + " < S " + exact[jj][ii]);
                }
            }
        });
    }

    @Test
    void structuredBracketContainsTheDenseEigenvalue() {
        qt().withFixedSeed(SEED + 1).withExamples(200).forAll(cases()).checkAssert(c -> {
            MixCoherenceMatrix s = c.s();
            double lambda = denseLambdaMax(s);
            MixCoherenceBracket structured = MixCoherenceBracket.of(s, MixCoherenceBracket.DEFAULT_WIDTH, 0);
            contains(c, structured.value(), lambda);
        });
    }

    @Test
    void requestedWidthIsMetAndTheBracketContainsTheDenseEigenvalue() {
        qt().withFixedSeed(SEED + 2).withExamples(200).forAll(cases()).checkAssert(c -> {
            MixCoherenceMatrix s = c.s();
            double lambda = denseLambdaMax(s);
            MixCoherenceBracket bracket = MixCoherenceBracket.of(s, MixCoherenceBracket.DEFAULT_WIDTH,
                    MixCoherenceBracket.EXACT_PAIRS_LIMIT);
            contains(c, bracket.value(), lambda);
            assertTrue(bracket.value().relativeWidth() <= MixCoherenceBracket.DEFAULT_WIDTH,
                    () -> c + ": width " + bracket.value().relativeWidth() + " by " + bracket.method());
        });
    }

    @Test
    void aChainOfWeightsBracketsEveryDenseEigenvalueToTheRequestedWidth() {
        // The frontier's path: one family, the weights of a row in increasing C_r', each bracket started from the
        // Perron vectors of the previous ones; the family's adversarial kinds make some S reducible or rank-deficient.
        qt().withFixedSeed(SEED + 3).withExamples(100).forAll(cases(),
                SourceDSL.doubles().between(1e-10, 1e-3)).checkAssert((c, width) -> {
                    FamilyGeometry geometry = FamilyGeometry.of(c.family());
                    PerronChain chain = new PerronChain();
                    for (double a : new double[] {0.0, 0.05, 0.3, 0.31, 0.33, 0.6, 1.0}) {
                        MixCoherenceMatrix s = new MixCoherenceMatrix(geometry, a, 1 - a);
                        MixCoherenceBracket bracket = chain.next(s, width);
                        contains(c, bracket.value(), denseLambdaMax(s));
                        assertTrue(bracket.value().relativeWidth() <= width, () -> c + " at C_r' = " + a + ": width "
                                + bracket.value().relativeWidth() + " > " + width + " by " + bracket.method());
                    }
                });
    }

    private static void contains(Case c, CertifiedEigenvalue bracket, double lambda) {
        double slack = ROUNDING * Math.abs(lambda);
        assertTrue(bracket.lower() <= lambda + slack && lambda <= bracket.upper() + slack,
                () -> c + ": dense lambda_max " + lambda + " outside " + bracket);
    }

    @Test
    void structuredBoundsAreExactForIdenticalRankOneDirections() {
        // Every D_rf a multiple of one matrix: all cosines are 1, so L = S = M and the bracket closes.
        double[] g = {1.0, 2.0, -1.0};
        List<Hessian> retain = List.of(scaledRankOne(g, 1.0), scaledRankOne(g, 3.0));
        List<Hessian> forget = List.of(scaledRankOne(g, 0.5), scaledRankOne(g, 2.0), scaledRankOne(g, 1.5));
        FamilyGeometry geometry = FamilyGeometry.of(new HessianFamily(retain, forget));
        MixCoherenceMatrix s = new MixCoherenceMatrix(geometry, 0.7, 0.3);
        MixCoherenceBracket bracket = MixCoherenceBracket.of(s, 1e-9, 0);
        assertEquals(MixCoherenceBracket.Method.STRUCTURED, bracket.method());
        assertEquals(denseLambdaMax(s), bracket.value().estimate(), 1e-9 * bracket.value().estimate());
    }

    private static Hessian scaledRankOne(double[] g, double scale) {
        return HessianCombination.of(new double[] {scale},
                List.of(org.unlearnstability.linalg.FactorHessian.rankOne(g)));
    }
}
