package org.unlearnstability.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.HessianCombination;
import org.unlearnstability.linalg.SymmetricEigen;
import org.unlearnstability.linalg.Vectors;

/**
 * A family restricted to R = range(sum_i H_i) over the Hessians that act at this alpha (see
 * {@link #acting}) and written in an orthonormal eigenbasis W (d x m) of
 * the drift matrix A = (1-alpha) H_R - alpha H_F restricted to R, so that J = I - eta A of Lemma 2.1
 * is diagonal: J = diag(1 - eta a_p). Directions in the common null space of all H_i are fixed by
 * every J_k of eq. (3); they are kept out of the operator and accounted for separately.
 *
 * <p>An all-diagonal family keeps the coordinate basis (A is then diagonal already) and its
 * Hessians stay diagonal, restricted to the coordinates some H_i touches. Otherwise factor
 * Hessians stay factors (columns W^T g) and the rest become dense m x m matrices W^T H W.
 */
final class ReducedFamily {
    /** Relative size below which an eigenvalue of sum_i H_i counts as zero (null space). */
    static final double RANGE_TOLERANCE = 1e-11;
    /**
     * Relative size (to the larger of max |a_p| and (1-alpha) Tr(H_R) + alpha Tr(H_F)) below which a computed
     * eigenvalue of A counts as zero (non-diagonal families).
     */
    static final double DRIFT_TOLERANCE = 1e-13;

    private final HessianFamily family;
    private final double alpha;
    private final double[] drift;
    private final List<Hessian> retain;
    private final List<Hessian> forget;
    private final boolean diagonal;
    /** The basis W as m rows of length d (null for an all-diagonal family, which uses {@link #support}). */
    private final double @Nullable [][] basis;
    /** For an all-diagonal family, the coordinates kept (empty otherwise). */
    private final int[] support;
    private final java.util.Map<String, NoiseOperator> noises = new java.util.HashMap<>();

    private ReducedFamily(HessianFamily family, double alpha, double[] drift, List<Hessian> retain,
            List<Hessian> forget, double @Nullable [][] basis, int[] support) {
        this.family = family;
        this.alpha = alpha;
        this.drift = drift;
        this.retain = retain;
        this.forget = forget;
        this.diagonal = basis == null;
        this.basis = basis;
        this.support = support;
    }

