package org.unlearnstability.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.dynamics.DynamicsCases.Case;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;

class Lemma21Test {
    private static final long SEED = 5_2026_1129L;
    private static final int K = 6;

    /** Lemma 2.1 part 1 as printed: Tr(M_k) = Tr(J^{2k}) + Tr(N_k) <= E||w_k||^2 (Bernoulli batches). */
    @Test
    void lowerBoundOfPartOneHoldsForTheExactMeanSquare() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(DynamicsCases.cases(6, 5)).checkAssert(c -> {
            Lemma21 lemma = Lemma21.compute(c.family(), c.hyper(), K);
            for (int k = 0; k < K; k++) {
                double exact = lemma.exactMeanSquare()[k];
                double lower = lemma.traceM()[k];
                int step = k + 1;
                assertTrue(lower <= exact * (1 + 1e-10), () -> c + " k=" + step + ": Tr(M_k) = " + lower
                        + " > E||w_k||^2 = " + exact);
            }
        });
    }

    @Test
    void sequencesEqualTheLiteralDefinitionsOnDenseMatrices() {
        qt().withFixedSeed(SEED + 1).withExamples(150).forAll(DynamicsCases.cases(5, 4)).checkAssert(c -> {
            Lemma21 lemma = Lemma21.compute(c.family(), c.hyper(), K);
            Literal literal = Literal.of(c);
            assertEquals(literal.normJ, lemma.normJ(), 1e-12 * Math.max(1.0, literal.normJ), c::toString);
            for (int k = 0; k < K; k++) {
                String where = c + " k=" + (k + 1);
                assertClose(literal.traceN[k], lemma.traceN()[k], where + " Tr(N_k)");
                assertClose(literal.traceJ2k[k], lemma.traceJ2k()[k], where + " Tr(J^2k)");
                assertClose(literal.traceJ2k[k] + literal.traceN[k], lemma.traceM()[k], where + " Tr(M_k)");
                Double bound = lemma.lemma21UpperBound()[k];
                if (literal.normJ < 1.0 - 1e-12) {
                    assertTrue(bound != null, where);
                    assertClose(literal.upperBound(k + 1), bound, where + " upper bound");
                } else if (literal.normJ > 1.0 + 1e-12) {
                    assertNull(bound, where);
                }
            }
        });
    }

    @Test
    void commonNullSpaceMeansNormJIsOneAndNoUpperBound() {
        List<Hessian> retain = List.of(FactorHessian.rankOne(new double[] {1, 0.5, 0}));
        List<Hessian> forget = List.of(FactorHessian.rankOne(new double[] {0.2, 1, 0}));
        Lemma21 lemma = Lemma21.compute(new HessianFamily(retain, forget), new Hyperparameters(0.1, 0.0, 1), 3);
        assertEquals(1.0, lemma.normJ());
        assertTrue(Arrays.stream(lemma.lemma21UpperBound()).allMatch(b -> b == null));
    }

    private static void assertClose(double expected, double actual, String where) {
        assertEquals(expected, actual, 1e-10 * Math.max(Math.abs(expected), 1e-300), where);
    }

    /** Lemma 2.1 straight from its text, with dense Hipparchus matrices. */
    private static final class Literal {
        private double normJ;
        private final double[] traceN = new double[K + 1];
        private final double[] traceJ2k = new double[K];

        static Literal of(Case c) {
            HessianFamily family = c.family();
            Hyperparameters hyper = c.hyper();
            int d = family.dimension();
            NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
            RealMatrix hr = mean(family.retain(), d);
            RealMatrix hf = mean(family.forget(), d);
            RealMatrix j = MatrixUtils.createRealIdentityMatrix(d)
                    .subtract(hr.scalarMultiply(hyper.eta() * (1 - hyper.alpha())))
                    .add(hf.scalarMultiply(hyper.eta() * hyper.alpha()));
            Literal literal = new Literal();
            literal.normJ = Arrays.stream(new EigenDecompositionSymmetric(j).getEigenvalues()).map(Math::abs)
                    .max().orElseThrow();
            RealMatrix n = MatrixUtils.createRealIdentityMatrix(d);
            literal.traceN[0] = d;
            RealMatrix power = MatrixUtils.createRealIdentityMatrix(d);
            for (int k = 1; k <= K; k++) {
                RealMatrix next = MatrixUtils.createRealMatrix(d, d);
                for (Hessian h : family.forget()) {
                    next = next.add(h.toMatrix().multiply(n).multiply(h.toMatrix()).scalarMultiply(noise.cF()));
                }
                for (Hessian h : family.retain()) {
                    next = next.add(h.toMatrix().multiply(n).multiply(h.toMatrix()).scalarMultiply(noise.cR()));
                }
                n = next;
                literal.traceN[k] = n.getTrace();
                power = power.multiply(j).multiply(j);
                literal.traceJ2k[k - 1] = power.getTrace();
            }
            double[] shifted = Arrays.copyOfRange(literal.traceN, 1, K + 1);
            System.arraycopy(shifted, 0, literal.traceN, 0, K);
            literal.traceN[K] = d;
            return literal;
        }

        /** sum_{r=0}^{k-1} C(k, r) (1-eps)^{2(k-r)} Tr(N_r) with 1 - eps = ||J||, N_0 = I. */
        double upperBound(int k) {
            double sum = 0.0;
            for (int r = 0; r < k; r++) {
                double trace = r == 0 ? traceN[K] : traceN[r - 1];
                sum += binomial(k, r) * Math.pow(normJ, 2.0 * (k - r)) * trace;
            }
            return sum;
        }

        private static double binomial(int k, int r) {
            double b = 1.0;
            for (int i = 1; i <= r; i++) {
                b = b * (k - r + i) / i;
            }
            return b;
        }

        private static RealMatrix mean(List<Hessian> set, int d) {
            RealMatrix sum = MatrixUtils.createRealMatrix(d, d);
            for (Hessian h : set) {
                sum = sum.add(h.toMatrix());
            }
            return sum.scalarMultiply(1.0 / set.size());
        }
    }
}
