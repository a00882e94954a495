package org.unlearnstability.linalg;

import org.checkerframework.checker.index.qual.NonNegative;

/**
 * The array kernels behind the Hessian representations: dot products, matrix-vector products and
 * congruences on rows. Every kernel checks the lengths it relies on, which is also what lets the
 * Index Checker prove each access in range.
 */
final class DenseKernels {
    private DenseKernels() {
    }

    static void multiply(double[][] rows, double[] x, double[] out) {
        if (out.length != rows.length) {
            throw new IllegalArgumentException("output length " + out.length + " != " + rows.length);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Vectors.dot(rows[i], x);
        }
    }

    static void factorMultiply(double[][] columns, double[] x, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (double[] g : columns) {
            Vectors.addScaled(out, Vectors.dot(g, x), g);
        }
    }

    static double trace(double[][] rows) {
        double sum = 0.0;
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (i < row.length) {
                sum += row[i];
            }
        }
        return sum;
    }

    /** out = a * b for square matrices given as rows. */
    static void product(double[][] a, double[][] b, double[][] out) {
        if (out.length != a.length) {
            throw new IllegalArgumentException("output has " + out.length + " rows, expected " + a.length);
        }
        for (int i = 0; i < out.length; i++) {
            double[] target = out[i];
            java.util.Arrays.fill(target, 0.0);
            double[] aRow = a[i];
            if (aRow.length != b.length) {
                throw new IllegalArgumentException("inner dimensions differ: " + aRow.length + " vs " + b.length);
            }
            for (int k = 0; k < aRow.length; k++) {
                Vectors.addScaled(target, aRow[k], b[k]);
            }
        }
    }

    /**
     * out = H X H for symmetric H (rows) and X: the full product H X, then only the upper triangle of
     * (H X) H, mirrored, which saves a quarter of the work and returns an exactly symmetric result.
     */
    static void congruence(double[][] h, double[][] x, double[][] out) {
        double[][] hx = new double[h.length][h.length];
        product(h, x, hx);
        upperProduct(hx, h, out);
    }

    /**
     * out += weight * H X H, to the bit {@link #congruence} into a scratch matrix followed by out += weight *
     * scratch: each upper-triangle entry of (H X) H sums its terms from 0.0 in the same order over k, and the
     * lower triangle adds the mirrored entry, without the scratch matrix.
     */
    static void congruenceAdd(double[][] h, double weight, double[][] x, double[][] out) {
        double[][] hx = new double[h.length][h.length];
        product(h, x, hx);
        if (out.length != hx.length || h.length != hx.length) {
            throw new IllegalArgumentException("matrix sizes differ: " + h.length + ", " + out.length);
        }
        for (int i = 0; i < out.length; i++) {
            double[] aRow = hx[i];
            double[] target = out[i];
            for (int j = i; j < target.length; j++) {
                double sum = 0.0;
                for (int k = 0; k < aRow.length && k < h.length; k++) {
                    double[] bRow = h[k];
                    if (j < bRow.length) {
                        sum += aRow[k] * bRow[j];
                    }
                }
                target[j] += weight * sum;
                if (j > i && j < out.length) {
                    double[] mirror = out[j];
                    if (i < mirror.length) {
                        mirror[i] += weight * sum;
                    }
                }
            }
        }
    }

    /** The upper triangle of out = a * b (square, as rows), mirrored into the lower triangle. */
    static void upperProduct(double[][] a, double[][] b, double[][] out) {
        if (out.length != a.length || b.length != a.length) {
            throw new IllegalArgumentException("matrix sizes differ: " + a.length + ", " + b.length + ", "
                    + out.length);
        }
        for (int i = 0; i < out.length; i++) {
            double[] target = out[i];
            double[] aRow = a[i];
            java.util.Arrays.fill(target, 0.0);
            for (int k = 0; k < aRow.length && k < b.length; k++) {
                double factor = aRow[k];
                double[] bRow = b[k];
                for (int j = i; j < target.length && j < bRow.length; j++) {
                    target[j] += factor * bRow[j];
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            double[] row = out[i];
            for (int j = 0; j < i && j < row.length; j++) {
                double[] other = out[j];
                if (i < other.length) {
                    row[j] = other[i];
                }
            }
        }
    }

    /** out = diag(a) X diag(a). */
    static void diagonalCongruence(double[] a, double[][] x, double[][] out) {
        if (x.length != a.length || out.length != a.length) {
            throw new IllegalArgumentException("matrix sizes differ from the diagonal length " + a.length);
        }
        for (int i = 0; i < a.length; i++) {
            double[] row = x[i];
            double[] target = out[i];
            Vectors.hadamard(a, row, target);
            for (int j = 0; j < target.length; j++) {
                target[j] *= a[i];
            }
        }
    }

    /** The k x k coupling G^T X G of factor columns, entry (c, e) = g_c . (X g_e). */
    private static double[][] coupling(double[][] columns, double[][] x) {
        int k = columns.length;
        double[][] xg = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] v = new double[x.length];
            multiply(x, columns[c], v);
            xg[c] = v;
        }
        double[][] coupling = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] row = new double[xg.length];
            for (int e = 0; e < row.length; e++) {
                row[e] = Vectors.dot(columns[c], xg[e]);
            }
            coupling[c] = row;
        }
        return coupling;
    }

    /** out = sum_{c,c'} (g_c^T X g_c') g_c g_c'^T, that is G G^T X G G^T. */
    static void factorCongruence(double[][] columns, double[][] x, double[][] out) {
        double[][] coupling = coupling(columns, x);
        for (double[] row : out) {
            java.util.Arrays.fill(row, 0.0);
        }
        for (int c = 0; c < columns.length && c < coupling.length; c++) {
            double[] gc = columns[c];
            double[] weights = coupling[c];
            for (int i = 0; i < gc.length && i < out.length; i++) {
                double[] target = out[i];
                for (int e = 0; e < weights.length && e < columns.length; e++) {
                    Vectors.addScaled(target, gc[i] * weights[e], columns[e]);
                }
            }
        }
    }

    /**
     * out += weight * G G^T X G G^T, to the bit {@link #factorCongruence} into a scratch matrix followed by
     * out += weight * scratch: every entry of the congruence sums the same terms (g_c,i w_ce) g_e,j from 0.0
     * in the same order (c, then e), but in one sweep, with no d x d scratch (the audit's noise map applies
     * this thousands of times to small families).
     */
    static void factorCongruenceAdd(double[][] columns, double weight, double[][] x, double[][] out) {
        double[][] coupling = coupling(columns, x);
        for (int c = 0; c < columns.length && c < coupling.length; c++) {
            // Rank one (c = 0 only): the fused sweep of the single coupling entry w_00.
            double[] w = coupling[c];
            if (columns.length == 1 && w.length == 1) {
                for (double wcc : w) {
                    rankOneCongruenceAdd(columns[c], wcc, weight, out);
                }
                return;
            }
        }
        // Row i of the congruence in a scratch row, summed over (c, e) in the order of factorCongruence (axpy
        // sweeps over j that vectorise), then added to out's row.
        double[] row = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            double[] target = out[i];
            java.util.Arrays.fill(row, 0.0);
            for (int c = 0; c < columns.length && c < coupling.length; c++) {
                double[] gc = columns[c];
                double[] weights = coupling[c];
                if (i < gc.length) {
                    for (int e = 0; e < weights.length && e < columns.length; e++) {
                        Vectors.addScaled(row, gc[i] * weights[e], columns[e]);
                    }
                }
            }
            for (int j = 0; j < target.length && j < row.length; j++) {
                target[j] += weight * row[j];
            }
        }
    }

    /** out += weight * ((g_i w) g_j + 0.0): the rank-one case of {@link #factorCongruenceAdd}. */
    private static void rankOneCongruenceAdd(double[] g, double w, double weight, double[][] out) {
        for (int i = 0; i < out.length && i < g.length; i++) {
            double[] target = out[i];
            double gw = g[i] * w;
            for (int j = 0; j < target.length && j < g.length; j++) {
                target[j] += weight * (0.0 + gw * g[j]);
            }
        }
    }

    /** out += weight * term, entry by entry. */
    static void addScaled(double weight, double[][] term, double[][] out) {
        for (int i = 0; i < out.length && i < term.length; i++) {
            double[] target = out[i];
            double[] row = term[i];
            for (int j = 0; j < target.length && j < row.length; j++) {
                target[j] += weight * row[j];
            }
        }
    }

    /** The k x k Gram matrix G^T G of factor columns. */
    static double[][] gram(double[][] columns) {
        int k = columns.length;
        double[][] g = new double[k][k];
        for (int c = 0; c < k; c++) {
            double[] row = g[c];
            for (int e = 0; e < row.length && e < columns.length; e++) {
                row[e] = Vectors.dot(columns[c], columns[e]);
            }
        }
        return g;
    }

    /** The dense d x d matrix sum_c g_c g_c^T. */
    static double[][] outerSum(@NonNegative int d, double[][] columns) {
        double[][] out = new double[d][d];
        for (double[] g : columns) {
            for (int i = 0; i < g.length && i < out.length; i++) {
                Vectors.addScaled(out[i], g[i], g);
            }
        }
        return out;
    }

}
