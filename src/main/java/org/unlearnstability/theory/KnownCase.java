package org.unlearnstability.theory;

import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;

/**
 * A constructed case of a claim, not searched for: an equality case of (7) or (8) (a floating-point search
 * can approach slack 1 but never decide ">=" against ">"; these are decided in exact arithmetic), or an exact
 * witness.
 *
 * @param name a short name
 * @param family the family
 * @param hyper the hyper-parameters, at the equality
 * @param description what it shows
 */
public record KnownCase(String name, HessianFamily family, Hyperparameters hyper, String description) {
    /** @return what the case is, for a counterexample's origin */
    public String origin() {
        return (name.startsWith("equality") ? "constructed equality case " : "constructed exact witness ") + name;
    }

    /**
     * @param value the one nonzero value
     * @param n how many Hessians
     * @return one Hessian [value] followed by n - 1 zero Hessians (d = 1)
     */
    public static List<Hessian> scalars(double value, int n) {
        List<Hessian> out = new ArrayList<>();
        out.add(DiagonalHessian.of(new double[] {value}));
        for (int i = 1; i < n; i++) {
            out.add(DiagonalHessian.of(new double[] {0.0}));
        }
        return out;
    }
}
