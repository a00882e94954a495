package org.unlearnstability.experiment.fig3;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.unlearnstability.cnn.LogisticLoss;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.BatchDraw;
import org.unlearnstability.dynamics.BatchSampler;

/**
 * Update (2) of the paper on the nonlinear network itself, with real per-sample gradients of the logistic loss:
 * w_{k+1} = w_k - eta [(1 - alpha)/B sum_{D_{r,k}} grad l_r(w_k) - alpha/B sum_{D_{f,k}} grad l_f(w_k)], where each
 * retain sample joins D_{r,k} with probability B/n_r and each forget sample joins D_{f,k} with probability B/n_f,
 * independently (the Bernoulli batches of section 2.1, drawn by {@link BatchDraw}). Every step records
 * ||w_k - w*||^2; forget loss, retain loss and test accuracy are recorded at the checkpoints. A run whose squared
 * distance from w* exceeds {@link #GIVE_UP} stops there (it has diverged by any threshold) and keeps its last state.
 *
 * @param net the network
 * @param x the inputs
 * @param labels the training labels (flipped for a mislabelled forget set)
 * @param trueLabels the true labels (for test accuracy and the test losses of membership inference)
 * @param retain training indices of the retain set
 * @param forget training indices of the forget set
 * @param test test indices
 */
public record NetworkUnlearning(ReluMlp net, double[][] x, int[] labels, int[] trueLabels, int[] retain, int[] forget,
        int[] test) {
    /** ||w_k - w*||^2 beyond which a run stops. */
    static final double GIVE_UP = 1e12;

    /**
     * One run.
     *
     * @param squaredDistance ||w_k - w*||^2 for k = 0..K
     * @param forgetLoss mean forget loss at the checkpoints
     * @param retainLoss mean retain loss at the checkpoints
     * @param testAccuracy test accuracy at the checkpoints
     * @param finalForgetLosses the forget losses at w_K
     * @param finalTestLosses the test losses at w_K
     */
    public record Trace(double[] squaredDistance, double[] forgetLoss, double[] retainLoss, double[] testAccuracy,
            double[] finalForgetLosses, double[] finalTestLosses) {
    }

    /**
     * @param steps K
     * @param every the checkpoint spacing
     * @return 0, every, 2 every, ... and K
     */
    public static int[] checkpoints(int steps, int every) {
        List<Integer> points = new ArrayList<>();
        for (int k = 0; k < steps; k += every) {
            points.add(k);
        }
        points.add(steps);
        return points.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Two runs in lockstep on the same batches: from w* and from w* + delta. Their separation
     * ||w_k^delta - w_k^*||^2 evolves, to first order in delta, by the random products J_k of update (3) along the
     * trajectory from w* (the batches' common drift cancels), which is what the linear theory predicts.
     *
     * @param fromOptimum the run from w*
     * @param fromPerturbed the run from w* + delta
     * @param separation ||w_k^delta - w_k^*||^2 for k = 0..K
     */
    public record Pair(Trace fromOptimum, Trace fromPerturbed, double[] separation) {
    }

    /**
     * @param wStar w*
     * @param delta the perturbation of the second start
     * @param hyper eta, alpha, B
     * @param steps K
     * @param every the checkpoint spacing
     * @param rng the pair's stream (batches only)
     * @return both traces and their separation
     */
    public Pair run(double[] wStar, double[] delta, Hyperparameters hyper, int steps, int every,
            UniformRandomProvider rng) {
        double[] perturbed = wStar.clone();
        for (int c = 0; c < perturbed.length; c++) {
            perturbed[c] += delta[c];
        }
        Run optimum = new Run(wStar.clone(), steps, every);
        Run other = new Run(perturbed, steps, every);
        double[] separation = new double[steps + 1];
        BatchDraw retainDraw = new BatchDraw(BatchSampler.BERNOULLI, retain.length, hyper.batch());
        BatchDraw forgetDraw = new BatchDraw(BatchSampler.BERNOULLI, forget.length, hyper.batch());
        int[] retainBatch = new int[retain.length];
        int[] forgetBatch = new int[forget.length];
        for (int k = 0; k <= steps; k++) {
            optimum.record(k, wStar);
            other.record(k, wStar);
            separation[k] = squaredDistance(optimum.w, other.w);
            if (k == steps) {
                break;
            }
            int nr = retainDraw.draw(rng, retainBatch);
            int nf = forgetDraw.draw(rng, forgetBatch);
            optimum.step(hyper, retainBatch, nr, forgetBatch, nf);
            other.step(hyper, retainBatch, nr, forgetBatch, nf);
        }
        return new Pair(optimum.trace(), other.trace(), separation);
    }

    /** One trajectory's state and records. */
    private final class Run {
        private final double[] w;
        private final double[] update;
        private final int[] points;
        private final double[] distance;
        private final double[] forgetLoss;
        private final double[] retainLoss;
        private final double[] accuracy;
        private int point;
        private boolean stopped;

        Run(double[] w, int steps, int every) {
            this.w = w;
            this.update = new double[w.length];
            this.points = checkpoints(steps, every);
            this.distance = new double[steps + 1];
            this.forgetLoss = new double[points.length];
            this.retainLoss = new double[points.length];
            this.accuracy = new double[points.length];
        }

        void record(int k, double[] wStar) {
            distance[k] = squaredDistance(w, wStar);
            if (point < points.length && points[point] == k) {
                forgetLoss[point] = mean(LogisticTraining.losses(net, w, x, labels, forget));
                retainLoss[point] = mean(LogisticTraining.losses(net, w, x, labels, retain));
                accuracy[point] = accuracy(w);
                point++;
            }
            stopped |= !(distance[k] < GIVE_UP);
        }

        void step(Hyperparameters hyper, int[] retainBatch, int nr, int[] forgetBatch, int nf) {
            if (stopped) {
                return;
            }
            java.util.Arrays.fill(update, 0.0);
            addLossGradients(w, retain, retainBatch, nr, -hyper.eta() * (1 - hyper.alpha()) / hyper.batch(), update);
            addLossGradients(w, forget, forgetBatch, nf, hyper.eta() * hyper.alpha() / hyper.batch(), update);
            for (int c = 0; c < w.length; c++) {
                w[c] += update[c];
            }
        }

        Trace trace() {
            return new Trace(distance, forgetLoss, retainLoss, accuracy,
                    LogisticTraining.losses(net, w, x, labels, forget), LogisticTraining.losses(net, w, x, trueLabels,
                            test));
        }
    }

    /** out += scale sum over the drawn samples of grad l_i(w) = l'(y_i f_i) y_i grad f_i. */
    private void addLossGradients(double[] w, int[] set, int[] drawn, int count, double scale, double[] out) {
        for (int d = 0; d < count; d++) {
            int i = set[drawn[d]];
            double f = net.logit(w, x[i]);
            net.addGradient(w, x[i], scale * LogisticLoss.derivative(labels[i] * f) * labels[i], out);
        }
    }

    /**
     * @param w parameters
     * @return the fraction of test samples with y f(w, x) &gt; 0 (true labels)
     */
    public double accuracy(double[] w) {
        int correct = 0;
        for (int i : test) {
            correct += trueLabels[i] * net.logit(w, x[i]) > 0 ? 1 : 0;
        }
        return correct / (double) test.length;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0.0;
        for (int c = 0; c < a.length; c++) {
            double diff = a[c] - b[c];
            sum += diff * diff;
        }
        return sum;
    }

    static double mean(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
