package org.unlearnstability.cnn;

import org.hipparchus.util.FastMath;

/**
 * The logistic loss of section 2.4, l(z) = log(1 + exp(-z)) at the margin z = y f(W, x), with its
 * first two derivatives, evaluated without overflow for any finite margin.
 */
public final class LogisticLoss {
    private LogisticLoss() {
    }

    /** @return l(z) = log(1 + exp(-z)) */
    public static double value(double z) {
        return z > 0 ? FastMath.log1p(FastMath.exp(-z)) : -z + FastMath.log1p(FastMath.exp(z));
    }

    /** @return l'(z) = -1 / (1 + exp(z)) */
    public static double derivative(double z) {
        if (z >= 0) {
            double e = FastMath.exp(-z);
            return -e / (1 + e);
        }
        return -1 / (1 + FastMath.exp(z));
    }

    /** @return l''(z) = exp(z) / (1 + exp(z))^2 = s(z) s(-z), s the logistic sigmoid */
    public static double curvature(double z) {
        double e = FastMath.exp(-Math.abs(z));
        return e / ((1 + e) * (1 + e));
    }
}
