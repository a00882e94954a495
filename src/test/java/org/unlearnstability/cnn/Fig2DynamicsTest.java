package org.unlearnstability.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
        double[] m = CnnRepeat.run(protocol, d, mu, spec.seed(), 0, true);
        SpanGeometry geometry = SpanGeometry.sample(CnnRepeat.stream(spec.seed(), d, mu, 0, 0), d, mu, protocol);
        SpanCnn trained = SpanCnn.initial(geometry).train(java.util.stream.IntStream.range(0,
                protocol.trainSamples()).toArray(), protocol.epochs(), protocol.learningRate());
        HessianFamily family = CnnHessians.family(trained, CnnRepeat.retain(protocol), CnnRepeat.forget(protocol));
        StabilityAnalysis s = StabilityAnalysis.of(family, protocol.unlearning().hyper(), 1);
        assertEquals(s.rho(), m[CnnMetric.RHO.ordinal()], 1e-9 * s.rho());
        assertEquals(s.etaStar(), m[CnnMetric.ETA_STAR.ordinal()], 1e-12);
        assertEquals(s.lambdaMinA(), m[CnnMetric.LAMBDA_MIN_A.ordinal()], 1e-9 * Math.abs(s.lambdaMinA()));
        assertEquals(s.negativeCountA(), m[CnnMetric.NEGATIVE_COUNT_A.ordinal()]);
        assertEquals(protocol.forgetSamples(), s.negativeCountA(), "Sylvester: exactly n_f negative eigenvalues");
        assertEquals(0.0, s.etaStar(), "the mean step expands at every eta");
        assertTrue(s.rho() > 1.0, "rho(T) at the unlearning hyper-parameters: " + s.rho());
        assertTrue(m[CnnMetric.ETA7.ordinal()] >= m[CnnMetric.ETA_COHERENCE_FREE.ordinal()],
                "eta7 >= etaCoherenceFree at the trained solution");
    }
}
