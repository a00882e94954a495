package org.unlearnstability.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.unlearnstability.rng.RandomStreams;

/**
 * The low-dimensional test-error estimator (responses jointly Gaussian with covariance
 * sigma^2 W W^T) agrees with explicit d-dimensional fresh samples within sampling error.
 */
class FreshSamplesTest {
    private static final int N = 20_000;

    @Test
    void spanAndDirectTestErrorsAgreeWithinSamplingError() {
        CnnProtocol protocol = CnnProtocol.paper();
        for (double mu : new double[] {1.0, 2.0}) {
            PatchData data = PatchData.sample(RandomStreams.stream(11, (long) (mu * 10)), 200, mu, protocol);
            SpanGeometry geometry = SpanGeometry.of(data);
            int[] all = IntStream.range(0, protocol.trainSamples()).toArray();
            SpanCnn trained = SpanCnn.initial(geometry).train(all, protocol.epochs(), protocol.learningRate());
            SpanCnn unlearned = trained.unlearn(UnlearningSchedule.of(protocol, RandomStreams.stream(11, 1)),
                    protocol.unlearning());
            FreshSamples span = FreshSamples.evaluate(RandomStreams.stream(12), List.of(trained, unlearned), N,
                    protocol.noiseSigma());
            List<SpanCnn> nets = List.of(trained, unlearned);
            for (int k = 0; k < 2; k++) {
                DirectCnn direct = DirectCnn.of(data, nets.get(k).filterWeights(data));
                double explicit = direct.testError(RandomStreams.stream(13, k), N, protocol.noiseSigma());
                double p = 0.5 * (explicit + span.errorRate(k));
                double se = Math.sqrt(2 * p * (1 - p) / N);
                assertTrue(p > 0.02, "the case must have a measurable test error, got " + p);
                assertEquals(explicit, span.errorRate(k), 4.5 * se, "mu=" + mu + " network " + k);
            }
        }
    }

    @Test
    void lossesAreTheLogisticLossOfTheMarginAndErrorsCountNonPositiveMargins() {
        CnnProtocol protocol = CnnProtocol.paper();
        SpanGeometry geometry = SpanGeometry.sample(RandomStreams.stream(5), 300, 1.0, protocol);
        SpanCnn trained = SpanCnn.initial(geometry).train(IntStream.range(0, 50).toArray(), 100, 0.1);
        FreshSamples fresh = FreshSamples.evaluate(RandomStreams.stream(6), List.of(trained), 4000, 1.0);
        // y f <= 0 exactly when the loss is at least log 2.
        long errors = java.util.Arrays.stream(fresh.losses()[0]).filter(l -> l >= Math.log(2) - 1e-15).count();
        assertEquals(errors / 4000.0, fresh.errorRate(0), 1e-12);
    }
}
