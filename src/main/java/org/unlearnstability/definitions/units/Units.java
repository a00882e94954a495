package org.unlearnstability.definitions.units;

/**
 * Where numbers acquire their unit. The numeric kernels of {@code linalg} know nothing of the paper and return
 * plain doubles; the checked code states here, once per entry, which dimension such a number has. Each method
 * returns its argument unchanged (bit for bit) and carries the one suppression its invariant justifies.
 */
public final class Units {
    private Units() {
    }

    /**
     * @param value an eigenvalue, trace or Rayleigh quotient of a Hessian or of a combination of Hessians with
     *     dimensionless weights (e.g. lambda_max(D), lambda_max(D_rf), an eigenvalue of the drift A)
     * @return the same number as a curvature
     */
    @SuppressWarnings("units") // Invariant: a Hessian is a curvature, and so are its eigenvalues and traces.
    public static @Curvature double curvature(double value) {
        return value;
    }

    /**
     * @param value a learning rate the unit-free kernels computed (etaStar = 1 / mu_max of the pencil of
     *     {@code dynamics.CriticalLearningRate}), or one stated in its own unit
     * @return the same number as an inverse curvature
     */
    @SuppressWarnings("units") // Invariant: a learning rate multiplies a Hessian in J = I - eta A (update (2)).
    public static @InverseCurvature double learningRate(double value) {
        return value;
    }

    /**
     * @param constant C_r or C_f of Definition 2 (an inverse curvature squared), nonnegative
     * @return sqrt(constant), an inverse curvature
     */
    @SuppressWarnings("units") // Invariant: the square root of (1/curvature)^2 is 1/curvature; Math.sqrt drops units.
    public static @InverseCurvature double sqrt(@InverseCurvatureSquared double constant) {
        return Math.sqrt(constant);
    }
}
