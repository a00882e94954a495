package org.unlearnstability.experiment.fig3;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.util.FastMath;
import org.unlearnstability.cnn.MembershipInference;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.dynamics.SimulationConfig;
import org.unlearnstability.dynamics.SimulationResult;
import org.unlearnstability.dynamics.UnlearningSimulation;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.rng.RandomStreams;

/**
 * The computation behind Figure 3: the task, w_0 and the clean model are built once; then every cell (forget kind,
 * size) is independent ({@link #cell}) and draws only from streams addressed by the cell, so cells may run in any
 * order on any number of threads.
 */
public final class Fig3Computation implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Fig3Spec spec;
    private final BinaryTask task;
    private final ReluMlp net;
    private final LogisticTraining training;
    private final double[] initial;
    private final LogisticTraining.Trained clean;
    private final GaussNewtonFactors cleanFactors;
    private final Map<ForgetKind, int[]> orders = new EnumMap<>(ForgetKind.class);

    /**
     * Builds the task, trains the clean model and orders the training positions of every forget kind.
     *
     * @param spec the spec
     * @param data the digits
     */
    public Fig3Computation(Fig3Spec spec, DigitsData data) {
        this.spec = spec;
        this.task = BinaryTask.of(data, spec.positiveDigit(), spec.negativeDigit(), spec.trainSize(),
                BinaryTask.splitStream(spec.seed()));
        this.net = new ReluMlp(DigitsData.PIXELS, spec.hidden());
        this.training = new LogisticTraining(net, spec.learningRate(), spec.lossTarget(), spec.maxTrainSteps());
        this.initial = net.initial(RandomStreams.stream(spec.seed(), Fig3Streams.INIT));
        this.clean = training.train(initial, task.x(), task.labels(), task.train());
        this.cleanFactors = GaussNewtonFactors.at(net, clean.weights(), task.x(), task.labels(), task.train());
        int n = task.train().length;
        int[] trainLabels = new int[n];
        double[] margins = new double[n];
        for (int s = 0; s < n; s++) {
            int i = task.train()[s];
            trainLabels[s] = task.labels()[i];
            margins[s] = trainLabels[s] * net.logit(clean.weights(), task.x()[i]);
        }
        int oneClassLabel = spec.oneClassDigit() == spec.positiveDigit() ? 1 : -1;
        for (ForgetKind kind : ForgetKind.values()) {
            int[] permutation = BinaryTask.permutation(
                    RandomStreams.stream(spec.seed(), Fig3Streams.FORGET, kind.ordinal()), n);
            orders.put(kind, kind.order(permutation, trainLabels, oneClassLabel, margins));
        }
    }

    /** @return the task */
    public BinaryTask task() {
        return task;
    }

    /** @return the network */
    public ReluMlp net() {
        return net;
    }

    /** @return the clean model */
    public LogisticTraining.Trained clean() {
        return clean;
    }

    /**
     * @param kind a forget kind
     * @param size n_f
     * @return the training positions of that forget set
     */
    public int[] forgetPositions(ForgetKind kind, int size) {
        int[] order = orders.get(kind);
        if (order == null) {
            throw new IllegalStateException("no order for forget kind " + kind);
        }
        return ForgetKind.select(size, order);
    }

    /**
     * @param kind a forget kind
     * @param size n_f
     * @return the training labels of that cell: the true ones, flipped on a mislabelled forget set
     */
    public int[] trainingLabels(ForgetKind kind, int size) {
        int[] labels = task.labels().clone();
        if (kind == ForgetKind.MISLABELLED) {
            for (int s : forgetPositions(kind, size)) {
                int i = task.train()[s];
                labels[i] = -labels[i];
            }
        }
        return labels;
    }

    /**
     * @param kind a forget kind
     * @param size n_f
     * @return the cell: its model, the linear theory at w*, and per learning rate prediction and observation
     */
    public Fig3Cell cell(ForgetKind kind, int size) {
        int[] positions = forgetPositions(kind, size);
        int[] labels = trainingLabels(kind, size);
        LogisticTraining.Trained model = kind.ownModel() ? training.train(initial, task.x(), labels, task.train())
                : clean;
        GaussNewtonFactors factors = kind.ownModel()
                ? GaussNewtonFactors.at(net, model.weights(), task.x(), labels, task.train()) : cleanFactors;
        int[] forget = new int[size];
        boolean[] isForget = new boolean[task.train().length];
        for (int f = 0; f < size; f++) {
            forget[f] = task.train()[positions[f]];
            isForget[positions[f]] = true;
        }
        int[] retain = new int[task.train().length - size];
        for (int s = 0, r = 0; s < isForget.length; s++) {
            if (!isForget[s]) {
                retain[r++] = task.train()[s];
            }
        }
        NetworkUnlearning unlearning = new NetworkUnlearning(net, task.x(), labels, task.labels(), retain, forget,
                task.test());
        HessianFamily family = factors.family(positions);
        LinearTheory theory = LinearTheory.of(family, spec.hyper(spec.etas().get(0)));
        double[] wStar = model.weights();
        double[] forgetLosses = LogisticTraining.losses(net, wStar, task.x(), labels, forget);
        double[] testLosses = LogisticTraining.losses(net, wStar, task.x(), task.labels(), task.test());
        double[][] perturbation = factors.direction(RandomStreams.gaussian(
                RandomStreams.stream(spec.seed(), Fig3Streams.PERTURBATION, kind.ordinal(), size), positions.length
                        + retain.length), spec.perturbation());
        List<Fig3Cell.EtaRun> runs = new ArrayList<>();
        for (int e = 0; e < spec.etas().size(); e++) {
            runs.add(etaRun(kind, size, e, family, theory, unlearning, wStar, perturbation));
        }
        return new Fig3Cell(kind.key(), size, retain.length, model.loss(), model.steps(), unlearning.accuracy(wStar),
                NetworkUnlearning.mean(forgetLosses),
                NetworkUnlearning.mean(LogisticTraining.losses(net, wStar, task.x(), labels, retain)),
                MembershipInference.auc(forgetLosses, testLosses), theory, retrain(unlearning, labels, retain, forget),
                runs);
    }

    private Fig3Cell.Retrain retrain(NetworkUnlearning unlearning, int[] labels, int[] retain, int[] forget) {
        LogisticTraining.Trained model = training.train(initial, task.x(), labels, retain);
        double[] forgetLosses = LogisticTraining.losses(net, model.weights(), task.x(), labels, forget);
        double[] testLosses = LogisticTraining.losses(net, model.weights(), task.x(), task.labels(), task.test());
        return new Fig3Cell.Retrain(model.loss(), model.steps(), NetworkUnlearning.mean(forgetLosses),
                unlearning.accuracy(model.weights()), MembershipInference.auc(forgetLosses, testLosses));
    }

    private Fig3Cell.EtaRun etaRun(ForgetKind kind, int size, int e, HessianFamily family, LinearTheory theory,
            NetworkUnlearning unlearning, double[] wStar, double[][] perturbation) {
        double eta = spec.etas().get(e);
        Hyperparameters hyper = spec.hyper(eta);
        int steps = spec.steps();
        int early = spec.earlySteps();
        long linearSeed = RandomStreams.stream(spec.seed(), Fig3Streams.LINEARISED, kind.ordinal(), size, e).nextLong();
        SimulationConfig config = new SimulationConfig(BatchSampler.BERNOULLI, steps, spec.repeats(),
                spec.divergenceRatio(), linearSeed, 1, early, false);
        SimulationResult linear = UnlearningSimulation.run(family, hyper, config, perturbation[1]);
        double start = spec.perturbation() * spec.perturbation();
        double[] exact = new double[early + 1];
        exact[0] = start;
        System.arraycopy(linear.exactMeanSquare(), 0, exact, 1, early);
        int repeats = spec.repeats();
        double[] separation = new double[steps + 1];
        double[] optimum = new double[steps + 1];
        int points = NetworkUnlearning.checkpoints(steps, spec.evaluateEvery()).length;
        double[] forgetCurve = new double[points];
        double observedRate = 0.0;
        int divergedPerturbed = 0;
        int divergedOptimum = 0;
        double[] log10Ratios = new double[repeats];
        double forgetAfter = 0.0;
        double retainAfter = 0.0;
        double accuracyAfter = 0.0;
        double aucAfter = 0.0;
        double threshold = spec.divergenceRatio() * spec.divergenceRatio() * start;
        for (int r = 0; r < repeats; r++) {
            NetworkUnlearning.Pair pair = unlearning.run(wStar, perturbation[0], hyper, steps, spec.evaluateEvery(),
                    RandomStreams.stream(spec.seed(), Fig3Streams.UNLEARNING, kind.ordinal(), size, e, r));
            NetworkUnlearning.Trace fromOptimum = pair.fromOptimum();
            addScaled(separation, pair.separation(), 1.0 / repeats);
            addScaled(optimum, fromOptimum.squaredDistance(), 1.0 / repeats);
            addScaled(forgetCurve, fromOptimum.forgetLoss(), 1.0 / repeats);
            observedRate += FastMath.log(pair.separation()[steps] / start) / steps / repeats;
            divergedPerturbed += pair.fromPerturbed().squaredDistance()[steps] >= threshold ? 1 : 0;
            double finalOptimum = fromOptimum.squaredDistance()[steps];
            divergedOptimum += finalOptimum >= threshold ? 1 : 0;
            log10Ratios[r] = 0.5 * FastMath.log10(finalOptimum / start);
            int last = fromOptimum.forgetLoss().length - 1;
            forgetAfter += fromOptimum.forgetLoss()[last] / repeats;
            retainAfter += fromOptimum.retainLoss()[last] / repeats;
            accuracyAfter += fromOptimum.testAccuracy()[last] / repeats;
            aucAfter += MembershipInference.auc(fromOptimum.finalForgetLosses(), fromOptimum.finalTestLosses())
                    / repeats;
        }
        double medianLog10Ratio = Fig3Findings.median(Arrays.stream(log10Ratios).boxed().toList());
        return new Fig3Cell.EtaRun(eta, linear.rho().rho(), eta >= theory.eta7(), eta <= theory.eta8(),
                logSlope(exact, early), 2 * linear.lyapunov(), linear.divergedRuns(), logSlope(separation, early),
                observedRate, divergedPerturbed, divergedOptimum, medianLog10Ratio, forgetAfter, retainAfter,
                accuracyAfter, aucAfter, exact, separation, optimum, forgetCurve);
    }

    /**
     * @param values positive values v_0..v_E (at least)
     * @param early E
     * @return the least-squares slope of ln v_k against k over k = 0..E
     */
    static double logSlope(double[] values, int early) {
        double meanK = early / 2.0;
        double meanLog = 0.0;
        for (int k = 0; k <= early; k++) {
            meanLog += FastMath.log(values[k]) / (early + 1);
        }
        double numerator = 0.0;
        double denominator = 0.0;
        for (int k = 0; k <= early; k++) {
            numerator += (k - meanK) * (FastMath.log(values[k]) - meanLog);
            denominator += (k - meanK) * (k - meanK);
        }
        return numerator / denominator;
    }

    private static void addScaled(double[] target, double[] values, double scale) {
        for (int i = 0; i < target.length; i++) {
            target[i] += scale * values[i];
        }
    }
}
