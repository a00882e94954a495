package org.unlearnstability.experiment.fig2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.unlearnstability.cnn.CnnHessians;
import org.unlearnstability.cnn.CnnProtocol;
import org.unlearnstability.cnn.FreshSamples;
import org.unlearnstability.cnn.GradientEmbedding;
import org.unlearnstability.cnn.MembershipInference;
import org.unlearnstability.cnn.RankOneCoherence;
import org.unlearnstability.cnn.SpanCnn;
import org.unlearnstability.cnn.SpanGeometry;
import org.unlearnstability.cnn.Theorem24Bounds;
import org.unlearnstability.cnn.UnlearningSchedule;
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
public final class Fig2Repeat {
    /** The repeats of a cell on which the exact dynamics (the {@link Fig2Metric#sampled()} metrics) are computed. */
    public static final int DYNAMICS_REPEATS = 2;

    private Fig2Repeat() {
    }

    /** The random streams of a repeat; the ordinal is the stream's last address component. */
    public enum Component {
        /** The training samples and W0. */
        DATA,
        /** The unlearning batches. */
        SCHEDULE,
        /** The fresh test samples. */
        TEST
    }

    /**
     * @param seed the experiment seed
     * @param d the patch dimension
     * @param muNorm ||mu||
     * @param repeat the repeat index
     * @param component which stream
     * @return the stream
     */
    public static UniformRandomProvider stream(long seed, int d, double muNorm, int repeat, Component component) {
        return RandomStreams.stream(seed, d, Double.doubleToLongBits(muNorm), repeat, component.ordinal());
    }

    /**
     * @param protocol the protocol
     * @param d the patch dimension
     * @param muNorm ||mu||
     * @param seed the experiment seed
     * @param repeat the repeat index
     * @param coherence whether to run the coherence analysis (else its metrics are NaN)
     * @return the metrics, indexed by {@link Fig2Metric#ordinal()}
     */
    public static double[] run(CnnProtocol protocol, int d, double muNorm, long seed, int repeat, boolean coherence) {
        SpanGeometry geometry = SpanGeometry.sample(stream(seed, d, muNorm, repeat, Component.DATA), d, muNorm,
                protocol);
        UnlearningSchedule schedule = UnlearningSchedule.of(protocol,
                stream(seed, d, muNorm, repeat, Component.SCHEDULE));
        return run(protocol, geometry, schedule, stream(seed, d, muNorm, repeat, Component.TEST), coherence, muNorm,
                coherence && repeat < DYNAMICS_REPEATS);
    }

