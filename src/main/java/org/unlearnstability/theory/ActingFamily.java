package org.unlearnstability.theory;

import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;

/**
 * The Hessians that act in update (3) at a given alpha. At alpha = 0 the forget set has weight 0 in every
 * J_k (and C_f = 0), at alpha = 1 the retain set has; their Hessians then move nothing, yet they enlarge
 * the range of sum_i H_i on which the dynamics package measures rho(T) and etaStar, so that a direction
 * only a silent set touches would count as a range direction with J = 1 and no noise (rho = 1,
 * etaStar = 0) instead of a null direction. The audit therefore evaluates the dynamics on this family, in
 * which the silent set's Hessians are replaced by zeros (n_r, n_f and B unchanged).
 */
final class ActingFamily {
    private ActingFamily() {
    }

    /**
     * @param family a family
     * @param alpha the forget weight
     * @return the family with a silent set's Hessians set to zero (the family itself when 0 &lt; alpha &lt; 1)
     */
    static HessianFamily of(HessianFamily family, double alpha) {
        if (alpha > 0.0 && alpha < 1.0) {
            return family;
        }
        List<Hessian> zeros = new ArrayList<>();
        int n = alpha == 0.0 ? family.nForget() : family.nRetain();
        for (int i = 0; i < n; i++) {
            zeros.add(DiagonalHessian.of(new double[family.dimension()]));
        }
        return alpha == 0.0 ? new HessianFamily(family.retain(), zeros) : new HessianFamily(zeros, family.forget());
    }
}
