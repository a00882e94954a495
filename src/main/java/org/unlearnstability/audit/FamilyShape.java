package org.unlearnstability.audit;

import java.util.ArrayList;
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
 */
final class FamilyShape {
    /** The form of one Hessian slot. */
    enum Form {
        /** diag(x^2). */
        DIAGONAL,
        /** G G^T. */
        FACTOR,
        /** Q diag(x^2) Q^T. */
        ROTATED_DIAGONAL
    }

    private final int d;
    private final int nRetain;
    private final int nForget;
    private final Form[] forms;
    private final int[] columns;
    private final boolean identical;
    private final double @Nullable [][] rotation;

    FamilyShape(int d, int nRetain, int nForget, Form[] forms, int[] columns, boolean identical,
            double @Nullable [][] rotation) {
        this.d = d;
        this.nRetain = nRetain;
        this.nForget = nForget;
        this.forms = forms.clone();
        this.columns = columns.clone();
        this.identical = identical;
        this.rotation = rotation;
        if (forms.length != slots() || columns.length != slots()) {
            throw new IllegalArgumentException("a shape needs one form per slot: " + slots());
        }
    }

    /** @return the number of distinct Hessians (n_r, or n_r + n_f) */
    int slots() {
        return identical ? nRetain : nRetain + nForget;
    }

    /** @return d */
    int dimension() {
        return d;
    }

    /** @return n_r */
    int nRetain() {
        return nRetain;
    }

    /** @return n_f */
    int nForget() {
        return nForget;
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
        return forms[slot] == Form.FACTOR ? d * columns[slot] : d;
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
                double[] h = new double[d];
                for (int i = 0; i < d; i++) {
                    h[i] = x[offset + i] * x[offset + i];
                }
                return DiagonalHessian.of(h);
            }
            case FACTOR: {
                double[][] g = new double[columns[s]][d];
                for (int c = 0; c < columns[s]; c++) {
                    System.arraycopy(x, offset + c * d, g[c], 0, d);
                }
                return FactorHessian.ofColumns(d, g);
            }
            default: {
                double[][] q = rotation == null ? identity() : rotation;
                double[][] h = new double[d][d];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double sum = 0.0;
                        for (int p = 0; p < d; p++) {
                            sum += q[i][p] * x[offset + p] * x[offset + p] * q[j][p];
                        }
                        h[i][j] = sum;
                    }
                }
                for (int i = 0; i < d; i++) {
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
        double[][] q = new double[d][d];
        for (int i = 0; i < d; i++) {
            q[i][i] = 1.0;
        }
        return q;
    }
}
