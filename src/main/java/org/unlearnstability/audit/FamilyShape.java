package org.unlearnstability.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;

/**
 * How a family of one shape is built from a real parameter vector, so that local search can move
 * through families while keeping the shape (and every Hessian PSD by construction): a diagonal slot
 * takes d parameters x and is diag(x^2); a factor slot takes d k parameters, the columns of G, and is
 * G G^T; a rotated-diagonal slot is Q diag(x^2) Q^T with one orthogonal Q shared by the family (so the
 * family commutes). With {@code identical} the forget set reuses the retain slots.
 *
 * @param dimension d
 * @param nRetain n_r
 * @param nForget n_f
 * @param forms the form of each slot
 * @param columns the columns k of each factor slot (ignored for the other forms)
 * @param identical whether the forget set reuses the retain slots
 * @param rotation the shared orthogonal Q of the rotated-diagonal slots (null: the identity)
 */
record FamilyShape(int dimension, int nRetain, int nForget, Form[] forms, int[] columns, boolean identical,
        double @Nullable [][] rotation) {
    /** The form of one Hessian slot. */
    enum Form {
        /** diag(x^2). */
        DIAGONAL,
        /** G G^T. */
        FACTOR,
        /** Q diag(x^2) Q^T. */
        ROTATED_DIAGONAL
    }

    /** Copies the arrays and checks that there is one form and one column count per slot. */
    FamilyShape {
        forms = forms.clone();
        columns = columns.clone();
        int slots = identical ? nRetain : nRetain + nForget;
        if (forms.length != slots || columns.length != slots) {
            throw new IllegalArgumentException("a shape needs one form per slot: " + slots);
        }
    }

    /**
     * Every Hessian of a family as a full factor G G^T with d columns (any PSD matrix), the forget set its own:
     * the shape in which a search may move every entry of a given family.
     *
     * @param d the dimension
     * @param nRetain n_r
     * @param nForget n_f
     * @return the shape, with {@code d * d} parameters per Hessian (G column by column)
     */
    static FamilyShape fullFactors(int d, int nRetain, int nForget) {
        Form[] forms = new Form[nRetain + nForget];
        Arrays.fill(forms, Form.FACTOR);
        int[] columns = new int[forms.length];
        Arrays.fill(columns, d);
        return new FamilyShape(d, nRetain, nForget, forms, columns, false, null);
    }

    /**
     * The parameter vector of a {@link #fullFactors} shape.
     *
     * @param factors one d x d factor G per slot (H = G G^T), in slot order
     * @return the parameters: each slot's G column by column
     */
    double[] factorParameters(List<double[][]> factors) {
        if (factors.size() != slots()) {
            throw new IllegalArgumentException("one factor per slot: " + slots() + ", not " + factors.size());
        }
        int d = dimension;
        double[] params = new double[slots() * d * d];
        for (int t = 0; t < factors.size(); t++) {
            double[][] g = factors.get(t);
            for (int c = 0; c < d; c++) {
                for (int i = 0; i < d; i++) {
                    params[t * d * d + c * d + i] = g[i][c];
                }
            }
        }
        return params;
    }

    /** @return the number of distinct Hessians (n_r, or n_r + n_f) */
    int slots() {
        return identical ? nRetain : nRetain + nForget;
    }

    /** @return the length of the parameter vector */
    int parameterCount() {
        int count = 0;
        for (int s = 0; s < slots(); s++) {
            count += width(s);
        }
        return count;
    }

    private int width(int slot) {
        return forms[slot] == Form.FACTOR ? dimension * columns[slot] : dimension;
    }

    /**
     * @param x the parameters (at least {@link #parameterCount()} values; the rest are ignored)
     * @return the family
     */
    HessianFamily build(double[] x) {
        List<Hessian> hessians = new ArrayList<>();
        int offset = 0;
        for (int s = 0; s < slots(); s++) {
            hessians.add(slot(s, x, offset));
            offset += width(s);
        }
        List<Hessian> retain = hessians.subList(0, nRetain);
        List<Hessian> forget = identical ? retain : hessians.subList(nRetain, nRetain + nForget);
        return new HessianFamily(retain, forget);
    }

    private Hessian slot(int s, double[] x, int offset) {
        switch (forms[s]) {
            case DIAGONAL: {
                double[] h = new double[dimension];
                for (int i = 0; i < dimension; i++) {
                    h[i] = x[offset + i] * x[offset + i];
                }
                return DiagonalHessian.of(h);
            }
            case FACTOR: {
                double[][] g = new double[columns[s]][dimension];
                for (int c = 0; c < columns[s]; c++) {
                    System.arraycopy(x, offset + c * dimension, g[c], 0, dimension);
                }
                return FactorHessian.ofColumns(dimension, g);
            }
            default: {
                double[][] q = rotation == null ? identity() : rotation;
                double[][] h = new double[dimension][dimension];
                for (int i = 0; i < dimension; i++) {
                    for (int j = 0; j < dimension; j++) {
                        double sum = 0.0;
                        for (int p = 0; p < dimension; p++) {
                            sum += q[i][p] * x[offset + p] * x[offset + p] * q[j][p];
                        }
                        h[i][j] = sum;
                    }
                }
                for (int i = 0; i < dimension; i++) {
                    for (int j = 0; j < i; j++) {
                        double mean = 0.5 * (h[i][j] + h[j][i]);
                        h[i][j] = mean;
                        h[j][i] = mean;
                    }
                }
                return DenseHessian.of(h);
            }
        }
    }

    private double[][] identity() {
        double[][] q = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            q[i][i] = 1.0;
        }
        return q;
    }
}
