package org.unlearnstability.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The largest eigenvalue, and on request its Ritz vector, of a self-adjoint operator by the Lanczos
 * process with full reorthogonalisation (Gram-Schmidt applied twice: one pass leaves errors of the
 * order of the first's cancellation). The top Ritz value theta of the tridiagonal projection never
 * exceeds lambda_max. When the Krylov space becomes invariant (beta = 0) or fills the whole space,
 * theta is exact up to rounding.
 *
 * <p>Two stopping rules share the recurrence: {@link #largest} accepts theta by the eigenvalue error
 * estimate of {@link #converged} and checks every step (the spectral radius of the mean-square
 * operator); {@link #topRitzVector} examines the Ritz pair on a {@link RitzSchedule} and stops on a
 * small residual (a warm start for the power steps of the coherence's Perron root);
 * {@link #topRitzPair} keeps the operator's image of every basis vector, so that each step's Ritz pair comes
 * with its image A y at no further product, and lets the caller decide at every step (the Perron root's
 * Collatz-Wielandt certificate).
 *
 * <p>Outside the Index Checker's proofs: every array here is indexed by the step count k, below
 * steps = min(n, maxSteps) by the loop condition, or by i &lt; n with every Krylov vector of length n
 * (checked at entry); the checker cannot follow k through the schedule's early exits.
 */
@SuppressWarnings("index")
public final class Lanczos {
    /** Default relative eigenvalue error estimate at which a Ritz value is accepted. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** Default cap on operator applications. */
    public static final int DEFAULT_MAX_ITERATIONS = 400;
    /** beta below this fraction of the eigenvalue scale means the Krylov space is invariant. */
    private static final double INVARIANT_BETA = 1e-14;
    /** Past the iteration cap a Ritz value within this factor of the tolerance is still accepted. */
    private static final double CAP_TOLERANCE_FACTOR = 1e3;

    private Lanczos() {
    }

    /** The dot product the recurrence uses (the Ritz-vector route uses four lanes on long coherence vectors). */
    private interface Dot {
        double of(double[] a, double[] b);
    }

    /**
     * The outcome of one run.
     *
     * @param value the largest Ritz value
     * @param residual the residual norm of its Ritz pair
     * @param iterations operator applications used
     * @param gap the distance from the top Ritz value to the next one (infinite with one Ritz value)
     */
    public record Result(double value, double residual, int iterations, double gap) {
    }

    /**
     * When {@link #topRitzVector} examines the Ritz pair (eigensolves cost) and when it stops.
     *
     * @param maxSteps the cap on Lanczos steps
     * @param firstCheck the first step at which the Ritz pair is examined
     * @param checkEvery examine it every this many steps from then on
     * @param residualTolerance stop when the Ritz residual is below this fraction of |theta|
     */
    public record RitzSchedule(int maxSteps, int firstCheck, int checkEvery, double residualTolerance) {
    }

    /**
     * The top Ritz pair.
     *
     * @param vector the Ritz vector (unit length up to rounding, sign as the eigensolver returns it)
     * @param value its Ritz value theta
     * @param steps operator applications spent
     */
    public record RitzVector(double[] vector, double value, int steps) {
    }

    /**
     * The top Ritz pair of one step with its image under the operator, combined from the images of the basis
     * vectors: A y = sum_j s_j (A q_j) for y = sum_j s_j q_j.
     *
     * @param vector the Ritz vector y (unit length up to rounding, sign as the eigensolver returns it)
     * @param image A y
     * @param imageError a bound on the rounding error of each entry of {@code image} as combined here,
     *     2 (k + 1) u sum_j |s_j| |(A q_j)_i| (the images themselves are taken as computed)
     * @param value the Ritz value theta
     * @param steps operator applications spent
     */
    public record RitzPair(double[] vector, double[] image, double[] imageError, double value, int steps) {
    }

    /**
     * @param operator the self-adjoint operator
     * @param start a nonzero start vector with a component along the top eigenvector
     * @return lambda_max with its residual
     */
    public static Result largest(SymmetricOperator operator, double[] start) {
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
    public static Result largest(SymmetricOperator operator, double[] start, double tolerance, int maxIterations) {
        int n = operator.size();
        requireLength(start, n);
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
            double alpha = expand(operator, q, w, basis, Vectors::dot);
            alphas.add(alpha);
            double beta = Math.sqrt(Vectors.dot(w, w));
            best = ritz(alphas, betas, beta, j + 1);
            double scale = Math.max(Math.abs(best.value()), Math.abs(alpha));
            boolean invariant = beta <= INVARIANT_BETA * Math.max(scale, Double.MIN_NORMAL) || j + 1 == n;
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
        if (converged(best, CAP_TOLERANCE_FACTOR * tolerance)) {
            return best;
        }
        throw new IllegalStateException("Lanczos did not converge in " + limit + " steps: theta = " + best.value()
                + ", residual = " + best.residual());
    }

    /**
     * The top Ritz pair after at most {@code schedule.maxSteps()} steps from a given unit vector.
     *
     * @param operator the self-adjoint operator
     * @param unitStart the first Lanczos vector, of unit length (not modified, not renormalised)
     * @param schedule when to examine the Ritz pair and when to stop
     * @return the top Ritz vector and value
     */
    public static RitzVector topRitzVector(SymmetricOperator operator, double[] unitStart, RitzSchedule schedule) {
        int n = operator.size();
        requireLength(unitStart, n);
        int steps = Math.min(n, schedule.maxSteps());
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        double[] v = unitStart.clone();
        int k = 0;
        double[] ritz = {1.0, 0.0};
        while (k < steps) {
            basis.add(v);
            double[] w = new double[n];
            alpha[k] = expand(operator, v, w, basis, Vectors::dotFourLanes);
            beta[k] = Math.sqrt(Vectors.dotFourLanes(w, w));
            k++;
            boolean last = k == steps || beta[k - 1] <= INVARIANT_BETA * Math.abs(alpha[0]);
            if (!last && (k < schedule.firstCheck() || k % schedule.checkEvery() != 0)) {
                v = Vectors.scaled(w, 1.0 / beta[k - 1]);
                continue;
            }
            // The check needs theta and the last component of its eigenvector only; the whole vector is
            // computed once, for the step Lanczos stops at.
            TridiagonalRitz check = TridiagonalRitz.of(Arrays.copyOf(alpha, k), Arrays.copyOf(beta, k - 1));
            int top = top(check.values());
            double theta = Math.abs(check.values()[top]);
            double residual = beta[k - 1] * Math.abs(check.lastComponents()[top]);
            if (last || residual <= schedule.residualTolerance() * theta) {
                ritz = topEigenvector(alpha, beta, k);
                break;
            }
            v = Vectors.scaled(w, 1.0 / beta[k - 1]);
        }
        double[] x = new double[n];
        for (int j = 0; j < k; j++) {
            double[] q = basis.get(j);
            for (int i = 0; i < n; i++) {
                x[i] += ritz[j] * q[i];
            }
        }
        return new RitzVector(x, ritz[k], k);
    }

    /**
     * Lanczos steps from a unit vector, the top Ritz pair and its image offered to {@code accept} after every
     * step, until it accepts one, the Krylov space is invariant or {@code maxSteps} is reached (then the last pair
     * is returned).
     *
     * @param operator the self-adjoint operator
     * @param unitStart the first Lanczos vector, of unit length (not modified, not renormalised)
     * @param maxSteps the cap on Lanczos steps
     * @param accept decides whether a step's pair is good enough
     * @return the accepted (or last) top Ritz pair with its image
     */
    public static RitzPair topRitzPair(SymmetricOperator operator, double[] unitStart, int maxSteps,
            Predicate<RitzPair> accept) {
        int n = operator.size();
        requireLength(unitStart, n);
        int steps = Math.min(n, maxSteps);
        List<double[]> basis = new ArrayList<>();
        List<double[]> images = new ArrayList<>();
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        double[] v = unitStart.clone();
        int k = 0;
        while (true) {
            basis.add(v);
            double[] w = new double[n];
            operator.apply(v, w);
            images.add(w.clone());
            alpha[k] = orthogonalise(v, w, basis, Vectors::dotFourLanes);
            beta[k] = Math.sqrt(Vectors.dotFourLanes(w, w));
            k++;
            boolean last = k == steps || beta[k - 1] <= INVARIANT_BETA * Math.abs(alpha[0]);
            RitzPair pair = ritzPair(topEigenvector(alpha, beta, k), basis, images, k);
            // Every pair is offered, the last one too: the caller's certificate is built from the pairs it saw.
            if (accept.test(pair) || last) {
                return pair;
            }
            v = Vectors.scaled(w, 1.0 / beta[k - 1]);
        }
    }

    /** y = sum_j s_j q_j and A y = sum_j s_j (A q_j), with the rounding bound of the latter. */
    private static RitzPair ritzPair(double[] ritz, List<double[]> basis, List<double[]> images, int k) {
        int n = basis.get(0).length;
        double[] y = new double[n];
        double[] image = new double[n];
        double[] error = new double[n];
        for (int j = 0; j < k; j++) {
            double[] q = basis.get(j);
            double[] aq = images.get(j);
            double s = ritz[j];
            for (int i = 0; i < n; i++) {
                y[i] += s * q[i];
                image[i] += s * aq[i];
                error[i] += Math.abs(s * aq[i]);
            }
        }
        // 2 (k + 1) u, with u = ulp(1) / 2 the unit roundoff: k products and k additions per entry.
        double unit = (k + 1) * Math.ulp(1.0);
        for (int i = 0; i < n; i++) {
            error[i] *= unit;
        }
        return new RitzPair(y, image, error, ritz[k], k);
    }

    private static void requireLength(double[] start, int n) {
        if (start.length != n) {
            throw new IllegalArgumentException("start vector of length " + start.length + " for an operator on R^" + n);
        }
    }

    /** w = A q, orthogonalised twice against the basis (which ends with q); returns alpha = q . A q. */
    private static double expand(SymmetricOperator operator, double[] q, double[] w, List<double[]> basis, Dot dot) {
        operator.apply(q, w);
        return orthogonalise(q, w, basis, dot);
    }

    /** w (= A q) orthogonalised twice against the basis (which ends with q); returns alpha = q . A q. */
    private static double orthogonalise(double[] q, double[] w, List<double[]> basis, Dot dot) {
        double alpha = dot.of(q, w);
        for (int pass = 0; pass < 2; pass++) {
            for (double[] b : basis) {
                double projection = dot.of(b, w);
                for (int i = 0; i < w.length; i++) {
                    w[i] -= projection * b[i];
                }
            }
        }
        return alpha;
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
        TridiagonalRitz eigen = TridiagonalRitz.of(main, secondary);
        double[] values = eigen.values();
        int top = top(values);
        double second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (i != top) {
                second = Math.max(second, values[i]);
            }
        }
        double lastComponent = eigen.lastComponents()[top];
        return new Result(values[top], Math.abs(nextBeta * lastComponent), j, values[top] - second);
    }

    /**
     * @return the eigenvector of the top eigenvalue of the k x k Lanczos tridiagonal (length k),
     *     followed by that eigenvalue (length k + 1 in all)
     */
    private static double[] topEigenvector(double[] alpha, double[] beta, int k) {
        // The tridiagonal form goes to the eigensolver as it is (no Householder reduction of a dense copy).
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(Arrays.copyOf(alpha, k),
                Arrays.copyOf(beta, k - 1));
        double[] values = eigen.getEigenvalues();
        int top = top(values);
        double[] result = Arrays.copyOf(eigen.getEigenvector(top).toArray(), k + 1);
        result[k] = values[top];
        return result;
    }

    private static int top(double[] values) {
        int top = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[top]) {
                top = i;
            }
        }
        return top;
    }
}
