package org.unlearnstability.definitions;

/**
 * The weights of the mix-Hessian of Definition 2, eq. (5):
 * D = (1/(n_r n_f)) sum_{r,f} D_rf = C_r' H_R + C_f' H_F = sum_r (C_r'/n_r) H_r + sum_f (C_f'/n_f) H_f,
 * in the index order of the family (retain samples, then forget samples).
 */
public final class MixHessianWeights {
    private MixHessianWeights() {
    }

    /**
     * @param sizes n_r and n_f
     * @param a the retain weight C_r'
     * @param b the forget weight C_f'
     * @return n_r + n_f weights: a / n_r on every retain sample, then b / n_f on every forget sample
     */
    public static double[] of(SetSizes sizes, double a, double b) {
        int nRetain = sizes.nRetain();
        double[] weights = new double[nRetain + sizes.nForget()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i < nRetain ? a / nRetain : b / sizes.nForget();
        }
        return weights;
    }
}
