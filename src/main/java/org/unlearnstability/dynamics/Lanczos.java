package org.unlearnstability.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.unlearnstability.linalg.Vectors;

/**
 * The largest eigenvalue of a self-adjoint operator by the Lanczos process with full
 * reorthogonalisation (classical Gram-Schmidt applied twice). The top Ritz value theta of the
 * tridiagonal projection never exceeds lambda_max; it is accepted by the error estimate of
 * {@link #converged}. When the Krylov space becomes invariant (beta = 0) or fills the whole space,
 * theta is exact up to rounding.
 */
final class Lanczos {
    /** Default relative eigenvalue error estimate at which a Ritz value is accepted. */
    static final double DEFAULT_TOLERANCE = 1e-10;
    /** Default cap on operator applications. */
    static final int DEFAULT_MAX_ITERATIONS = 400;

    private Lanczos() {
    }

    /**
     * The outcome of one run.
     *
     * @param value the largest Ritz value
     * @param residual the residual norm of its Ritz pair
     * @param iterations operator applications used
     * @param gap the distance from the top Ritz value to the next one (infinite with one Ritz value)
     */
    record Result(double value, double residual, int iterations, double gap) {
    }

    /**
     * @param operator the self-adjoint operator
     * @param start a nonzero start vector with a component along the top eigenvector
     * @return lambda_max with its residual
     */
    static Result largest(SymmetricOperator operator, double[] start) {
        return largest(operator, start, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param operator the self-adjoint operator
     * @param start a nonzero start vector with a component along the top eigenvector
     * @param tolerance the relative residual at which to stop
     * @param maxIterations the cap on operator applications
     * @return lambda_max with its residual
     * @throws IllegalStateException when the cap is reached before the tolerance
     */
    static Result largest(SymmetricOperator operator, double[] start, double tolerance, int maxIterations) {
        int n = operator.size();
        double startNorm = Vectors.norm(start);
        if (n == 0 || startNorm == 0.0) {
            throw new IllegalArgumentException("Lanczos needs a nonzero start vector in a nonempty space");
        }
        List<double[]> basis = new ArrayList<>();
        List<Double> alphas = new ArrayList<>();
        List<Double> betas = new ArrayList<>();
        double[] q = Vectors.scaled(start, 1.0 / startNorm);
        double[] w = new double[n];
        int limit = Math.min(n, maxIterations);
        Result best = new Result(Double.NaN, Double.POSITIVE_INFINITY, 0, 0.0);
        for (int j = 0; j < limit; j++) {
            basis.add(q);
            operator.apply(q, w);
            double alpha = Vectors.dot(q, w);
            alphas.add(alpha);
            orthogonalise(w, basis);
            orthogonalise(w, basis);
            double beta = Vectors.norm(w);
            best = ritz(alphas, betas, beta, j + 1);
            double scale = Math.max(Math.abs(best.value()), Math.abs(alpha));
            boolean invariant = beta <= 1e-14 * Math.max(scale, Double.MIN_NORMAL) || j + 1 == n;
            if (invariant) {
                return new Result(best.value(), 0.0, j + 1, best.gap());
            }
            if (converged(best, tolerance)) {
                return best;
            }
            betas.add(beta);
            q = Vectors.scaled(w, 1.0 / beta);
            w = new double[n];
        }
        if (converged(best, 1e3 * tolerance)) {
            return best;
        }
        throw new IllegalStateException("Lanczos did not converge in " + limit + " steps: theta = " + best.value()
                + ", residual = " + best.residual());
    }

    /**
     * The Ritz value is accepted when its error estimate min(r, r^2 / gap) is below tolerance * |theta|
     * and r itself below sqrt(tolerance) * |theta|; gap is the distance to the next Ritz value. The
     * eigenvalue error of a Ritz pair with residual r is at most r, and at most about r^2 / gap once
     * the pair is isolated, which is why the value converges about twice as fast as the vector.
     */
    private static boolean converged(Result ritz, double tolerance) {
        double scale = Math.abs(ritz.value());
        double r = ritz.residual();
        double estimate = Math.min(r, r * r / Math.max(ritz.gap(), Double.MIN_NORMAL));
        return estimate <= tolerance * scale && r <= Math.sqrt(tolerance) * scale;
    }

    /** The top Ritz value of the j x j tridiagonal projection and its residual beta |s_j|. */
    private static Result ritz(List<Double> alphas, List<Double> betas, double nextBeta, int j) {
        double[] main = new double[j];
        double[] secondary = new double[Math.max(j - 1, 0)];
        for (int i = 0; i < j; i++) {
            main[i] = alphas.get(i);
        }
        for (int i = 0; i < j - 1; i++) {
            secondary[i] = betas.get(i);
        }
        if (j == 1) {
            return new Result(main[0], nextBeta, 1, Double.POSITIVE_INFINITY);
        }
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(main, secondary);
        double[] values = eigen.getEigenvalues();
        int top = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[top]) {
                top = i;
            }
        }
        double second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (i != top) {
                second = Math.max(second, values[i]);
            }
        }
        double lastComponent = eigen.getEigenvector(top).getEntry(j - 1);
        return new Result(values[top], Math.abs(nextBeta * lastComponent), j, values[top] - second);
    }

    private static void orthogonalise(double[] w, List<double[]> basis) {
        for (double[] b : basis) {
            double projection = Vectors.dot(b, w);
            for (int i = 0; i < w.length; i++) {
                w[i] -= projection * b[i];
            }
        }
    }
}
