package org.unlearnstability.coherence;

import java.io.Serializable;
import java.util.function.Function;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.MixHessianWeights;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.definitions.units.Curvature;
import org.unlearnstability.definitions.units.Units;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.HessianCombination;

/**
 * Every static quantity of section 2.2 for one family and one choice of (alpha, B): the noise
 * constants of Definition 2, the mix-Hessian D (eq. (5)), lambda_max(S) of the mix-coherence
 * matrix (Definition 3) with a certified bracket, max lambda_max(D_rf), the unlearning coherence
 * sigma (Definition 4) and the single-set coherences (Definition 1) of both sets.
 *
 * <p>None of these depends on eta: C_r and C_f scale with eta^2 but enter only through their
 * normalised square roots C_r', C_f'.
 *
 * <p>Units: lambda_max(S), max lambda_max(D_rf) and lambda_max(D) are curvatures; sigma is dimensionless.
 *
 * @param noise C_r, C_f, C_r', C_f' at the given hyper-parameters
 * @param lambdaMaxS lambda_max(S) with its bracket
 * @param maxLambdaMaxDrf max over pairs of lambda_max(D_rf)
 * @param sigma lambda_max(S) / max lambda_max(D_rf) (NaN when every D_rf vanishes)
 * @param retainSingle Definition 1 on the retain set
 * @param forgetSingle Definition 1 on the forget set
 * @param lambdaMaxD lambda_max(D), D = C_r' H_R + C_f' H_F
 * @param lambdaMaxSMethod how the bracket of lambda_max(S) was obtained
 */
public record CoherenceAnalysis(
        NoiseConstants noise,
        CertifiedEigenvalue lambdaMaxS,
        @Curvature double maxLambdaMaxDrf,
        double sigma,
        SingleSetCoherence retainSingle,
        SingleSetCoherence forgetSingle,
        @Curvature double lambdaMaxD,
        MixCoherenceBracket.Method lambdaMaxSMethod) implements Serializable {
    private static final long serialVersionUID = 1L;


    /**
     * An analysis whose bracket of lambda_max(S) came from exact products alone.
     *
     * @param noise C_r, C_f, C_r', C_f'
     * @param lambdaMaxS lambda_max(S) with its bracket
     * @param maxLambdaMaxDrf max over pairs of lambda_max(D_rf)
     * @param sigma lambda_max(S) / max lambda_max(D_rf)
     * @param retainSingle Definition 1 on the retain set
     * @param forgetSingle Definition 1 on the forget set
     * @param lambdaMaxD lambda_max(D)
     */
    public CoherenceAnalysis(NoiseConstants noise, CertifiedEigenvalue lambdaMaxS, @Curvature double maxLambdaMaxDrf,
            double sigma, SingleSetCoherence retainSingle, SingleSetCoherence forgetSingle,
            @Curvature double lambdaMaxD) {
        this(noise, lambdaMaxS, maxLambdaMaxDrf, sigma, retainSingle, forgetSingle, lambdaMaxD,
                MixCoherenceBracket.Method.EXACT);
    }

    /**
     * @param family the family
     * @param hyper the hyper-parameters (B must fit the family)
     * @return the analysis
     */
    public static CoherenceAnalysis of(HessianFamily family, Hyperparameters hyper) {
        return of(FamilyGeometry.of(family), hyper);
    }

    /**
     * @param geometry a precomputed family geometry (reuse it across hyper-parameters)
     * @param hyper the hyper-parameters (B must fit the family)
     * @return the analysis
     */
    public static CoherenceAnalysis of(FamilyGeometry geometry, Hyperparameters hyper) {
        return of(geometry, hyper, s -> MixCoherenceBracket.exactFrom(s, null));
    }

    /**
     * The analysis with lambda_max(S) bracketed to a requested relative width at the least cost: structured
     * bounds first, exact products only as far as needed ({@link MixCoherenceBracket}).
     *
     * @param geometry a precomputed family geometry
     * @param hyper the hyper-parameters (B must fit the family)
     * @param sigmaWidth the requested relative width of the bracket of lambda_max(S) (and so of sigma)
     * @return the analysis
     */
    public static CoherenceAnalysis of(FamilyGeometry geometry, Hyperparameters hyper, double sigmaWidth) {
        return of(geometry, hyper, s -> MixCoherenceBracket.of(s, sigmaWidth, MixCoherenceBracket.EXACT_PAIRS_LIMIT));
    }

    /**
     * @param geometry a precomputed family geometry
     * @param hyper the hyper-parameters (B must fit the family)
     * @param solver brackets lambda_max(S) (for example warm-started from a nearby S, as frontier cells are)
     * @return the analysis
     */
    public static CoherenceAnalysis of(FamilyGeometry geometry, Hyperparameters hyper,
            Function<MixCoherenceMatrix, MixCoherenceBracket> solver) {
        HessianFamily family = geometry.family();
        hyper.requireFits(family);
        NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
        double a = noise.cRPrime();
        double b = noise.cFPrime();
        MixCoherenceBracket bracket = solver.apply(new MixCoherenceMatrix(geometry, a, b));
        CertifiedEigenvalue lambdaS = bracket.value();
        @Curvature double maxDrf = Units.curvature(PairMixHessians.maxLambdaMax(geometry, a, b));
        double sigma = maxDrf == 0.0 ? Double.NaN : Units.curvature(lambdaS.estimate()) / maxDrf;
        return new CoherenceAnalysis(noise, lambdaS, maxDrf, sigma, SingleSetCoherence.retain(geometry),
                SingleSetCoherence.forget(geometry), Units.curvature(mixHessian(family, a, b).lambdaMax()),
                bracket.method());
    }


    /**
     * The mix-Hessian of eq. (5): (1/(n_r n_f)) sum_{r,f} D_rf = C_r' H_R + C_f' H_F.
     *
     * @param family the family
     * @param a C_r'
     * @param b C_f'
     * @return D
     */
    public static Hessian mixHessian(HessianFamily family, double a, double b) {
        return HessianCombination.of(MixHessianWeights.of(family, a, b), family.all());
    }

    /** @return the certified bracket of sigma, [lower, upper] of lambda_max(S) over max lambda_max(D_rf) */
    public double[] sigmaBracket() {
        return new double[] {Units.curvature(lambdaMaxS.lower()) / maxLambdaMaxDrf,
            Units.curvature(lambdaMaxS.upper()) / maxLambdaMaxDrf};
    }
}
