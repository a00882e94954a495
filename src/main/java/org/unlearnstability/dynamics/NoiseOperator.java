package org.unlearnstability.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.HessianCombination;

/**
 * The batch-noise part of the second-moment map, divided by eta^2:
 * X -> sum_t w_t H_t X H_t over the terms of {@link BatchSampler} (for Bernoulli batches
 * w = (1-alpha)^2 (1/n_r)(1/B - 1/n_r) on every retain Hessian and alpha^2 (1/n_f)(1/B - 1/n_f) on
 * every forget Hessian, that is C_r / eta^2 and C_f / eta^2 of Definition 2). Multiplied by eta^2 it
 * is the map N_{k-1} -> N_k of Lemma 2.1, eq. (6).
 *
 * <p>The sum runs over fixed chunks of terms whose partial sums are added in chunk order, so the
 * result does not depend on how many threads evaluate the chunks.
 */
final class NoiseOperator {
    private static final int CHUNKS = 8;
    private static final double PARALLEL_FLOPS = 2e6;

    private final int size;
    private final double[] weights;
    private final List<Hessian> terms;
    private final double cost;

    private NoiseOperator(int size, double[] weights, List<Hessian> terms) {
        this.size = size;
        this.weights = weights;
        this.terms = terms;
        double flops = 0.0;
        for (Hessian h : terms) {
            flops += flops(h, size);
        }
        this.cost = flops;
    }

    /**
     * @param reduced the family in its reduced basis
     * @param batch B
     * @param sampler the batch sampler
     * @return the eta-free noise operator
     */
    static NoiseOperator of(ReducedFamily reduced, int batch, BatchSampler sampler) {
        return of(reduced.retain(), reduced.forget(), reduced.rank(), reduced.alpha(), batch, sampler);
    }

    /**
     * @param retain the retain Hessians
     * @param forget the forget Hessians
     * @param size their dimension
     * @param alpha the forget weight
     * @param batch B
     * @param sampler the batch sampler
     * @return the eta-free noise operator on size x size matrices
     */
    static NoiseOperator of(List<Hessian> retain, List<Hessian> forget, int size, double alpha, int batch,
            BatchSampler sampler) {
        List<Hessian> terms = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        addSet(terms, weights, retain, (1 - alpha) * (1 - alpha), batch, sampler);
        addSet(terms, weights, forget, alpha * alpha, batch, sampler);
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        return new NoiseOperator(size, w, terms);
    }

    private static void addSet(List<Hessian> terms, List<Double> weights, List<Hessian> set, double squaredScale,
            int batch, BatchSampler sampler) {
        int n = set.size();
        if (batch > n) {
            throw new IllegalArgumentException("batch size B = " + batch + " exceeds the set size " + n);
        }
        double c = squaredScale / n * (1.0 / batch - 1.0 / n);
        if (c <= 0.0 || set.get(0).dimension() == 0) {
            return;
        }
        if (sampler == BatchSampler.BERNOULLI) {
            for (Hessian h : set) {
                terms.add(h);
                weights.add(c);
            }
            return;
        }
        // c > 0 forces B < n, hence n >= 2 here.
        double scaled = c * n / (n - 1);
        for (Hessian h : set) {
            terms.add(h);
            weights.add(scaled);
        }
        terms.add(HessianCombination.mean(set));
        weights.add(-scaled * n);
    }

    private static double flops(Hessian h, int m) {
        if (h instanceof DenseHessian) {
            return 4.0 * m * m * m;
        }
        if (h instanceof FactorHessian f) {
            return 2.0 * m * m * (f.rank() + f.rank() * f.rank());
        }
        return 2.0 * m * m;
    }

    /** @return m, the matrix size */
    int size() {
        return size;
    }

    /** @return whether the operator has no term (B = n for both sets, or the weights vanish) */
    boolean isZero() {
        return terms.isEmpty();
    }

    /**
     * For an all-diagonal family the map is the Schur product with K = sum_t w_t h_t h_t^T; this
     * returns its diagonal s_p = sum_t w_t h_{t,p}^2.
     *
     * @return the diagonal of K
     * @throws IllegalStateException when some term is not diagonal
     */
    double[] diagonalWeights() {
        double[] s = new double[size];
        for (int t = 0; t < terms.size(); t++) {
            if (!(terms.get(t) instanceof DiagonalHessian diagonal)) {
                throw new IllegalStateException("not a diagonal family");
            }
            double[] h = diagonal.diagonal();
            for (int p = 0; p < size; p++) {
                s[p] += weights[t] * h[p] * h[p];
            }
        }
        return s;
    }

    /**
     * @param x a symmetric m x m matrix
     * @param out overwritten with sum_t w_t H_t x H_t
     */
    void apply(double[][] x, double[][] out) {
        int count = terms.size();
        int chunks = Math.min(CHUNKS, count);
        for (double[] row : out) {
            java.util.Arrays.fill(row, 0.0);
        }
        if (chunks == 0) {
            return;
        }
        IntStream indices = IntStream.range(0, chunks);
        if (cost > PARALLEL_FLOPS) {
            indices = indices.parallel();
        }
        double[][][] partial = indices.mapToObj(c -> chunk(x, c * count / chunks, (c + 1) * count / chunks))
                .toArray(double[][][]::new);
        for (double[][] part : partial) {
            for (int p = 0; p < size; p++) {
                double[] target = out[p];
                double[] source = part[p];
                for (int q = 0; q < size; q++) {
                    target[q] += source[q];
                }
            }
        }
    }

    private double[][] chunk(double[][] x, int from, int to) {
        double[][] sum = new double[size][size];
        double[][] image = new double[size][size];
        for (int t = from; t < to; t++) {
            terms.get(t).congruence(x, image);
            double w = weights[t];
            for (int p = 0; p < size; p++) {
                double[] target = sum[p];
                double[] source = image[p];
                for (int q = 0; q < size; q++) {
                    target[q] += w * source[q];
                }
            }
        }
        return sum;
    }
}
