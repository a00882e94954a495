package org.unlearnstability.dynamics;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.FamilyGenerators;
import org.unlearnstability.family.FamilyGenerators.Generated;
import org.unlearnstability.family.FamilyGenerators.Kind;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;

/**
 * Generated cases for the dynamics properties: a family of any kind of {@link FamilyGenerators}, a
 * forget weight (with the end points 0 and 1 weighted up), a batch size over its whole range, and a
 * learning rate eta = scale / max_i lambda_max(H_i) with scale in (0, 4), which covers contracting,
 * critical and expanding regimes. toString names everything needed to reproduce a failure.
 */
final class DynamicsCases {
    private DynamicsCases() {
    }

    /**
     * @param generated the family and its seed
     * @param etaScale eta times max_i lambda_max(H_i)
     * @param alpha the forget weight
     * @param batch B
     * @param sampler the batch sampler
     */
    record Case(Generated generated, double etaScale, double alpha, int batch, BatchSampler sampler) {
        HessianFamily family() {
            return generated.family();
        }

        double eta() {
            double top = 0.0;
            for (Hessian h : family().all()) {
                top = Math.max(top, h.lambdaMax());
            }
            return top > 0.0 ? etaScale / top : etaScale;
        }

        Hyperparameters hyper() {
            return new Hyperparameters(eta(), alpha, batch);
        }

        @Override
        public String toString() {
            return generated + " eta=" + eta() + " (scale " + etaScale + ") alpha=" + alpha + " B=" + batch
                    + " sampler=" + sampler;
        }
    }

    /**
     * Cases where the drift A = (1-alpha) H_R - alpha H_F is likely positive definite on the range, so
     * that etaStar is finite and positive: kinds whose retain Hessians have full rank, alpha < 0.45.
     *
     * @param maxDimension the largest d
     * @param maxSamples the largest n_r, n_f
     * @return cases over both samplers
     */
    static Gen<Case> positiveDriftCases(int maxDimension, int maxSamples) {
        Gen<Kind> kinds = Generate.pick(List.of(Kind.DENSE, Kind.DIAGONAL, Kind.MIXED, Kind.IDENTICAL));
        Gen<Generated> families = kinds.zip(Generate.longRange(0, Long.MAX_VALUE),
                (kind, seed) -> FamilyGenerators.generate(kind, seed, maxDimension, maxSamples));
        Gen<Double> alphas = SourceDSL.doubles().between(0.0, 0.45).mix(Generate.pick(List.of(0.0)), 10);
        return combine(families, alphas);
    }

    /**
     * @param maxDimension the largest d
     * @param maxSamples the largest n_r, n_f
     * @return cases over both samplers
     */
    static Gen<Case> cases(int maxDimension, int maxSamples) {
        Gen<Generated> families = FamilyGenerators.families(maxDimension, maxSamples);
        Gen<Double> alphas = SourceDSL.doubles().between(0.0, 1.0).mix(Generate.pick(List.of(0.0, 1.0, 0.5)), 20);
        return combine(families, alphas);
    }

    private static Gen<Case> combine(Gen<Generated> families, Gen<Double> alphas) {
        Gen<Double> scales = SourceDSL.doubles().between(0.01, 4.0);
        Gen<Long> batches = Generate.longRange(0, Long.MAX_VALUE);
        Gen<BatchSampler> samplers = Generate.enumValues(BatchSampler.class);
        return families.zip(scales, alphas, batches, (g, scale, alpha, b) -> {
            int limit = Math.min(g.family().nRetain(), g.family().nForget());
            return new Case(g, scale, alpha, 1 + (int) (b % limit), BatchSampler.BERNOULLI);
        }).zip(samplers, (c, sampler) -> new Case(c.generated(), c.etaScale(), c.alpha(), c.batch(), sampler));
    }
}
