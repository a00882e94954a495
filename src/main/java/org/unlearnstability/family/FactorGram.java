package org.unlearnstability.family;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.SymmetricEigen;

/**
 * A factor family (H_i = G_i G_i^T, paper section 2.1) given by the Gram matrix K = F^T F of all its
 * factor columns F = [G_1 ... G_{n_r} G_{n_r+1} ... G_{n_r+n_f}] (retain samples first, each sample's
 * columns consecutive). Every quantity of sections 2.1-2.2 is invariant under a rotation of R^d, and
 * K determines the columns up to such a rotation: with K = V diag(lambda) V^T, the columns
 * y_c = diag(sqrt lambda) V^T e_c of R^r (r = rank K) have the same Gram matrix, so the family
 * {Y_i Y_i^T} in these span coordinates, plus d - r coordinates every H_i annihilates, has the same
 * Frobenius Gram Tr(H_i H_j) = ||G_i^T G_j||_F^2, the same pair mix-Hessian spectra, the same D and the
 * same mean-square dynamics as the original. The tool therefore never needs d-dimensional data of a
 * factor family beyond this one m x m matrix (m = total number of columns), which a user may compute
 * on their own hardware ({@code tools/export_curvature.py --gram}).
 */
public final class FactorGram {
    /** Relative size below which an eigenvalue of K counts as zero (the range tolerance of the dynamics). */
    static final double RANK_TOLERANCE = 1e-11;
    /** Columns per block of the Gram kernel (two blocks of a chunk stay in cache). */
    private static final int BLOCK = 32;
    /** Coordinates per chunk of the Gram kernel. */
    private static final int CHUNK = 2048;

    private final int nRetain;
    private final int nForget;
    private final int dimension;
    private final int[] columnStart;
    private final double[][] gram;

    private FactorGram(int nRetain, int nForget, int dimension, int[] columnStart, double[][] gram) {
        this.nRetain = nRetain;
        this.nForget = nForget;
        this.dimension = dimension;
        this.columnStart = columnStart;
        this.gram = gram;
    }

