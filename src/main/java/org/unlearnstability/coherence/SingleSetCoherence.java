package org.unlearnstability.coherence;

import java.io.Serializable;

/**
 * Definition 1 (Dexter et al., 2024): S^single_ij = ||H_i^{1/2} H_j^{1/2}||_F = sqrt(Tr(H_i H_j))
 * and sigma^single = lambda_max(S^single) / max_i lambda_max(H_i), for the retain or the forget set.
 *
 * @param lambdaMaxS lambda_max(S^single) with its certified bracket
 * @param maxLambdaMaxH max_i lambda_max(H_i)
 * @param sigma sigma^single
 */
public record SingleSetCoherence(CertifiedEigenvalue lambdaMaxS, double maxLambdaMaxH, double sigma)
        implements Serializable {
    private static final long serialVersionUID = 1L;


    /**
     * @param geometry the family geometry
     * @return sigma^single of the retain set
     */
    public static SingleSetCoherence retain(FamilyGeometry geometry) {
        return of(geometry, 0, geometry.nRetain());
    }

    /**
     * @param geometry the family geometry
     * @return sigma^single of the forget set
     */
    public static SingleSetCoherence forget(FamilyGeometry geometry) {
        return of(geometry, geometry.nRetain(), geometry.nForget());
    }

    private static SingleSetCoherence of(FamilyGeometry geometry, int offset, int n) {
        NonnegativeOperator s = NonnegativeOperator.of(n, (x, out) -> {
            for (int i = 0; i < n; i++) {
                double sum = 0.0;
                for (int j = 0; j < n; j++) {
                    sum += Math.sqrt(Math.max(0.0, geometry.gram(offset + i, offset + j))) * x[j];
                }
                out[i] = sum;
            }
        });
        CertifiedEigenvalue lambda = PerronRoot.of(s);
        double maxH = 0.0;
        for (int i = 0; i < n; i++) {
            maxH = Math.max(maxH, geometry.lambdaMax(offset + i));
        }
        return new SingleSetCoherence(lambda, maxH, maxH == 0.0 ? Double.NaN : lambda.estimate() / maxH);
    }
}
