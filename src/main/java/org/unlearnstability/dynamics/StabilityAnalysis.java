package org.unlearnstability.dynamics;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.units.Curvature;
import org.unlearnstability.definitions.units.InverseCurvature;
import org.unlearnstability.definitions.units.Units;
import org.unlearnstability.family.HessianFamily;

/**
 * Everything section 2.1 and Lemma 2.1 say about one family at one choice of hyper-parameters, for
 * the Bernoulli batches of the paper: ||J||, rho(T) on the range of sum_i H_i, etaStar, whether a
 * common null space exists, and the Lemma 2.1 sequences for k = 1..K beside the exact mean square.
 * The component names are the keys of the {@code analyze} output. Units: etaStar is a learning rate (inverse
 * curvature), lambdaMinA a curvature; ||J||, rho and the Lemma 2.1 traces are dimensionless.
 *
 * @param normJ ||J||, the spectral norm of the mean update matrix on R^d
 * @param rho rho(T) on the range (see {@link SpectralRadius})
 * @param etaStar the critical learning rate at this alpha and B (see {@link CriticalLearningRate})
 * @param nullSpace whether the Hessians share a nonzero null space
 * @param lambdaMinA the smallest eigenvalue on R^d of the drift A = (1-alpha) H_R - alpha H_F, where J = I - eta A
 *     (0 when a common null space exists and A has no negative eigenvalue)
 * @param negativeCountA how many eigenvalues of A are negative: each is a direction in which the mean step alone
 *     expands for every eta &gt; 0, so that etaStar = 0 when the count is positive
 * @param exactMeanSquare E||w_k||^2 = Tr(T^k(I))
 * @param traceN Tr(N_k)
 * @param traceJ2k Tr(J^{2k})
 * @param traceM Tr(M_k) = Tr(J^{2k}) + Tr(N_k)
 * @param lemma21UpperBound the printed bound of Lemma 2.1 part 2 (null entries when ||J|| >= 1)
 */
public record StabilityAnalysis(double normJ, double rho, @InverseCurvature double etaStar, boolean nullSpace,
        @Curvature double lambdaMinA, int negativeCountA,
        double[] exactMeanSquare, double[] traceN, double[] traceJ2k, double[] traceM,
        @Nullable Double[] lemma21UpperBound) {

    /** The default K of {@code analyze --steps}. */
    public static final int DEFAULT_STEPS = 5;

    /**
     * @param family the family
     * @param hyper eta, alpha, B (B at most min(n_r, n_f))
     * @param steps K >= 1
     * @return the analysis
     */
    public static StabilityAnalysis of(HessianFamily family, Hyperparameters hyper, int steps) {
        hyper.requireFits(family);
        ReducedFamily reduced = ReducedFamily.of(family, hyper.alpha());
        SpectralRadius rho = MeanSquareOperator.of(reduced, hyper, BatchSampler.BERNOULLI).rho();
        CriticalLearningRate critical = CriticalLearningRate.of(reduced, hyper.batch(), BatchSampler.BERNOULLI);
        Lemma21 lemma = Lemma21.compute(reduced, hyper, steps);
        DriftSpectrum drift = DriftSpectrum.of(reduced);
        return new StabilityAnalysis(lemma.normJ(), rho.rho(), Units.learningRate(critical.etaStar()), rho.nullSpace(),
                drift.lambdaMin(), drift.negativeCount(),
                lemma.exactMeanSquare(), lemma.traceN(), lemma.traceJ2k(), lemma.traceM(), lemma.lemma21UpperBound());
    }
}
