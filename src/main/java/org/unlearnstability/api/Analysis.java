package org.unlearnstability.api;

/**
 * The analysis of one Hessian family at (eta, alpha, B): what {@code analyze} prints, in its most used part.
 *
 * @param dimension d
 * @param nRetain n_r, retain samples
 * @param nForget n_f, forget samples
 * @param sigma the coherence sigma of the mix-Hessians (Definition 3)
 * @param eta7 the learning rate above which (7) holds, so Theorem 2.2 predicts divergence
 * @param eta8 the learning rate below which (8) holds, so Theorem 2.3 predicts convergence
 * @param rho the spectral radius of the exact second-moment map T (section 2.1): E||w_k||^2 -> 0 iff rho &lt; 1
 * @param etaStar the critical learning rate sup{eta : rho(eta) &lt; 1}
 * @param normJ ||J||, the spectral norm of the mean update matrix J = I - eta A
 * @param exactMeanSquare E||w_k||^2 = Tr(T^k(I)) for k = 1..K
 */
public record Analysis(int dimension, int nRetain, int nForget, double sigma, double eta7, double eta8, double rho,
        double etaStar, double normJ, double[] exactMeanSquare) {

    /** Copies the array. */
    public Analysis {
        exactMeanSquare = exactMeanSquare.clone();
    }

    /** @return E||w_k||^2 for k = 1..K (a copy) */
    @Override
    public double[] exactMeanSquare() {
        return exactMeanSquare.clone();
    }

    /** @return whether the exact mean square converges to zero (rho &lt; 1) */
    public boolean converges() {
        return rho < 1.0;
    }
}
