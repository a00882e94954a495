package org.unlearnstability.dynamics;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.util.FastMath;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.Vectors;
import org.unlearnstability.rng.RandomStreams;

/**
 * One run of update (2): w_{k+1} = w_k - eta [(1-alpha)/B sum_{D_{r,k}} H_i w_k - alpha/B sum_{D_{f,k}} H_i w_k].
 * A step costs one product H_i w per drawn sample, in the Hessian's own representation
 * ({@link Hessian#multiplyAdd}), plus O(d). The iterate is rescaled whenever its norm leaves
 * [1e-50, 1e50] and log ||w_k|| is carried separately, so no value overflows.
 */
final class UnlearningRun {
    private static final double RESCALE_ABOVE = 1e100;
    private static final double RESCALE_BELOW = 1e-100;

    private final List<Hessian> retain;
    private final List<Hessian> forget;
    private final double retainWeight;
    private final double forgetWeight;
    private final SimulationConfig config;
    private final int dimension;
    private final Hyperparameters hyper;
    private final @Nullable SparseDiagonals diagonals;

    UnlearningRun(HessianFamily family, Hyperparameters hyper, SimulationConfig config) {
        this.retain = family.retain();
        this.forget = family.forget();
        this.retainWeight = -hyper.eta() * (1 - hyper.alpha()) / hyper.batch();
        this.forgetWeight = hyper.eta() * hyper.alpha() / hyper.batch();
        this.config = config;
        this.dimension = family.dimension();
        this.hyper = hyper;
        this.diagonals = family.all().stream().allMatch(h -> h instanceof DiagonalHessian)
                ? new SparseDiagonals(retain, forget, retainWeight, forgetWeight) : null;
    }

    /**
     * An all-diagonal family in compressed sparse rows with the step weights folded in: then
     * w_{k+1} = (I + sum_{batch} weight_i H_i) w_k coordinate by coordinate, and a step touches only
     * the nonzero entries of the drawn Hessians, stored contiguously.
     */
    private static final class SparseDiagonals {
        private final int[] offsets;
        private final int[] coordinates;
        private final double[] values;
        private final int retainCount;

        SparseDiagonals(List<Hessian> retain, List<Hessian> forget, double retainWeight, double forgetWeight) {
            retainCount = retain.size();
            int total = retain.size() + forget.size();
            offsets = new int[total + 1];
            List<int[]> coordinateLists = new java.util.ArrayList<>();
            List<double[]> valueLists = new java.util.ArrayList<>();
            for (int i = 0; i < total; i++) {
                Hessian h = i < retainCount ? retain.get(i) : forget.get(i - retainCount);
                double weight = i < retainCount ? retainWeight : forgetWeight;
                double[] diagonal = ((DiagonalHessian) h).diagonal();
                int[] support = java.util.stream.IntStream.range(0, diagonal.length)
                        .filter(p -> diagonal[p] != 0.0).toArray();
                double[] scaled = new double[support.length];
                for (int s = 0; s < support.length; s++) {
                    scaled[s] = weight * diagonal[support[s]];
                }
                coordinateLists.add(support);
                valueLists.add(scaled);
                offsets[i + 1] = offsets[i] + support.length;
            }
            coordinates = new int[offsets[total]];
            values = new double[offsets[total]];
            for (int i = 0; i < total; i++) {
                System.arraycopy(coordinateLists.get(i), 0, coordinates, offsets[i], coordinateLists.get(i).length);
                System.arraycopy(valueLists.get(i), 0, values, offsets[i], valueLists.get(i).length);
            }
        }

        /** gradient += sum over the drawn samples of weight_i diag(H_i) (the multiplier, not yet times w). */
        void accumulate(int[] batch, int count, int shift, double[] multiplier) {
            for (int b = 0; b < count; b++) {
                int i = batch[b] + shift;
                for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                    multiplier[coordinates[e]] += values[e];
                }
            }
        }

