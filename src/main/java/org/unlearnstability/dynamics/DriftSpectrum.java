package org.unlearnstability.dynamics;

import org.unlearnstability.definitions.units.Curvature;
import org.unlearnstability.definitions.units.Units;
import org.unlearnstability.family.HessianFamily;

/**
 * The inertia of the drift A = (1-alpha) H_R - alpha H_F of the mean update J = I - eta A (Lemma 2.1,
 * eq. (3) in expectation): its smallest eigenvalue on R^d and its number of negative eigenvalues. A negative
 * eigenvalue is a direction the mean step alone expands for every eta &gt; 0, so E||w_k||^2 grows at least like
 * (1 + eta |lambda_min(A)|)^{2k} and the critical learning rate is 0. Directions outside the range of the acting
 * Hessians are eigenvectors of A with eigenvalue 0. A is a curvature (a combination of Hessians).
 *
 * @param lambdaMin the smallest eigenvalue of A on R^d
 * @param negativeCount the number of negative eigenvalues of A (eigenvalues within the reduction's relative
 *     tolerance of zero count as zero)
 */
public record DriftSpectrum(@Curvature double lambdaMin, int negativeCount) {

    /**
     * @param family the family
     * @param alpha the forget weight in [0, 1]
     * @return the inertia of A
     */
    public static DriftSpectrum of(HessianFamily family, double alpha) {
        return of(ReducedFamily.of(family, alpha));
    }

    static DriftSpectrum of(ReducedFamily reduced) {
        double[] drift = reduced.drift();
        @Curvature double lambdaMin = reduced.rank() < reduced.dimension() ? 0.0 : Double.POSITIVE_INFINITY;
        int negative = 0;
        for (double a : drift) {
            lambdaMin = Math.min(lambdaMin, Units.curvature(a));
            if (a < 0.0) {
                negative++;
            }
        }
        return new DriftSpectrum(lambdaMin, negative);
    }
}
