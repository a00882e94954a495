package org.unlearnstability.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.checkerframework.checker.nullness.qual.MonotonicNonNull;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.definitions.units.Units;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.FactorStack;
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
    private static final double INVERSE_ROOT_TWO = 1.0 / Math.sqrt(2.0);
    private static final double PARALLEL_FLOPS = 2e6;
    /** The largest Sym(m) dimension s for which the s x s matrix may be formed (about 32 MB). */
    static final int EXPLICIT_LIMIT = 2048;
    /** How many applications an eigenvalue computation is expected to need (rho and etaStar together). */
    private static final int EXPECTED_APPLICATIONS = 60;

    private final int size;
    private final double[] weights;
    private final List<Hessian> terms;
    private final double cost;
    private final boolean explicit;
    /** The factor terms stacked for one blocked sum (null when no term is a factor Hessian of this size). */
    private final @Nullable FactorStack stack;
    private final double[] stackWeights;
    /** Indices of the terms outside the stack, summed term by term. */
    private final int[] others;
    private double @MonotonicNonNull [][] matrix;

    private NoiseOperator(int size, double[] weights, List<Hessian> terms, @Nullable Boolean formed) {
        this.size = size;
        this.weights = weights;
        this.terms = terms;
        double flops = 0.0;
        for (Hessian h : terms) {
            flops += flops(h, size);
        }
        this.cost = flops;
        double s = SymmetricCoordinates.dimension(size);
        // Forming costs about 2 s^2 flops per term (the upper triangle); a product 2 s^2, memory-bound.
        double explicitFlops = terms.size() * s * s + EXPECTED_APPLICATIONS * 4 * s * s;
        this.explicit = formed != null ? formed
                : s <= EXPLICIT_LIMIT && explicitFlops < EXPECTED_APPLICATIONS * flops;
        List<FactorHessian> stacked = new ArrayList<>();
        List<Double> stackedWeights = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            if (terms.get(t) instanceof FactorHessian f && f.dimension() == size) {
                stacked.add(f);
                stackedWeights.add(weights[t]);
            } else {
                rest.add(t);
            }
        }
        this.stack = stacked.isEmpty() ? null : FactorStack.of(stacked);
        this.stackWeights = stackedWeights.stream().mapToDouble(Double::doubleValue).toArray();
        this.others = rest.stream().mapToInt(Integer::intValue).toArray();
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
        addSet(terms, weights, retain, 1 - alpha, batch, sampler);
        addSet(terms, weights, forget, alpha, batch, sampler);
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        return new NoiseOperator(size, w, terms, null);
    }

    /**
     * @param formed whether {@link #applyPacked} goes through the formed matrix
     * @return this operator on that route, whatever the cost model says (to check one route against the other)
     */
    NoiseOperator onRoute(boolean formed) {
        return new NoiseOperator(size, weights, terms, formed);
    }

    /**
     * @return sum_t |w_t| Tr(H_t)^2, a bound on the operator norm that sets the scale of rounding
     *     errors (terms of opposite sign cancel for batches without replacement)
     */
    double magnitude() {
        double sum = 0.0;
        for (int t = 0; t < terms.size(); t++) {
            double trace = terms.get(t).trace();
            sum += Math.abs(weights[t]) * trace * trace;
        }
        return sum;
    }

    /** @return whether {@link #applyPacked} multiplies by a formed s x s matrix */
    boolean isExplicit() {
        return explicit;
    }

    private static void addSet(List<Hessian> terms, List<Double> weights, List<Hessian> set, double setWeight,
            int batch, BatchSampler sampler) {
        int n = set.size();
        if (batch > n) {
            throw new IllegalArgumentException("batch size B = " + batch + " exceeds the set size " + n);
        }
        // eta = 1: the weights are C / eta^2, and the caller scales the operator by eta^2.
        double c = NoiseConstants.setConstant(Units.learningRate(1.0), setWeight, n, batch);
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
        for (double[] row : out) {
            java.util.Arrays.fill(row, 0.0);
        }
        FactorStack factors = stack;
        if (factors != null) {
            factors.weightedCongruenceSum(stackWeights, x, out);
        }
        int count = others.length;
        int chunks = Math.min(CHUNKS, count);
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

    /**
     * The operator in {@link SymmetricCoordinates}: through the formed s x s matrix when that is
     * cheaper over an eigenvalue computation (dense terms, small m), else matrix-free.
     *
     * @param x coordinates of a symmetric matrix
     * @param out overwritten with the coordinates of its image
     */
    void applyPacked(double[] x, double[] out) {
        if (!explicit) {
            double[][] in = new double[size][size];
            double[][] image = new double[size][size];
            SymmetricCoordinates.unpack(x, in);
            apply(in, image);
            SymmetricCoordinates.pack(image, out);
            return;
        }
        double[][] k = explicitMatrix();
        int n = k.length;
        // Row a holds the upper triangle K[a][a..s-1]; each stored entry is read once, for both halves.
        double[][] partial = IntStream.range(0, 2).parallel().mapToObj(half -> {
            double[] sum = new double[n];
            for (int a = half; a < n; a += 2) {
                double[] row = k[a];
                double xa = x[a];
                double dot = 0.0;
                for (int e = 0; e < row.length; e++) {
                    dot += row[e] * x[a + e];
                }
                sum[a] += dot;
                for (int e = 1; e < row.length; e++) {
                    sum[a + e] += xa * row[e];
                }
            }
            return sum;
        }).toArray(double[][]::new);
        for (int a = 0; a < n; a++) {
            out[a] = partial[0][a] + partial[1][a];
        }
    }

    private synchronized double[][] explicitMatrix() {
        double[][] k = matrix;
        if (k == null) {
            k = formMatrix();
            matrix = k;
        }
        return k;
    }

    /**
     * The matrix of X -> sum_t w_t H_t X H_t in the orthonormal basis {E_pp, (E_pq + E_qp)/sqrt 2}:
     * entry ((p,q), (r,s)) = f_pq f_rs sum_t w_t (H_pr H_qs + H_ps H_qr), f = 1/sqrt 2 on diagonal pairs
     * and 1 otherwise. Only the upper triangle is kept (row a from column a on), each row formed
     * independently.
     */
    private double[][] formMatrix() {
        int m = size;
        int s = SymmetricCoordinates.dimension(m);
        double[][][] dense = new double[terms.size()][][];
        for (int t = 0; t < dense.length; t++) {
            dense[t] = terms.get(t).toMatrix().getData();
        }
        int[] offset = new int[m + 1];
        for (int p = 0; p < m; p++) {
            offset[p + 1] = offset[p] + m - p;
        }
        double[][] k = new double[s][];
        IntStream.range(0, m).parallel().forEach(p -> {
            for (int q = p; q < m; q++) {
                int a = offset[p] + q - p;
                k[a] = new double[s - a];
                formRow(k[a], a, p, q, dense, offset);
            }
        });
        return k;
    }

    /** Fills row a = (p, q) of the upper triangle, row[b - a] for b = (r, c) >= a. */
    private void formRow(double[] row, int a, int p, int q, double[][][] dense, int[] offset) {
        int m = size;
        double fa = p == q ? INVERSE_ROOT_TWO : 1.0;
        for (int t = 0; t < dense.length; t++) {
            double[] hp = dense[t][p];
            double[] hq = dense[t][q];
            double scale = weights[t] * fa;
            for (int r = p; r < m; r++) {
                double u = scale * hp[r];
                double v = scale * hq[r];
                int base = offset[r] - r - a;
                int from = r;
                if (r == p) {
                    from = q;
                }
                if (from == r) {
                    row[base + r] += INVERSE_ROOT_TWO * (u * hq[r] + v * hp[r]);
                    from = r + 1;
                }
                for (int c = from; c < m; c++) {
                    row[base + c] += u * hq[c] + v * hp[c];
                }
            }
        }
    }

    /** The terms outside the stack, others[from..to), summed term by term. */
    private double[][] chunk(double[][] x, int from, int to) {
        double[][] sum = new double[size][size];
        for (int i = from; i < to; i++) {
            int t = others[i];
            terms.get(t).congruenceAdd(weights[t], x, sum);
        }
        return sum;
    }
}
