package org.unlearnstability.coherence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.unlearnstability.family.FamilyGenerators;
import org.unlearnstability.rng.RandomStreams;

/**
 * The symmetric product (each entry evaluated once, chunked over retain rows) is S x: it agrees with the
 * entry-by-entry definition and with the row-by-row product, and does not depend on the thread count.
 */
class MixCoherenceMatrixTest {
    private static final long SEED = 20261205L;

    @Test
    void symmetricProductIsTheEntrywiseProductWhateverTheThreadCount() throws Exception {
        // Up to 40 samples per set: more retain rows than chunks, so chunk boundaries fall inside the family.
        qt().withFixedSeed(SEED).withExamples(60).forAll(FamilyGenerators.families(4, 40)).checkAssert(g -> {
            UniformRandomProvider rng = RandomStreams.stream(g.seed());
            double a = rng.nextDouble();
            double b = rng.nextDouble();
            MixCoherenceMatrix s = new MixCoherenceMatrix(FamilyGeometry.of(g.family()), a, b);
            int n = s.size();
            int nf = g.family().nForget();
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble() - 0.25;
            }
            double[] symmetric = new double[n];
            s.apply(x, symmetric);
            double[] rows = new double[n];
            s.rowByRow().apply(x, rows);
            for (int p = 0; p < n; p++) {
                double literal = 0.0;
                double scale = 0.0;
                for (int q = 0; q < n; q++) {
                    double e = s.entry(p / nf, p % nf, q / nf, q % nf);
                    literal += e * x[q];
                    scale += Math.abs(e * x[q]);
                }
                assertEquals(literal, symmetric[p], 1e-13 * Math.max(scale, Double.MIN_NORMAL), g + " row " + p);
                assertEquals(rows[p], symmetric[p], 1e-13 * Math.max(scale, Double.MIN_NORMAL), g + " row " + p);
            }
            double[] oneThread = new double[n];
            ForkJoinPool pool = new ForkJoinPool(1);
            try {
                pool.submit(() -> s.apply(x, oneThread)).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
            }
            assertArrayEquals(symmetric, oneThread, 0.0, g::toString);
        });
    }
    @Test
    void blockedSweepAddsTheSameTermsInTheSameOrderAsTheFusedSweep() {
        // The product's reports are compared to the bit across versions, so the four-row sweep must round exactly
        // as the one-row fused sweep did; n_f = 2..11 covers every remainder of n_f modulo 4.
        qt().withFixedSeed(SEED).withExamples(60).forAll(FamilyGenerators.families(3, 11)).checkAssert(g -> {
            UniformRandomProvider rng = RandomStreams.stream(g.seed());
            MixCoherenceMatrix s = new MixCoherenceMatrix(FamilyGeometry.of(g.family()), rng.nextDouble(),
                    rng.nextDouble());
            double[] x = new double[s.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextDouble() - 0.25;
            }
            double[] blocked = new double[x.length];
            s.apply(x, blocked);
            assertTrue(Arrays.equals(fusedProduct(s, x), blocked), g::toString);
        });
    }

    /** The symmetric product as first written: chunks of retain rows, one fused sweep per row f of a block. */
    private static double[] fusedProduct(MixCoherenceMatrix s, double[] x) {
        int nr = s.nRetain();
        int nf = s.nForget();
        int[] start = MixCoherenceMatrix.balancedChunks(nr);
        double[] out = new double[x.length];
        for (int c = 0; c < MixCoherenceMatrix.CHUNKS; c++) {
            double[] partial = new double[x.length];
            for (int r = start[c]; r < start[c + 1]; r++) {
                for (int rp = r; rp < nr; rp++) {
                    for (int f = 0; f < nf; f++) {
                        double shift = s.retainTerm()[r * nr + rp] + s.crossTerm()[rp * nf + f];
                        double sum = 0.0;
                        for (int fp = 0; fp < nf; fp++) {
                            double fixed = s.crossTerm()[r * nf + fp] + s.forgetTerm()[f * nf + fp];
                            double e = Math.sqrt(Math.max(0.0, shift + fixed));
                            sum += e * x[rp * nf + fp];
                            if (rp > r) {
                                partial[rp * nf + fp] += e * x[r * nf + f];
                            }
                        }
                        partial[r * nf + f] += sum;
                    }
                }
            }
            for (int i = 0; i < out.length; i++) {
                out[i] += partial[i];
            }
        }
        return out;
    }
}