    /**
     * @param protocol the protocol
     * @param geometry the data and W0
     * @param schedule the unlearning batches
     * @param test the test stream
     * @param coherence whether to run the coherence analysis
     * @param muNorm ||mu|| (for the SNR)
     * @return the metrics, indexed by {@link Fig2Metric#ordinal()}
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
     * @param dynamics whether to run the exact linearised dynamics too (the {@link Fig2Metric#sampled()} metrics)
     * @return the metrics, indexed by {@link Fig2Metric#ordinal()}
     */
    static double[] run(CnnProtocol protocol, SpanGeometry geometry, UnlearningSchedule schedule,
            UniformRandomProvider test, boolean coherence, double muNorm, boolean dynamics) {
        double[] m = new double[Fig2Metric.values().length];
        Arrays.fill(m, Double.NaN);
        int[] all = IntStream.range(0, protocol.trainSamples()).toArray();
        int[] forget = protocol.forgetSet();
        int[] retain = protocol.retainSet();
        SpanCnn initial = SpanCnn.initial(geometry);
        SpanCnn trained = initial.train(all, protocol.epochs(), protocol.learningRate());
        SpanCnn unlearned = trained.unlearn(schedule, protocol.unlearning());
        SpanCnn retrained = initial.train(retain, protocol.epochs(), protocol.learningRate());
        FreshSamples fresh = FreshSamples.evaluate(test, List.of(trained, unlearned), protocol.testSamples(),
                protocol.noiseSigma());
        set(m, Fig2Metric.TRAIN_LOSS, trained.meanLoss(all));
        set(m, Fig2Metric.TRAIN_ERROR, trained.errorRate(all));
        set(m, Fig2Metric.TEST_ERROR, fresh.errorRate(0));
        set(m, Fig2Metric.FORGET_LOSS_BEFORE, trained.meanLoss(forget));
        set(m, Fig2Metric.FORGET_LOSS_AFTER, unlearned.meanLoss(forget));
        set(m, Fig2Metric.FORGET_LOSS_INCREASE, unlearned.meanLoss(forget) - trained.meanLoss(forget));
        set(m, Fig2Metric.RETAIN_LOSS_AFTER, unlearned.meanLoss(retain));
        set(m, Fig2Metric.RETAIN_ERROR_AFTER, unlearned.errorRate(retain));
        set(m, Fig2Metric.TEST_ERROR_AFTER, fresh.errorRate(1));
        set(m, Fig2Metric.RETRAIN_FORGET_LOSS, retrained.meanLoss(forget));
        set(m, Fig2Metric.RETRAIN_GAP, unlearned.meanLoss(forget) - retrained.meanLoss(forget));
        set(m, Fig2Metric.MIA_AUC_BEFORE, MembershipInference.auc(losses(trained, forget), fresh.losses()[0]));
        set(m, Fig2Metric.MIA_AUC_AFTER, MembershipInference.auc(losses(unlearned, forget), fresh.losses()[1]));
        double snr = protocol.snr(geometry.dimension(), muNorm);
        set(m, Fig2Metric.SNR, snr);
        if (coherence) {
            double[][] gram = CnnHessians.factorGram(trained, protocol.retainThenForget());
            coherence(m, protocol, gram, geometry.dimension(), snr, dynamics);
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
        set(m, Fig2Metric.SIGMA, analysis.sigma());
        set(m, Fig2Metric.SIGMA_SINGLE_RETAIN, analysis.retainSingle().sigma());
        set(m, Fig2Metric.SIGMA_SINGLE_FORGET, analysis.forgetSingle().sigma());
        set(m, Fig2Metric.LAMBDA_MAX_S, analysis.lambdaMaxS().estimate());
        set(m, Fig2Metric.MAX_LAMBDA_MAX_DRF, analysis.maxLambdaMaxDrf());
        set(m, Fig2Metric.LAMBDA_MAX_D, analysis.lambdaMaxD());
        set(m, Fig2Metric.THRESHOLD7, thresholds.threshold7());
        set(m, Fig2Metric.THRESHOLD8, thresholds.threshold8());
        set(m, Fig2Metric.CONDITION7, thresholds.condition7() ? 1.0 : 0.0);
        set(m, Fig2Metric.CONDITION8, thresholds.condition8() ? 1.0 : 0.0);
        set(m, Fig2Metric.BOUND10_RATIO, analysis.lambdaMaxS().estimate() / bounds.bound10());
        set(m, Fig2Metric.BOUND11_RATIO, analysis.maxLambdaMaxDrf() / bounds.bound11());
        set(m, Fig2Metric.SIGMA_OVER_PAIRS, analysis.sigma() / ((double) nRetain * nForget));
        set(m, Fig2Metric.ETA_COHERENCE_FREE, thresholds.etaCoherenceFree());
        set(m, Fig2Metric.ETA7, thresholds.eta7());
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
        set(m, Fig2Metric.RHO, stability.rho());
        set(m, Fig2Metric.ETA_STAR, stability.etaStar());
        set(m, Fig2Metric.LAMBDA_MIN_A, stability.lambdaMinA());
        set(m, Fig2Metric.NEGATIVE_COUNT_A, stability.negativeCountA());
    }

    private static void set(double[] m, Fig2Metric metric, double value) {
        m[metric.ordinal()] = value;
    }
}