    /**
     * @param family a family whose Hessians are all factors
     * @return the Gram matrix of its factor columns
     * @throws IllegalArgumentException when a Hessian is not a factor
     */
    public static FactorGram of(HessianFamily family) {
        List<Hessian> all = family.all();
        int[] start = new int[all.size() + 1];
        List<double[]> columns = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!(all.get(i) instanceof FactorHessian factor)) {
                throw new IllegalArgumentException("sample " + i + " is not a factor Hessian");
            }
            columns.addAll(Arrays.asList(factor.columns()));
            start[i + 1] = columns.size();
        }
        return new FactorGram(family.nRetain(), family.nForget(), family.ambientDimension(), start,
                gram(columns.toArray(new double[0][]), family.dimension()));
    }

    /**
     * The family in span coordinates when it is a factor family with fewer columns than d (then
     * every computation is cheaper there and gives the same answers), else the family itself.
     *
     * @param family a family
     * @return an equivalent family of the smallest stored dimension this class can give
     */
    public static HessianFamily inSpanCoordinates(HessianFamily family) {
        boolean factors = family.all().stream().allMatch(h -> h instanceof FactorHessian);
        int columns = family.all().stream().mapToInt(h -> factors ? ((FactorHessian) h).rank() : 0).sum();
        return factors && columns < family.dimension() ? of(family).spanFamily() : family;
    }

    /**
     * Reads a stored Gram matrix (the {@code factor_gram} bundle of specs/family.md), checking that it is
     * finite, symmetric and positive semidefinite and that its rank fits in d.
     *
     * @param source the file, named in errors
     * @param gram the m x m matrix, m = (n_r + n_f) k
     * @param nRetain n_r
     * @param nForget n_f
     * @param rank k, the columns per sample
     * @param dimension d
     * @return the factor Gram
     * @throws InputException naming key and reason when the matrix is not such a Gram matrix
     */
    static FactorGram stored(String source, double[][] gram, int nRetain, int nForget, int rank, int dimension) {
        int m = (nRetain + nForget) * rank;
        if (gram.length != m || Arrays.stream(gram).anyMatch(row -> row.length != m)) {
            throw new InputException(source, "factor_gram", -1, "expected shape (" + m + ", " + m
                    + ") = ((n_retain + n_forget) * rank) squared, found " + gram.length + " rows");
        }
        double max = 0.0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(gram[i][j])) {
                    throw new InputException(source, "factor_gram", -1, "not finite: [" + i + "][" + j + "] = "
                            + gram[i][j]);
                }
                max = Math.max(max, Math.abs(gram[i][j]));
            }
        }
        double tolerance = FamilyValidator.SYMMETRY_TOLERANCE * Math.max(1.0, max);
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                if (Math.abs(gram[i][j] - gram[j][i]) > tolerance) {
                    throw new InputException(source, "factor_gram", -1, "not symmetric: |K[" + i + "][" + j
                            + "] - K[" + j + "][" + i + "]| = " + Math.abs(gram[i][j] - gram[j][i]) + " > "
                            + tolerance);
                }
            }
        }
        int[] start = new int[nRetain + nForget + 1];
        for (int i = 0; i < start.length; i++) {
            start[i] = i * rank;
        }
        FactorGram factorGram = new FactorGram(nRetain, nForget, dimension, start, gram);
        double[] values = factorGram.eigen().eigenvalues();
        double top = Arrays.stream(values).max().orElse(0.0);
        double lowest = Arrays.stream(values).min().orElse(0.0);
        if (lowest < -FamilyValidator.PSD_TOLERANCE * Math.max(1.0, top)) {
            throw new InputException(source, "factor_gram", -1, "not positive semidefinite: lambda_min = " + lowest
                    + " < -" + FamilyValidator.PSD_TOLERANCE + " * max(1, lambda_max = " + top + ")");
        }
        long kept = Arrays.stream(values).filter(v -> v > RANK_TOLERANCE * top).count();
        if (kept > dimension) {
            throw new InputException(source, "factor_gram", -1, "rank " + kept + " exceeds dimension d = " + dimension
                    + ": no d-dimensional factors have this Gram matrix");
        }
        return factorGram;
    }

    /**
     * The family in span coordinates: factors Y_i of r rows whose columns have Gram matrix K (up to
     * eigenvalues below {@link #RANK_TOLERANCE} times the largest), with d - r further null coordinates.
     *
     * @return the equivalent family
     */
    public HessianFamily spanFamily() {
        SymmetricEigen eigen = eigen();
        double[] values = eigen.eigenvalues();
        double top = Arrays.stream(values).max().orElse(0.0);
        int[] kept = IntStream.range(0, values.length).filter(p -> values[p] > RANK_TOLERANCE * top).toArray();
        int r = Math.max(1, kept.length); // an all-zero family keeps one (zero) coordinate
        double[][] vectors = eigen.vectorRows();
        List<Hessian> retain = new ArrayList<>(nRetain);
        List<Hessian> forget = new ArrayList<>(nForget);
        for (int i = 0; i < nRetain + nForget; i++) {
            double[][] columns = new double[columnStart[i + 1] - columnStart[i]][r];
            for (int c = 0; c < columns.length; c++) {
                for (int p = 0; p < kept.length; p++) {
                    columns[c][p] = Math.sqrt(values[kept[p]]) * vectors[kept[p]][columnStart[i] + c];
                }
            }
            (i < nRetain ? retain : forget).add(FactorHessian.ofColumns(r, columns));
        }
        return new HessianFamily(retain, forget, dimension - r);
    }

    private SymmetricEigen eigen() {
        double[][] copy = new double[gram.length][];
        for (int i = 0; i < gram.length; i++) {
            copy[i] = gram[i].clone();
            for (int j = 0; j < i; j++) {
                copy[i][j] = 0.5 * (gram[i][j] + gram[j][i]);
                copy[j][i] = copy[i][j];
            }
        }
        return SymmetricEigen.of(copy);
    }

    /** @return m, the number of factor columns */
    public int columns() {
        return gram.length;
    }

    /** @return d */
    public int dimension() {
        return dimension;
    }

    /**
     * The Gram matrix of the columns, blocked so that two column blocks of one coordinate chunk stay
     * in cache, in parallel over block pairs (each writes only its own entries, so the result does not
     * depend on the thread count).
     */
    private static double[][] gram(double[][] columns, int d) {
        int m = columns.length;
        double[][] gram = new double[m][m];
        int blocks = (m + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks * blocks).filter(t -> t / blocks <= t % blocks).parallel().forEach(t -> {
            int i0 = t / blocks * BLOCK;
            int j0 = t % blocks * BLOCK;
            int i1 = Math.min(m, i0 + BLOCK);
            int j1 = Math.min(m, j0 + BLOCK);
            for (int from = 0; from < d; from += CHUNK) {
                int to = Math.min(d, from + CHUNK);
                for (int i = i0; i < i1; i++) {
                    for (int j = Math.max(j0, i); j < j1; j++) {
                        gram[i][j] += dot(columns[i], columns[j], from, to);
                    }
                }
            }
        });
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                gram[i][j] = gram[j][i];
            }
        }
        return gram;
    }

    /** sum_{p in [from, to)} x_p y_p with four partial sums, so that the products can overlap. */
    private static double dot(double[] x, double[] y, int from, int to) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int p = from;
        for (; p + 3 < to; p += 4) {
            s0 += x[p] * y[p];
            s1 += x[p + 1] * y[p + 1];
            s2 += x[p + 2] * y[p + 2];
            s3 += x[p + 3] * y[p + 3];
        }
        for (; p < to; p++) {
            s0 += x[p] * y[p];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