        int retainCount() {
            return retainCount;
        }
    }

    /**
     * @param runIndex the run's index (its random stream is (seed, runIndex))
     * @param start w_0, or null to draw w_0 ~ N(0, I) from the run's stream
     * @return the outcome
     */
    RunOutcome run(int runIndex, double @Nullable [] start) {
        UniformRandomProvider rng = RandomStreams.stream(config.seed(), runIndex);
        double[] w = start == null ? RandomStreams.gaussian(rng, dimension) : start.clone();
        BatchDraw retainDraw = new BatchDraw(config.sampler(), retain.size(), hyper.batch());
        BatchDraw forgetDraw = new BatchDraw(config.sampler(), forget.size(), hyper.batch());
        int[] retainBatch = new int[retain.size()];
        int[] forgetBatch = new int[forget.size()];
        double[] gradient = new double[dimension];
        double norm2 = Vectors.dot(w, w);
        if (!(norm2 > 0.0) || Double.isInfinite(norm2)) {
            throw new IllegalArgumentException("the start vector must be finite and nonzero");
        }
        double logScale = 0.0;
        double logStart = 0.5 * FastMath.log(norm2);
        // Divergence: ||w|| >= threshold ||w_0||, compared on squared norms relative to the current scale.
        double crossing = config.threshold() * config.threshold() * norm2;
        double[] logSquared = new double[config.meanSquareSteps()];
        boolean crossed = false;
        int k = 0;
        while (k < config.steps()) {
            int nr = retainDraw.draw(rng, retainBatch);
            int nf = forgetDraw.draw(rng, forgetBatch);
            norm2 = diagonals != null ? diagonalStep(diagonals, retainBatch, nr, forgetBatch, nf, w, gradient)
                    : generalStep(retainBatch, nr, forgetBatch, nf, w, gradient);
            k++;
            if (!(norm2 < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("update (2) overflowed within one step (||J_k|| above 1e100); "
                        + "the learning rate eta = " + hyper.eta() + " is far outside the linear regime");
            }
            if (norm2 == 0.0) {
                int from = Math.min(k - 1, logSquared.length);
                Arrays.fill(logSquared, from, logSquared.length, Double.NEGATIVE_INFINITY);
                return new RunOutcome(false, true, k, Double.NEGATIVE_INFINITY, logSquared);
            }
            if (k <= logSquared.length) {
                logSquared[k - 1] = 2 * logScale + FastMath.log(norm2);
            }
            crossed = crossed || norm2 >= crossing;
            if (crossed && config.earlyStop() && k >= logSquared.length) {
                break;
            }
            if (norm2 > RESCALE_ABOVE || norm2 < RESCALE_BELOW) {
                double factor = 1.0 / Math.sqrt(norm2);
                for (int p = 0; p < dimension; p++) {
                    w[p] *= factor;
                }
                logScale += 0.5 * FastMath.log(norm2);
                crossing /= norm2;
                norm2 = 1.0;
            }
        }
        double logGrowth = logScale + 0.5 * FastMath.log(norm2) - logStart;
        boolean diverged = config.earlyStop() ? crossed : norm2 >= crossing;
        return new RunOutcome(diverged, false, k, logGrowth, logSquared);
    }

    /** One step for an all-diagonal family; {@code multiplier} is all zero on entry and on exit. */
    private static double diagonalStep(SparseDiagonals sparse, int[] retainBatch, int nr, int[] forgetBatch, int nf,
            double[] w, double[] multiplier) {
        sparse.accumulate(retainBatch, nr, 0, multiplier);
        sparse.accumulate(forgetBatch, nf, sparse.retainCount(), multiplier);
        double norm2 = 0.0;
        for (int p = 0; p < w.length; p++) {
            w[p] += multiplier[p] * w[p];
            multiplier[p] = 0.0;
            norm2 += w[p] * w[p];
        }
        return norm2;
    }

    /** One step through {@link Hessian#multiplyAdd}, one product per drawn sample. */
    private double generalStep(int[] retainBatch, int nr, int[] forgetBatch, int nf, double[] w, double[] gradient) {
        Arrays.fill(gradient, 0.0);
        for (int i = 0; i < nr; i++) {
            retain.get(retainBatch[i]).multiplyAdd(retainWeight, w, gradient);
        }
        for (int i = 0; i < nf; i++) {
            forget.get(forgetBatch[i]).multiplyAdd(forgetWeight, w, gradient);
        }
        double norm2 = 0.0;
        for (int p = 0; p < w.length; p++) {
            w[p] += gradient[p];
            norm2 += w[p] * w[p];
        }
        return norm2;
    }
}
