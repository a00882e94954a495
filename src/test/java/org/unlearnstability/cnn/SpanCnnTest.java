package org.unlearnstability.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.unlearnstability.rng.RandomStreams;

/**
 * The span-coordinate network is the direct d-dimensional network of eq. (9), iterate for iterate:
 * same data and W0 give the same weights and losses after training, unlearning and retraining.
 */
class SpanCnnTest {
    private static final double TOLERANCE = 1e-9;

    /** A smaller protocol (n = 12, m = 3) so that the direct oracle stays fast; same structure. */
    private static CnnProtocol small(double sigma0) {
        return new CnnProtocol(3, 12, 6, 1.0, sigma0, 60, 0.1, 200, new UnlearningProtocol(25, 0.1, 0.3, 2));
    }

    private record Pair(SpanCnn span, DirectCnn direct) {
    }

    @Test
    void trainingUnlearningAndRetrainingMatchTheDirectNetwork() {
        // d below, at and above T = n + 1 + 2m = 19 (the span is then all of R^d or a proper subspace).
        int[][] dims = {{8}, {19}, {40}, {150}};
        double[] mus = {0.0, 0.7, 3.0};
        double[] sigma0s = {0.01, 0.3};
        for (int[] d : dims) {
            for (double mu : mus) {
                for (double sigma0 : sigma0s) {
                    check(d[0], mu, small(sigma0), 1000L * d[0] + (long) (mu * 10) + (long) (sigma0 * 100));
                }
            }
        }
    }

    @Test
    void thePaperProtocolMatchesAtOneCell() {
        check(300, 1.4, CnnProtocol.paper(), 7L);
    }

    @Test
    void aSampleListedTwiceInABatchCountsTwiceAsInTheDirectNetwork() {
        CnnProtocol protocol = small(0.01);
        PatchData data = PatchData.sample(RandomStreams.stream(21, 0), 40, 0.7, protocol);
        int[] all = IntStream.range(0, protocol.trainSamples()).toArray();
        Pair trained = new Pair(SpanCnn.initial(SpanGeometry.of(data)).train(all, 20, protocol.learningRate()),
                DirectCnn.initial(data).train(all, 20, protocol.learningRate()));
        UnlearningSchedule schedule = new UnlearningSchedule(new int[][] {{6, 6}, {7, 9}, {11, 8, 11}},
                new int[][] {{0, 0}, {1, 2}, {3, 5, 3}});
        compare(data, new Pair(trained.span().unlearn(schedule, protocol.unlearning()),
                trained.direct().unlearn(schedule, protocol.unlearning())), "batches listing a sample twice");
    }

    private static void check(int d, double mu, CnnProtocol protocol, long seed) {
        String label = "d=" + d + " mu=" + mu + " sigma0=" + protocol.initSigma() + " seed=" + seed;
        PatchData data = PatchData.sample(RandomStreams.stream(seed, 0), d, mu, protocol);
        SpanGeometry geometry = SpanGeometry.of(data);
        int[] all = IntStream.range(0, protocol.trainSamples()).toArray();
        int[] retain = protocol.retainSet();
        UnlearningSchedule schedule = UnlearningSchedule.of(protocol, RandomStreams.stream(seed, 1));
        Pair initial = new Pair(SpanCnn.initial(geometry), DirectCnn.initial(data));
        compare(data, initial, label + " at W0");
        Pair trained = new Pair(initial.span().train(all, protocol.epochs(), protocol.learningRate()),
                initial.direct().train(all, protocol.epochs(), protocol.learningRate()));
        compare(data, trained, label + " after training");
        Pair unlearned = new Pair(trained.span().unlearn(schedule, protocol.unlearning()),
                trained.direct().unlearn(schedule, protocol.unlearning()));
        compare(data, unlearned, label + " after unlearning");
        Pair retrained = new Pair(initial.span().train(retain, protocol.epochs(), protocol.learningRate()),
                initial.direct().train(retain, protocol.epochs(), protocol.learningRate()));
        compare(data, retrained, label + " after retraining");
    }

    private static void compare(PatchData data, Pair pair, String label) {
        double[][] w = pair.span().filterWeights(data);
        double[][] direct = pair.direct().weights();
        double scale = 1.0;
        for (double[] row : direct) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int r = 0; r < w.length; r++) {
            for (int c = 0; c < w[r].length; c++) {
                assertEquals(direct[r][c], w[r][c], TOLERANCE * scale, label + ": weight " + r + "," + c);
            }
        }
        for (int i = 0; i < data.size(); i++) {
            double expected = pair.direct().loss(i);
            assertEquals(expected, pair.span().loss(i), TOLERANCE * Math.max(1.0, expected), label + ": loss " + i);
            assertEquals(pair.direct().output(i), pair.span().output(i), TOLERANCE * scale, label + ": f " + i);
        }
    }

    @Test
    void trainingLowersTheLossAndLeavesTheInputUntouched() {
        CnnProtocol protocol = CnnProtocol.paper();
        SpanGeometry geometry = SpanGeometry.sample(RandomStreams.stream(3, 0), 500, 2.0, protocol);
        SpanCnn initial = SpanCnn.initial(geometry);
        int[] all = IntStream.range(0, protocol.trainSamples()).toArray();
        double before = initial.meanLoss(all);
        SpanCnn trained = initial.train(all, protocol.epochs(), protocol.learningRate());
        assertEquals(before, initial.meanLoss(all), 0.0, "train must not mutate its receiver");
        assertTrue(trained.meanLoss(all) < 0.5 * before, "loss " + before + " -> " + trained.meanLoss(all));
    }
}
