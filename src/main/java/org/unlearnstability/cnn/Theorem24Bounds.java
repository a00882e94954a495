package org.unlearnstability.cnn;

import org.unlearnstability.definitions.NoiseConstants;

/**
 * The bound expressions of Theorem 2.4 without their unknown constants:
 * (10) n_r n_f d sigma^2 [(sqrt(C_r') + sqrt(C_f'))^2 SNR^2 + (C_r' + C_f')] for lambda_max(S) and
 * (11) (C_r' + C_f') (d sigma^2 SNR^2 + 1) for max lambda_max(D_rf). A bounded ratio of the measured
 * quantity to its expression across SNR is what the O-statements claim. Note C_r' + C_f' = 1 and
 * d sigma^2 SNR^2 = ||mu||^2.
 *
 * @param bound10 the expression of (10)
 * @param bound11 the expression of (11)
 */
public record Theorem24Bounds(double bound10, double bound11) {

    /**
     * @param noise C_r', C_f'
     * @param nRetain n_r
     * @param nForget n_f
     * @param d the patch dimension
     * @param noiseSigma sigma
     * @param snr ||mu|| / (sigma sqrt(d))
     * @return the two expressions
     */
    public static Theorem24Bounds of(NoiseConstants noise, int nRetain, int nForget, int d, double noiseSigma,
            double snr) {
        double a = noise.cRPrime();
        double b = noise.cFPrime();
        double roots = Math.sqrt(a) + Math.sqrt(b);
        double signal = d * noiseSigma * noiseSigma * snr * snr;
        double bound10 = (double) nRetain * nForget * d * noiseSigma * noiseSigma * (roots * roots * snr * snr + a + b);
        double bound11 = (a + b) * (signal + 1);
        return new Theorem24Bounds(bound10, bound11);
    }
}
