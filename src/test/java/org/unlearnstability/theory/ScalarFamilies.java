package org.unlearnstability.theory;

import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;

/** One-dimensional families written as lists of numbers, for the exact examples of the claim specs. */
final class ScalarFamilies {
    private ScalarFamilies() {
    }

    static HessianFamily of(double[] retain, double[] forget) {
        return new HessianFamily(scalars(retain), scalars(forget));
    }

    /** One Hessian of the given value followed by zeros, n in all. */
    static double[] oneThenZeros(double value, int n) {
        double[] v = new double[n];
        v[0] = value;
        return v;
    }

    private static List<Hessian> scalars(double[] values) {
        List<Hessian> out = new ArrayList<>();
        for (double v : values) {
            out.add(DiagonalHessian.of(new double[] {v}));
        }
        return out;
    }
}
