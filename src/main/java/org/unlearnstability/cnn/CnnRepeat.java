package org.unlearnstability.cnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.StabilityAnalysis;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;
import org.unlearnstability.theory.StabilityThresholds;

/**
 * One repeat of the experiment of section 3.2 at a grid point (d, ||mu||): train on n samples of
 * Definition 5 by full-batch gradient descent, measure train/test error and losses, analyse the
 * per-sample Hessians at the trained solution (Definitions 1-4, Theorems 2.2-2.4), unlearn the
 * first n_f samples with update (2), retrain from W0 on the retain set, and measure again.
 *
 * <p>Random streams are addressed by (seed, d, ||mu||, repeat, component) with components data,
 * schedule and test, so a repeat does not depend on the grid around it or on thread order, and
 * changing sigma0 keeps the data, schedule and test samples.
 */
public final class CnnRepeat {
    private static final int DATA = 0;
    private static final int SCHEDULE = 1;
    private static final int TEST = 2;
    /** The repeats of a cell on which the exact dynamics (the {@link CnnMetric#sampled()} metrics) are computed. */
    public static final int DYNAMICS_REPEATS = 2;

    private CnnRepeat() {
    }

    /**
     * @param seed the experiment seed
     * @param d the patch dimension
     * @param muNorm ||mu||
     * @param repeat the repeat index
     * @param component 0 data, 1 schedule, 2 test
     * @return the stream
     */
    static UniformRandomProvider stream(long seed, int d, double muNorm, int repeat, int component) {
        return RandomStreams.stream(seed, d, Double.doubleToLongBits(muNorm), repeat, component);
    }

    /**
     * @param protocol the protocol
     * @param d the patch dimension
     * @param muNorm ||mu||
     * @param seed the experiment seed
     * @param repeat the repeat index
     * @param coherence whether to run the coherence analysis (else its metrics are NaN)
     * @return the metrics, indexed by {@link CnnMetric#ordinal()}
     */
    public static double[] run(CnnProtocol protocol, int d, double muNorm, long seed, int repeat, boolean coherence) {
        SpanGeometry geometry = SpanGeometry.sample(stream(seed, d, muNorm, repeat, DATA), d, muNorm, protocol);
        UnlearningSchedule schedule = schedule(protocol, stream(seed, d, muNorm, repeat, SCHEDULE));
        return run(protocol, geometry, schedule, stream(seed, d, muNorm, repeat, TEST), coherence, muNorm,
                coherence && repeat < DYNAMICS_REPEATS);
    }

    /**
     * @param protocol the protocol
     * @param rng the schedule stream
     * @return the unlearning batches for the protocol's forget/retain split
     */
    public static UnlearningSchedule schedule(CnnProtocol protocol, UniformRandomProvider rng) {
        UnlearningProtocol u = protocol.unlearning();
        return UnlearningSchedule.sample(rng, retain(protocol), forget(protocol), u.batch(), u.steps());
    }

    /** @return the forget set, samples 0..n_f-1 */
    static int[] forget(CnnProtocol protocol) {
        return IntStream.range(0, protocol.forgetSamples()).toArray();
    }

    /** @return the retain set, samples n_f..n-1 */
    static int[] retain(CnnProtocol protocol) {
        return IntStream.range(protocol.forgetSamples(), protocol.trainSamples()).toArray();
    }

    /**
     * @param protocol the protocol
     * @param geometry the data and W0
     * @param schedule the unlearning batches
     * @param test the test stream
     * @param coherence whether to run the coherence analysis
     * @param muNorm ||mu|| (for the SNR)
     * @return the metrics, indexed by {@link CnnMetric#ordinal()}
     */
    public static double[] run(CnnProtocol protocol, SpanGeometry geometry, UnlearningSchedule schedule,
            UniformRandomProvider test, boolean coherence, double muNorm) {
        return run(protocol, geometry, schedule, test, coherence, muNorm, false);
    }

    /**
     * @param protocol the protocol
     * @param geometry the data and W0
     * @param schedule the unlearning batches
     * @param test the test stream
     * @param coherence whether to run the coherence analysis
     * @param muNorm ||mu|| (for the SNR)
     * @param dynamics whether to run the exact linearised dynamics too (the {@link CnnMetric#sampled()} metrics)
     * @return the metrics, indexed by {@link CnnMetric#ordinal()}
     */
    static double[] run(CnnProtocol protocol, SpanGeometry geometry, UnlearningSchedule schedule,
            UniformRandomProvider test, boolean coherence, double muNorm, boolean dynamics) {
        double[] m = new double[CnnMetric.values().length];
        Arrays.fill(m, Double.NaN);
        int[] all = IntStream.range(0, protocol.trainSamples()).toArray();
        int[] forget = forget(protocol);
        int[] retain = retain(protocol);
        SpanCnn initial = SpanCnn.initial(geometry);
        SpanCnn trained = initial.train(all, protocol.epochs(), protocol.learningRate());
        SpanCnn unlearned = trained.unlearn(schedule, protocol.unlearning());
        SpanCnn retrained = initial.train(retain, protocol.epochs(), protocol.learningRate());
        FreshSamples fresh = FreshSamples.evaluate(test, List.of(trained, unlearned), protocol.testSamples(),
                protocol.noiseSigma());
        set(m, CnnMetric.TRAIN_LOSS, trained.meanLoss(all));
        set(m, CnnMetric.TRAIN_ERROR, trained.errorRate(all));
        set(m, CnnMetric.TEST_ERROR, fresh.errorRate(0));
        set(m, CnnMetric.FORGET_LOSS_BEFORE, trained.meanLoss(forget));
        set(m, CnnMetric.FORGET_LOSS_AFTER, unlearned.meanLoss(forget));
        set(m, CnnMetric.FORGET_LOSS_INCREASE, unlearned.meanLoss(forget) - trained.meanLoss(forget));
        set(m, CnnMetric.RETAIN_LOSS_AFTER, unlearned.meanLoss(retain));
        set(m, CnnMetric.RETAIN_ERROR_AFTER, unlearned.errorRate(retain));
        set(m, CnnMetric.TEST_ERROR_AFTER, fresh.errorRate(1));
        set(m, CnnMetric.RETRAIN_FORGET_LOSS, retrained.meanLoss(forget));
        set(m, CnnMetric.RETRAIN_GAP, unlearned.meanLoss(forget) - retrained.meanLoss(forget));
        set(m, CnnMetric.MIA_AUC_BEFORE, MembershipInference.auc(losses(trained, forget), fresh.losses()[0]));
        set(m, CnnMetric.MIA_AUC_AFTER, MembershipInference.auc(losses(unlearned, forget), fresh.losses()[1]));
        double snr = protocol.snr(geometry.dimension(), muNorm);
        set(m, CnnMetric.SNR, snr);
        if (coherence) {
            coherence(m, protocol, CnnHessians.factorGram(trained, concat(retain, forget)), geometry.dimension(), snr,
                    dynamics);
        }
        return m;
    }

