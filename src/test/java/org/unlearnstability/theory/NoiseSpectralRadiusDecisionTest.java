package org.unlearnstability.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;

/** The early decision of the noise map's lower bound gives the answer of the full power iteration. */
class NoiseSpectralRadiusDecisionTest {

    @Test
    void earlyDecisionAgreesWithTheFullIterationAtThresholdsNearAndFarFromTheLowerBound() {
        int decided = 0;
        for (int seed = 0; seed < 150; seed++) {
            UniformRandomProvider rng = RandomStreams.stream(seed);
            int d = 1 + rng.nextInt(4);
            HessianFamily family = new HessianFamily(hessians(rng, d, 1 + rng.nextInt(4)),
                    hessians(rng, d, 1 + rng.nextInt(4)));
            int limit = Math.min(family.nRetain(), family.nForget());
            Hyperparameters hyper = new Hyperparameters(0.05 + 2 * rng.nextDouble(), rng.nextDouble(),
                    1 + rng.nextInt(limit));
            double lower = NoiseSpectralRadius.of(family, hyper).lower();
            double[] thresholds = {1 + ClaimCheck.TOLERANCE, lower, lower * (1 + 1e-3), lower * (1 - 1e-3),
                lower * (1 + 1e-7), lower * (1 - 1e-7), lower * (1 + 1e-9), lower * (1 - 1e-9), lower * (1 + 1e-13),
                lower * (1 - 1e-13)};
            for (double t : thresholds) {
                if (t > 0.0) {
                    assertEquals(lower > t, NoiseSpectralRadius.lowerExceeds(family, hyper, t),
                            "seed " + seed + ", threshold " + t + ", lower " + lower);
                    decided++;
                }
            }
        }
        assertEquals(true, decided > 500, "too few cases with a positive lower bound: " + decided);
    }

    private static List<Hessian> hessians(UniformRandomProvider rng, int d, int n) {
        List<Hessian> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            double[][] g = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    g[i][j] = RandomStreams.gaussian(rng) / Math.sqrt(d);
                }
            }
            double[][] h = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < d; k++) {
                        h[i][j] += g[i][k] * g[j][k];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    h[i][j] = h[j][i];
                }
            }
            out.add(DenseHessian.of(h));
        }
        return out;
    }
}