    /**
     * @param family the family
     * @param alpha the forget weight in [0, 1]
     * @return the family on range(sum_i H_i) in the eigenbasis of A
     */
    static ReducedFamily of(HessianFamily family, double alpha) {
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("alpha must lie in [0, 1], got " + alpha);
        }
        boolean allDiagonal = family.all().stream().allMatch(h -> h instanceof DiagonalHessian);
        return allDiagonal ? diagonalFamily(family, alpha) : rotatedFamily(family, alpha);
    }

    /**
     * The Hessians with a non-zero weight in update (3): at alpha = 0 the forget set moves nothing (and
     * C_f = 0), at alpha = 1 the retain set. A direction only a silent set touches is fixed by every
     * J_k, so it belongs to the null space, not to the range on which rho(T) and etaStar are measured.
     */
    static List<Hessian> acting(HessianFamily family, double alpha) {
        List<Hessian> acting = new ArrayList<>(family.nRetain() + family.nForget());
        if (alpha < 1.0) {
            acting.addAll(family.retain());
        }
        if (alpha > 0.0) {
            acting.addAll(family.forget());
        }
        return acting;
    }

    private static ReducedFamily diagonalFamily(HessianFamily family, double alpha) {
        int d = family.dimension();
        double[] total = new double[d];
        for (Hessian h : acting(family, alpha)) {
            double[] diag = ((DiagonalHessian) h).diagonal();
            for (int p = 0; p < d; p++) {
                total[p] += diag[p];
            }
        }
        int[] support = java.util.stream.IntStream.range(0, d).filter(p -> total[p] != 0.0).toArray();
        List<Hessian> retain = restrictAll(family.retain(), support);
        List<Hessian> forget = restrictAll(family.forget(), support);
        double[] drift = new double[support.length];
        double[] meanRetain = meanDiagonal(retain, support.length);
        double[] meanForget = meanDiagonal(forget, support.length);
        for (int p = 0; p < drift.length; p++) {
            drift[p] = (1 - alpha) * meanRetain[p] - alpha * meanForget[p];
        }
        return new ReducedFamily(family, alpha, drift, retain, forget, null, support);
    }

    private static List<Hessian> restrictAll(List<Hessian> set, int[] support) {
        List<Hessian> out = new ArrayList<>(set.size());
        for (Hessian h : set) {
            double[] diag = ((DiagonalHessian) h).diagonal();
            double[] restricted = new double[support.length];
            for (int p = 0; p < support.length; p++) {
                restricted[p] = diag[support[p]];
            }
            out.add(DiagonalHessian.of(restricted));
        }
        return out;
    }

    private static double[] meanDiagonal(List<Hessian> set, int m) {
        double[] mean = new double[m];
        for (Hessian h : set) {
            double[] diag = ((DiagonalHessian) h).diagonal();
            for (int p = 0; p < m; p++) {
                mean[p] += diag[p] / set.size();
            }
        }
        return mean;
    }

    private static ReducedFamily rotatedFamily(HessianFamily family, double alpha) {
        double[][] range = rangeBasis(family, acting(family, alpha));
        int m = range.length;
        double[][] projectedDrift = new double[m][m];
        addProjection(projectedDrift, 1 - alpha, HessianCombination.mean(family.retain()), range);
        addProjection(projectedDrift, -alpha, HessianCombination.mean(family.forget()), range);
        double[] drift = new double[m];
        double[][] basis = range;
        if (m > 0) {
            SymmetricEigen eigen = SymmetricEigen.of(symmetrised(projectedDrift));
            drift = eigen.eigenvalues();
            basis = multiply(eigen.vectorRows(), range);
            // Relative to the Hessians' own size as well: when A cancels (a forget sample repeating a retain
            // sample at alpha = 1/2), its computed eigenvalues are rounding noise of ||H||, not of ||A||.
            double scale = Math.max(Arrays.stream(drift).map(Math::abs).max().orElse(0.0),
                    (1 - alpha) * meanTrace(family.retain()) + alpha * meanTrace(family.forget()));
            for (int p = 0; p < m; p++) {
                if (Math.abs(drift[p]) <= DRIFT_TOLERANCE * scale) {
                    drift[p] = 0.0;
                }
            }
        }
        List<Hessian> retain = new ArrayList<>();
        List<Hessian> forget = new ArrayList<>();
        for (Hessian h : family.retain()) {
            retain.add(rotate(h, basis));
        }
        for (Hessian h : family.forget()) {
            forget.add(rotate(h, basis));
        }
        return new ReducedFamily(family, alpha, drift, retain, forget, basis, new int[0]);
    }

    private static double meanTrace(List<Hessian> set) {
        return set.stream().mapToDouble(Hessian::trace).sum() / set.size();
    }

    /**
     * An orthonormal basis of range(sum of the acting H_i), as rows (each a vector of length d): from the Gram
     * matrix of the stacked factor columns when sum_i H_i is a low-rank factor, else from the
     * eigen-decomposition of the dense sum.
     */
    private static double[][] rangeBasis(HessianFamily family, List<Hessian> acting) {
        if (acting.isEmpty()) {
            return new double[0][];
        }
        double[] ones = new double[acting.size()];
        Arrays.fill(ones, 1.0);
        Hessian total = HessianCombination.of(ones, acting);
        if (total instanceof FactorHessian factor) {
            double[][] columns = factor.columns();
            int k = columns.length;
            double[][] gram = new double[k][k];
            for (int c = 0; c < k; c++) {
                for (int e = 0; e < k; e++) {
                    gram[c][e] = Vectors.dot(columns[c], columns[e]);
                }
            }
            SymmetricEigen eigen = SymmetricEigen.of(symmetrised(gram));
            double[][] coefficients = eigen.vectorRows();
            double[] values = eigen.eigenvalues();
            double top = Arrays.stream(values).max().orElse(0.0);
            List<double[]> basis = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if (values[j] > RANGE_TOLERANCE * top) {
                    double[] u = new double[family.dimension()];
                    for (int c = 0; c < k; c++) {
                        addScaled(u, coefficients[j][c] / Math.sqrt(values[j]), columns[c]);
                    }
                    basis.add(u);
                }
            }
            return basis.toArray(new double[0][]);
        }
        SymmetricEigen eigen = SymmetricEigen.of(symmetrised(total.toMatrix().getData()));
        double[] values = eigen.eigenvalues();
        double top = Arrays.stream(values).max().orElse(0.0);
        double[][] vectors = eigen.vectorRows();
        List<double[]> basis = new ArrayList<>();
        for (int j = 0; j < values.length; j++) {
            if (values[j] > RANGE_TOLERANCE * top) {
                basis.add(vectors[j]);
            }
        }
        return basis.toArray(new double[0][]);
    }

    /** target += weight * B H B^T for the basis rows B. */
    private static void addProjection(double[][] target, double weight, Hessian h, double[][] basis) {
        int m = basis.length;
        double[] image = new double[h.dimension()];
        for (int q = 0; q < m; q++) {
            h.multiply(basis[q], image);
            for (int p = 0; p < m; p++) {
                target[p][q] += weight * Vectors.dot(basis[p], image);
            }
        }
    }

    /** The Hessian B H B^T in the basis with rows B, in the cheapest exact representation. */
    private static Hessian rotate(Hessian h, double[][] basis) {
        int m = basis.length;
        if (h instanceof FactorHessian factor) {
            double[][] columns = factor.columns();
            double[][] rotated = new double[columns.length][m];
            for (int c = 0; c < columns.length; c++) {
                for (int p = 0; p < m; p++) {
                    rotated[c][p] = Vectors.dot(basis[p], columns[c]);
                }
            }
            return FactorHessian.ofColumns(m, rotated);
        }
        double[][] projected = new double[m][m];
        addProjection(projected, 1.0, h, basis);
        return DenseHessian.of(symmetrised(projected));
    }

    /** Replaces x by (x + x^T) / 2, removing the rounding asymmetry of computed products. */
    private static double[][] symmetrised(double[][] x) {
        for (int p = 0; p < x.length; p++) {
            for (int q = p + 1; q < x.length; q++) {
                double mean = 0.5 * (x[p][q] + x[q][p]);
                x[p][q] = mean;
                x[q][p] = mean;
            }
        }
        return x;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double[] row = new double[b.length == 0 ? 0 : b[0].length];
            for (int k = 0; k < b.length; k++) {
                addScaled(row, a[i][k], b[k]);
            }
            out[i] = row;
        }
        return out;
    }

    private static void addScaled(double[] out, double factor, double[] a) {
        for (int i = 0; i < out.length; i++) {
            out[i] += factor * a[i];
        }
    }

    /** @return the original family */
    HessianFamily family() {
        return family;
    }

    /** @return alpha */
    double alpha() {
        return alpha;
    }

    /** @return d, the full dimension (including the null coordinates of a family in span coordinates) */
    int dimension() {
        return family.ambientDimension();
    }

    /** @return m = dim range(sum_i H_i) */
    int rank() {
        return drift.length;
    }

    /** @return whether a common null space exists (m < d) */
    boolean hasNullSpace() {
        return rank() < dimension();
    }

    /** @return the eigenvalues a_p of A on the range, in basis order (a view) */
    double[] drift() {
        return drift;
    }

    /** @return the retain Hessians in the reduced basis */
    List<Hessian> retain() {
        return retain;
    }

    /** @return the forget Hessians in the reduced basis */
    List<Hessian> forget() {
        return forget;
    }

    /**
     * The noise operator of this family for one batch size and sampler, formed once and shared by
     * rho, etaStar and Lemma 2.1 (its explicit matrix, when formed, is the costly part).
     *
     * @param batch B
     * @param sampler the sampler
     * @return the eta-free noise operator on the range
     */
    synchronized NoiseOperator noise(int batch, BatchSampler sampler) {
        return noises.computeIfAbsent(sampler.name() + "/" + batch, key -> NoiseOperator.of(this, batch, sampler));
    }

    /** @return whether every reduced Hessian is diagonal (then T acts entrywise, see {@link NoiseOperator}) */
    boolean isDiagonal() {
        return diagonal;
    }

    /**
     * Splits a vector of R^d into its coordinates y = W^T w on the range and the squared norm of
     * its null-space part, which every J_k leaves unchanged.
     *
     * @param w a vector of length d
     * @param coordinates overwritten with W^T w (length m)
     * @return ||w - W W^T w||^2
     */
    double split(double[] w, double[] coordinates) {
        if (w.length != dimension()) {
            throw new IllegalArgumentException("vector length " + w.length + " != d = " + dimension());
        }
        // Coordinates beyond the stored ones (a family in span coordinates) are null directions.
        double outside = 0.0;
        for (int p = family.dimension(); p < w.length; p++) {
            outside += w[p] * w[p];
        }
        return outside + splitStored(Arrays.copyOf(w, family.dimension()), coordinates);
    }

    private double splitStored(double[] w, double[] coordinates) {
        double[][] rows = basis;
        if (rows == null) {
            double[] rest = w.clone();
            for (int p = 0; p < support.length; p++) {
                coordinates[p] = w[support[p]];
                rest[support[p]] = 0.0;
            }
            return Vectors.dot(rest, rest);
        }
        double[] rest = w.clone();
        for (int p = 0; p < rows.length; p++) {
            coordinates[p] = Vectors.dot(rows[p], w);
            addScaled(rest, -coordinates[p], rows[p]);
        }
        return Vectors.dot(rest, rest);
    }
}
