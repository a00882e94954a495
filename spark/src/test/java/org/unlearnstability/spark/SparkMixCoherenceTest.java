package org.unlearnstability.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unlearnstability.coherence.CertifiedEigenvalue;
import org.unlearnstability.coherence.FamilyGeometry;
import org.unlearnstability.coherence.MixCoherenceMatrix;
import org.unlearnstability.coherence.PerronRoot;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.rng.RandomStreams;

/**
 * lambda_max(S) of Definition 3 with its products on Spark ({@code local[2]}) is the core's: on a family of
 * 100 x 100 = 10,000 retain-forget pairs the distributed product is S x (the core's row-by-row product to the
 * bit), and the core's certified Perron bracket driven by it is the core's bracket.
 */
class SparkMixCoherenceTest {
    private static final long SEED = SparkBenchmark.RANK_ONE_SEED;
    /** Both products sum the same 10^8 positive terms in different orders. */
    private static final double PRODUCT_TOLERANCE = 1e-12;
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = SparkEngineProvider.context("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void distributedBracketIsTheCoreBracketOnTenThousandPairs() {
        FamilyGeometry geometry = FamilyGeometry.of(SparkBenchmark.rankOneFamily(SEED, 100, 100));
        NoiseConstants noise = NoiseConstants.of(new Hyperparameters(0.5, 0.1, 5), 100, 100);
        double a = noise.cRPrime();
        double b = noise.cFPrime();
        MixCoherenceMatrix s = new MixCoherenceMatrix(geometry, a, b);
        CertifiedEigenvalue core = PerronRoot.of(s);
        CertifiedEigenvalue distributed = SparkMixCoherence.lambdaMax(spark, geometry, a, b);
        // The same products as the core's row-by-row operator, so the same bracket to the bit ...
        assertEquals(PerronRoot.of(s.rowByRow()), distributed);
        // ... and the bracket of the core's default (symmetric) product up to the certified width.
        assertTrue(distributed.relativeWidth() <= PerronRoot.DEFAULT_TOLERANCE, distributed::toString);
        assertTrue(distributed.lower() <= core.upper() && core.lower() <= distributed.upper(),
                () -> "disjoint certified brackets: core " + core + ", spark " + distributed);
        assertEquals(core.estimate(), distributed.estimate(), 2 * PerronRoot.DEFAULT_TOLERANCE * core.upper());
    }

    @Test
    void distributedProductIsTheCoreProduct() {
        FamilyGeometry geometry = FamilyGeometry.of(SparkBenchmark.rankOneFamily(SEED + 1, 37, 61));
        MixCoherenceMatrix s = new MixCoherenceMatrix(geometry, 0.7, 0.3);
        UniformRandomProvider rng = RandomStreams.stream(SEED + 2);
        double[] x = new double[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        double[] expected = new double[x.length];
        s.apply(x, expected);
        double[] actual = new double[x.length];
        // 7 blocks: block boundaries fall inside retain rows.
        try (SparkMixCoherence distributed = new SparkMixCoherence(spark, geometry, 0.7, 0.3, 7)) {
            distributed.apply(x, actual);
        }
        for (int p = 0; p < x.length; p++) {
            assertEquals(expected[p], actual[p], PRODUCT_TOLERANCE * expected[p], "row " + p);
        }
        double[] rows = new double[x.length];
        s.rowByRow().apply(x, rows);
        assertArrayEquals(rows, actual, 0.0);
    }
}
