package org.unlearnstability.coherence;

import java.util.Arrays;
import org.unlearnstability.linalg.Lanczos;

/**
 * A warm start for the power steps of {@link PerronRoot}: the top Ritz vector of Lanczos (full
 * reorthogonalisation) from a given positive vector, made positive. Lanczos needs far fewer products
 * than power iteration when lambda_2 / lambda_1 is close to 1 (about 0.7 for the low-coherence CNN
 * families of the memorisation regime). When the Ritz vector is not positive (a reducible operator)
 * the given vector is returned and the power steps go on from it.
 *
 * @param vector a positive unit vector
 * @param products operator applications spent
 */
record LanczosStart(double[] vector, int products) {
    private static final int MAX_STEPS = 60;
    /** The Ritz pair is examined from this many steps on, every CHECK_EVERY steps: eigensolves cost. */
    private static final int FIRST_CHECK = 8;
    private static final int CHECK_EVERY = 2;
    /**
     * Lanczos stops when the Ritz residual is below this fraction of tolerance * theta: the
     * Collatz-Wielandt width of a near-uniform positive vector is about 2 sqrt(n) times the relative
     * residual, and any shortfall is closed by the power steps.
     */
    private static final double RESIDUAL_FACTOR = 1e-2;

    /**
     * @param operator the symmetric nonnegative operator
     * @param tolerance the relative bracket width the power steps will aim for
     * @param from a positive unit vector, the first Lanczos vector (not modified)
     * @return the start
     */
    static LanczosStart of(NonnegativeOperator operator, double tolerance, double[] from) {
        Lanczos.RitzVector ritz = Lanczos.topRitzVector(operator, from,
                new Lanczos.RitzSchedule(MAX_STEPS, FIRST_CHECK, CHECK_EVERY, RESIDUAL_FACTOR * tolerance));
        double[] x = ritz.vector();
        double sign = Math.signum(Arrays.stream(x).sum());
        for (int i = 0; i < x.length; i++) {
            x[i] *= sign;
            if (!(x[i] > 0.0)) {
                return new LanczosStart(from.clone(), ritz.steps());
            }
        }
        return new LanczosStart(x, ritz.steps());
    }
}
