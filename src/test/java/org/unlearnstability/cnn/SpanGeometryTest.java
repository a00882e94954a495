package org.unlearnstability.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.unlearnstability.experiment.fig2.Fig2Metric;
import org.unlearnstability.experiment.fig2.Fig2Repeat;
import org.unlearnstability.linalg.Vectors;
import org.unlearnstability.rng.RandomStreams;

/**
 * The Bartlett-sampled span coordinates have the law of explicit Definition 5 data: inner products
 * have the right moments, and the trained network's metrics agree in mean with explicit data.
 */
class SpanGeometryTest {
    private static final int DRAWS = 4000;

    /** n = 4, m = 1: rows mu, xi_1..xi_4, w0_1, w0_2 (T = 7). */
    private static CnnProtocol tiny() {
        return new CnnProtocol(1, 4, 2, 1.5, 0.2, 1, 0.1, 1, new UnlearningProtocol(1, 0.1, 0.3, 1));
    }

    @Test
    void innerProductsHaveTheMomentsOfGaussianVectors() {
        // d = 12 > T exercises the chi-square diagonal; d = 5 < T the trapezoidal case.
        for (int d : new int[] {12, 5}) {
            CnnProtocol p = tiny();
            double mu = 0.8;
            double s2 = p.noiseSigma() * p.noiseSigma();
            double w2 = p.initSigma() * p.initSigma();
            Moments normXi = new Moments();
            Moments crossXi = new Moments();
            Moments muXi = new Moments();
            Moments normW = new Moments();
            Moments wXi = new Moments();
            for (int t = 0; t < DRAWS; t++) {
                UniformRandomProvider rng = RandomStreams.stream(99, d, t);
                SpanGeometry g = SpanGeometry.sample(rng, d, mu, p);
                normXi.add(g.gram(1, 1));
                crossXi.add(g.gram(1, 2));
                muXi.add(g.gram(0, 3));
                double[] w = g.initialFilterCoordinates(0);
                double[] w1 = g.initialFilterCoordinates(1);
                normW.add(Vectors.dot(w, w1) + Vectors.dot(w, w));
                wXi.add(g.initialResponsesView()[1][4]);
                assertEquals(mu * mu, g.gram(0, 0), 1e-12);
            }
            String at = "d=" + d;
            normXi.check(s2 * d, 2 * s2 * s2 * d, at + " ||xi||^2");
            crossXi.check(0.0, s2 * s2 * d, at + " <xi_1, xi_2>");
            muXi.check(0.0, mu * mu * s2, at + " <mu, xi_3>");
            normW.check(w2 * d, 3 * w2 * w2 * d, at + " <w_1, w_2> + ||w_1||^2");
            wXi.check(0.0, w2 * s2 * d, at + " <w_2, xi_4>");
        }
    }

    /** Running mean with a z-test of the mean against its known variance. */
    private static final class Moments {
        private double sum;
        private double sumSquares;
        private int n;

        void add(double x) {
            sum += x;
            sumSquares += x * x;
            n++;
        }

        void check(double mean, double variance, String what) {
            double m = sum / n;
            assertEquals(mean, m, 5 * Math.sqrt(variance / n), what + " mean");
            double v = sumSquares / n - m * m;
            // The variance of a sample variance is below 3 var^2 / n for these (sub-)Gaussian-chaos terms
            // with kurtosis under 3 + 12; 6 sigma of that is a loose but failing-if-wrong band.
            assertEquals(variance, v, 6 * variance * Math.sqrt(15.0 / n), what + " variance");
        }
    }

    @Test
    void sampledAndExplicitDataGiveTheSameMeanMetrics() {
        CnnProtocol protocol = CnnProtocol.paper();
        int repeats = 120;
        int d = 300;
        double mu = 1.4;
        double[][] sampled = new double[repeats][];
        double[][] explicit = new double[repeats][];
        for (int r = 0; r < repeats; r++) {
            UnlearningSchedule schedule = UnlearningSchedule.of(protocol, RandomStreams.stream(21, r, 1));
            SpanGeometry a = SpanGeometry.sample(RandomStreams.stream(21, r, 0), d, mu, protocol);
            SpanGeometry b = SpanGeometry.of(PatchData.sample(RandomStreams.stream(22, r, 0), d, mu, protocol));
            sampled[r] = Fig2Repeat.run(protocol, a, schedule, RandomStreams.stream(21, r, 2), false, mu);
            explicit[r] = Fig2Repeat.run(protocol, b, schedule, RandomStreams.stream(22, r, 2), false, mu);
        }
        for (Fig2Metric m : new Fig2Metric[] {Fig2Metric.TRAIN_LOSS, Fig2Metric.TEST_ERROR,
            Fig2Metric.FORGET_LOSS_AFTER, Fig2Metric.MIA_AUC_BEFORE}) {
            double[] x = IntStream.range(0, repeats).mapToDouble(r -> sampled[r][m.ordinal()]).toArray();
            double[] y = IntStream.range(0, repeats).mapToDouble(r -> explicit[r][m.ordinal()]).toArray();
            double se = Math.sqrt((variance(x) + variance(y)) / repeats);
            assertEquals(mean(y), mean(x), 4.5 * se, m.key());
        }
    }

    private static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElseThrow();
    }

    private static double variance(double[] x) {
        double m = mean(x);
        return java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }
}