    private static double[] losses(SpanCnn net, int[] samples) {
        double[] losses = new double[samples.length];
        for (int s = 0; s < samples.length; s++) {
            losses[s] = net.loss(samples[s]);
        }
        return losses;
    }

    static int[] concat(int[] first, int[] second) {
        int[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /**
     * The coherence quantities of the rank-one Hessians h_i h_i^T at the trained solution, from the
     * factor Gram K (retain first) by {@link RankOneCoherence}, which matches the core's
     * {@code CoherenceAnalysis.of} on the same Hessians (see the tests) at a fraction of the cost.
     */
    private static void coherence(double[] m, CnnProtocol protocol, double[][] k, int d, double snr,
            boolean dynamics) {
        Hyperparameters hyper = protocol.unlearning().hyper();
        int nRetain = protocol.retainSamples();
        int nForget = protocol.forgetSamples();
        CoherenceAnalysis analysis = RankOneCoherence.of(k, nRetain, hyper);
        StabilityThresholds thresholds = StabilityThresholds.of(analysis, hyper, nRetain, nForget);
        Theorem24Bounds bounds = Theorem24Bounds.of(analysis.noise(), nRetain, nForget, d, protocol.noiseSigma(), snr);
        set(m, CnnMetric.SIGMA, analysis.sigma());
        set(m, CnnMetric.SIGMA_SINGLE_RETAIN, analysis.retainSingle().sigma());
        set(m, CnnMetric.SIGMA_SINGLE_FORGET, analysis.forgetSingle().sigma());
        set(m, CnnMetric.LAMBDA_MAX_S, analysis.lambdaMaxS().estimate());
        set(m, CnnMetric.MAX_LAMBDA_MAX_DRF, analysis.maxLambdaMaxDrf());
        set(m, CnnMetric.LAMBDA_MAX_D, analysis.lambdaMaxD());
        set(m, CnnMetric.THRESHOLD7, thresholds.threshold7());
        set(m, CnnMetric.THRESHOLD8, thresholds.threshold8());
        set(m, CnnMetric.CONDITION7, thresholds.condition7() ? 1.0 : 0.0);
        set(m, CnnMetric.CONDITION8, thresholds.condition8() ? 1.0 : 0.0);
        set(m, CnnMetric.BOUND10_RATIO, analysis.lambdaMaxS().estimate() / bounds.bound10());
        set(m, CnnMetric.BOUND11_RATIO, analysis.maxLambdaMaxDrf() / bounds.bound11());
        set(m, CnnMetric.SIGMA_OVER_PAIRS, analysis.sigma() / ((double) nRetain * nForget));
        set(m, CnnMetric.ETA_COHERENCE_FREE, thresholds.etaCoherenceFree());
        set(m, CnnMetric.ETA7, thresholds.eta7());
        if (dynamics) {
            dynamics(m, k, nRetain, hyper);
        }
    }

    /**
     * The exact linearised dynamics at the trained solution and the unlearning hyper-parameters: the rank-one
     * Hessians h_i h_i^T embedded isometrically in R^n ({@link GradientEmbedding}; T's spectrum and A's inertia
     * are unchanged by the embedding), analysed by the dynamics package.
     */
    private static void dynamics(double[] m, double[][] k, int nRetain, Hyperparameters hyper) {
        double[][] v = GradientEmbedding.of(k);
        List<Hessian> retain = new ArrayList<>();
        List<Hessian> forget = new ArrayList<>();
        for (int s = 0; s < v.length; s++) {
            (s < nRetain ? retain : forget).add(FactorHessian.rankOne(v[s]));
        }
        StabilityAnalysis stability = StabilityAnalysis.of(new HessianFamily(retain, forget), hyper, 1);
        set(m, CnnMetric.RHO, stability.rho());
        set(m, CnnMetric.ETA_STAR, stability.etaStar());
        set(m, CnnMetric.LAMBDA_MIN_A, stability.lambdaMinA());
        set(m, CnnMetric.NEGATIVE_COUNT_A, stability.negativeCountA());
    }

    private static void set(double[] m, CnnMetric metric, double value) {
        m[metric.ordinal()] = value;
    }
}
