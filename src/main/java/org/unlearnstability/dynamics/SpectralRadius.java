package org.unlearnstability.dynamics;

/**
 * The spectral radius rho(T) of the mean-square operator of update (2) on symmetric matrices,
 * restricted to the range R of sum_i H_i. On the common null space N every J_k is the identity, so
 * T acts there (and on the N-R coupling block) with spectral radius at most max(1, rho), and the
 * radius on all of Sym(d) is max(1, rho) when N is nonzero.
 *
 * @param rho rho(T) on Sym(R) (0 when R = {0})
 * @param nullSpace whether the Hessians share a nonzero null space (m < d)
 * @param rangeDimension m = dim R
 * @param dimension d
 * @param method how rho was computed: "diagonal" (closed form, all H_i diagonal) or "lanczos"
 * @param iterations operator applications used (0 for the closed form)
 * @param residual the residual norm of the accepted Ritz pair (0 when exact)
 */
public record SpectralRadius(double rho, boolean nullSpace, int rangeDimension, int dimension, String method,
        int iterations, double residual) {

    /** @return the spectral radius on all of Sym(d): max(1, rho) when a null space exists */
    public double rhoFull() {
        return nullSpace ? Math.max(1.0, rho) : rho;
    }
}
