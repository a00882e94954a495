package org.unlearnstability.experiment.fig2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.unlearnstability.cnn.CnnHessians;
import org.unlearnstability.cnn.CnnProtocol;
import org.unlearnstability.cnn.SpanCnn;
import org.unlearnstability.cnn.SpanGeometry;
import org.unlearnstability.dynamics.StabilityAnalysis;
import org.unlearnstability.family.HessianFamily;

/**
 * Figure 2's dynamics columns (rho, etaStar, lambdaMinA, negativeCountA) at a trained solution agree with the
 * dynamics package run independently on the same trained network's Hessians, and show Sylvester's inertia:
 * exactly n_f negative eigenvalues of A, so etaStar = 0 and rho(T) > 1.
 */
class Fig2DynamicsTest {

    @Test
    void dynamicsColumnsMatchStabilityAnalysisAndSylvestersInertia() {
        Fig2Spec spec = Fig2Spec.read(Path.of("specs/experiments/fig2-quick.json"));
        CnnProtocol protocol = spec.protocol();
        int d = spec.dimensions().get(1);
        double mu = spec.signalNorms().get(0);
        double[] m = Fig2Repeat.run(protocol, d, mu, spec.seed(), 0, true);
        SpanGeometry geometry = SpanGeometry.sample(Fig2Repeat.stream(spec.seed(), d, mu, 0, Fig2Repeat.Component.DATA),
                d, mu, protocol);
        SpanCnn trained = SpanCnn.initial(geometry).train(java.util.stream.IntStream.range(0,
                protocol.trainSamples()).toArray(), protocol.epochs(), protocol.learningRate());
        HessianFamily family = CnnHessians.family(trained, protocol.retainSet(), protocol.forgetSet());
        StabilityAnalysis s = StabilityAnalysis.of(family, protocol.unlearning().hyper(), 1);
        assertEquals(s.rho(), m[Fig2Metric.RHO.ordinal()], 1e-9 * s.rho());
        assertEquals(s.etaStar(), m[Fig2Metric.ETA_STAR.ordinal()], 1e-12);
        assertEquals(s.lambdaMinA(), m[Fig2Metric.LAMBDA_MIN_A.ordinal()], 1e-9 * Math.abs(s.lambdaMinA()));
        assertEquals(s.negativeCountA(), m[Fig2Metric.NEGATIVE_COUNT_A.ordinal()]);
        assertEquals(protocol.forgetSamples(), s.negativeCountA(), "Sylvester: exactly n_f negative eigenvalues");
        assertEquals(0.0, s.etaStar(), "the mean step expands at every eta");
        assertTrue(s.rho() > 1.0, "rho(T) at the unlearning hyper-parameters: " + s.rho());
        assertTrue(m[Fig2Metric.ETA7.ordinal()] >= m[Fig2Metric.ETA_COHERENCE_FREE.ordinal()],
                "eta7 >= etaCoherenceFree at the trained solution");
    }
}
