package org.unlearnstability.family;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.definitions.SetSizes;
import org.unlearnstability.linalg.Hessian;

/**
 * The per-sample Hessians of a retain set D_r and a forget set D_f at the optimum w* (paper,
 * section 2.1): n_r + n_f symmetric PSD matrices of one dimension d.
 *
 * <p>A family may be stored in span coordinates (see {@link FactorGram}): its Hessians then act on the
 * first {@link #dimension()} coordinates of R^d and vanish on the remaining {@code outsideDimension}
 * coordinates, which belong to the common null space of every H_i.
 *
 * @param retain the retain-set Hessians H_r, r in D_r, in sample order
 * @param forget the forget-set Hessians H_f, f in D_f, in sample order
 * @param outsideDimension how many further coordinates of R^d every Hessian annihilates (0 for a family
 *     stored in its own coordinates)
 */
public record HessianFamily(List<Hessian> retain, List<Hessian> forget, int outsideDimension)
        implements SetSizes, Serializable {

    /**
     * A family stored in its own coordinates.
     *
     * @param retain the retain-set Hessians
     * @param forget the forget-set Hessians
     */
    public HessianFamily(List<Hessian> retain, List<Hessian> forget) {
        this(retain, forget, 0);
    }

    /** Copies both lists and checks that neither is empty and all dimensions agree. */
    public HessianFamily {
        if (outsideDimension < 0) {
            throw new IllegalArgumentException("outsideDimension must be non-negative, got " + outsideDimension);
        }
        retain = List.copyOf(retain);
        forget = List.copyOf(forget);
        if (retain.isEmpty() || forget.isEmpty()) {
            throw new IllegalArgumentException("a family needs at least one retain and one forget Hessian");
        }
        int d = retain.get(0).dimension();
        for (Hessian h : all(retain, forget)) {
            if (h.dimension() != d) {
                throw new IllegalArgumentException("Hessian dimensions differ: " + h.dimension() + " vs " + d);
            }
        }
    }

    /** @return the dimension the Hessians are stored in (d, or the span dimension of a family in span coordinates) */
    public int dimension() {
        return retain.get(0).dimension();
    }

    /** @return the parameter dimension d: the stored dimension plus the coordinates every Hessian annihilates */
    public int ambientDimension() {
        return dimension() + outsideDimension;
    }

    /** @return n_r */
    @Override
    public int nRetain() {
        return retain.size();
    }

    /** @return n_f */
    @Override
    public int nForget() {
        return forget.size();
    }

    /** @return the retain Hessians followed by the forget Hessians (the index order of every Gram matrix) */
    public List<Hessian> all() {
        return all(retain, forget);
    }

    private static List<Hessian> all(List<Hessian> retain, List<Hessian> forget) {
        List<Hessian> all = new ArrayList<>(retain.size() + forget.size());
        all.addAll(retain);
        all.addAll(forget);
        return all;
    }
}
