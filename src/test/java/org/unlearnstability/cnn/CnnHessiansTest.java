package org.unlearnstability.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Vectors;
import org.unlearnstability.rng.RandomStreams;

/**
 * Per-sample loss Hessians of the CNN at a trained solution: rank one, l'' grad f grad f^T (checked
 * against finite differences), and their coherence is the same whether the factors are the full
 * 2 m d-dimensional gradients, the n-dimensional isometric embedding, or only their Gram matrix.
 */
class CnnHessiansTest {

    @Test
    void lossHessianEqualsTheRankOneGaussNewtonTermByFiniteDifferences() {
        CnnProtocol protocol = new CnnProtocol(2, 6, 3, 1.0, 0.3, 40, 0.1, 10, new UnlearningProtocol(4, 0.1, 0.3, 1));
        PatchData data = PatchData.sample(RandomStreams.stream(41), 5, 1.2, protocol);
        int[] all = IntStream.range(0, data.size()).toArray();
        DirectCnn net = DirectCnn.initial(data).train(all, protocol.epochs(), protocol.learningRate());
        double h = 1e-6;
        double[][] w = net.weights();
        int d = data.dimension();
        int params = w.length * d;
        for (int i = 0; i < data.size(); i++) {
            requireAwayFromKinks(net, data, i, 1e3 * h);
            double[] factor = net.hessianFactor(i);
            for (int a = 0; a < params; a++) {
                double[] plus = gradientAt(data, w, a, h, i);
                double[] minus = gradientAt(data, w, a, -h, i);
                for (int b = 0; b < params; b++) {
                    double fd = (plus[b] - minus[b]) / (2 * h);
                    assertEquals(factor[a] * factor[b], fd, 1e-6, "sample " + i + " entry (" + a + ", " + b + ")");
                }
            }
        }
    }

    /** Finite differences are only valid inside one activation region: no pre-activation near 0. */
    private static void requireAwayFromKinks(DirectCnn net, PatchData data, int i, double margin) {
        for (double[] row : net.weights()) {
            for (double[] x : new double[][] {data.firstPatch(i), data.secondPatch(i)}) {
                double pre = Vectors.dot(row, x);
                assertTrue(Math.abs(pre) > margin, "sample " + i + " sits on a ReLU kink: " + pre);
            }
        }
    }

    private static double[] gradientAt(PatchData data, double[][] w, int param, double step, int sample) {
        double[][] moved = new double[w.length][];
        for (int r = 0; r < w.length; r++) {
            moved[r] = w[r].clone();
        }
        moved[param / data.dimension()][param % data.dimension()] += step;
        return DirectCnn.of(data, moved).lossGradient(sample);
    }

    @Test
    void factorGramMatchesTheFullGradients() {
        CnnProtocol protocol = CnnProtocol.paper();
        PatchData data = PatchData.sample(RandomStreams.stream(42), 60, 1.0, protocol);
        int[] all = IntStream.range(0, data.size()).toArray();
        SpanCnn span = SpanCnn.initial(SpanGeometry.of(data)).train(all, protocol.epochs(), protocol.learningRate());
        DirectCnn direct = DirectCnn.of(data, span.filterWeights(data));
        int[] order = protocol.retainThenForget();
        double[][] k = CnnHessians.factorGram(span, order);
        for (int a = 0; a < order.length; a++) {
            double[] ha = direct.hessianFactor(order[a]);
            for (int b = 0; b < order.length; b++) {
                double expected = Vectors.dot(ha, direct.hessianFactor(order[b]));
                assertEquals(expected, k[a][b], 1e-12 * Math.max(1.0, k[a][a]), "K(" + a + ", " + b + ")");
            }
        }
    }

    @Test
    void coherenceIsTheSameForFullEmbeddedAndGramOnlyHessians() {
        CnnProtocol protocol = CnnProtocol.paper();
        Hyperparameters hyper = protocol.unlearning().hyper();
        int[] retain = protocol.retainSet();
        int[] forget = protocol.forgetSet();
        for (double mu : new double[] {0.3, 2.0, 6.0}) {
            PatchData data = PatchData.sample(RandomStreams.stream(43, (long) (mu * 10)), 40, mu, protocol);
            int[] all = IntStream.range(0, data.size()).toArray();
            SpanCnn span = SpanCnn.initial(SpanGeometry.of(data)).train(all, protocol.epochs(),
                    protocol.learningRate());
            HessianFamily full = CnnHessians.family(DirectCnn.of(data, span.filterWeights(data)), retain, forget);
            HessianFamily embedded = CnnHessians.family(span, retain, forget);
            assertEquals(2 * protocol.filters() * 40, full.dimension());
            assertEquals(protocol.trainSamples(), embedded.dimension());
            CoherenceAnalysis reference = CoherenceAnalysis.of(full, hyper);
            CoherenceAnalysis viaEmbedding = CoherenceAnalysis.of(embedded, hyper);
            CoherenceAnalysis fast = RankOneCoherence.of(CnnHessians.factorGram(span, protocol.retainThenForget()),
                    retain.length, hyper);
            for (CoherenceAnalysis other : new CoherenceAnalysis[] {viaEmbedding, fast}) {
                String at = "mu=" + mu + (other == fast ? " (Gram route)" : " (embedded)");
                close(reference.sigma(), other.sigma(), at + " sigma");
                close(reference.lambdaMaxS().estimate(), other.lambdaMaxS().estimate(), at + " lambdaMaxS");
                close(reference.maxLambdaMaxDrf(), other.maxLambdaMaxDrf(), at + " maxLambdaMaxDrf");
                close(reference.lambdaMaxD(), other.lambdaMaxD(), at + " lambdaMaxD");
                close(reference.retainSingle().sigma(), other.retainSingle().sigma(), at + " sigmaSingleRetain");
                close(reference.forgetSingle().sigma(), other.forgetSingle().sigma(), at + " sigmaSingleForget");
                assertTrue(other.lambdaMaxS().lower() <= reference.lambdaMaxS().upper()
                        && reference.lambdaMaxS().lower() <= other.lambdaMaxS().upper(), at + " brackets overlap");
            }
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    @Test
    void embeddingReproducesTheGramMatrix() {
        double[][] k = {{4, 2, 2, 0}, {2, 1, 1, 0}, {2, 1, 5, 1}, {0, 0, 1, 3}};
        double[][] v = GradientEmbedding.of(k);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(k[i][j], Vectors.dot(v[i], v[j]), 1e-12, "(" + i + ", " + j + ")");
            }
        }
    }
}
