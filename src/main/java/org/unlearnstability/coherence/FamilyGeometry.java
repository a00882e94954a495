package org.unlearnstability.coherence;

import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;

/**
 * The hyper-parameter-free geometry of a Hessian family, computed once: the Frobenius Gram matrix
 * G_ij = Tr(H_i H_j) = ||H_i^{1/2} H_j^{1/2}||_F^2 of all n_r + n_f Hessians (retain first), and
 * each Hessian's lambda_max and trace. Every coherence quantity of Definitions 1-4 is a function of
 * this geometry and the mixing weights C_r', C_f', so sweeps over eta, alpha and B reuse it.
 */
public final class FamilyGeometry implements Serializable {
    private static final long serialVersionUID = 1L;
    private final HessianFamily family;
    private final double[][] gram;
    private final double[] lambdaMax;
    private final double[] trace;

    private FamilyGeometry(HessianFamily family, double[][] gram, double[] lambdaMax, double[] trace) {
        this.family = family;
        this.gram = gram;
        this.lambdaMax = lambdaMax;
        this.trace = trace;
    }

    /**
     * Computes the Gram matrix in parallel over rows (each row is independent; the result does not
     * depend on the thread count).
     *
     * @param family the family
     * @return its geometry
     */
    public static FamilyGeometry of(HessianFamily family) {
        List<Hessian> all = family.all();
        int n = all.size();
        double[][] gram = new double[n][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            Hessian hi = all.get(i);
            for (int j = i; j < n; j++) {
                gram[i][j] = hi.frobeniusInner(all.get(j));
            }
        });
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                gram[i][j] = gram[j][i];
            }
        }
        double[] lambdaMax = all.parallelStream().mapToDouble(Hessian::lambdaMax).toArray();
        double[] trace = all.stream().mapToDouble(Hessian::trace).toArray();
        return new FamilyGeometry(family, gram, lambdaMax, trace);
    }

    /** @return the family */
    public HessianFamily family() {
        return family;
    }

    /** @return n_r */
    public int nRetain() {
        return family.nRetain();
    }

    /** @return n_f */
    public int nForget() {
        return family.nForget();
    }

    /**
     * @param i an index into retain-then-forget order
     * @param j an index into retain-then-forget order
     * @return Tr(H_i H_j)
     */
    public double gram(int i, int j) {
        return gram[i][j];
    }

    /** @return Tr(H_r H_r') for retain indices r, r' */
    double retainGram(int r, int rPrime) {
        return gram[r][rPrime];
    }

    /** @return Tr(H_f H_f') for forget indices f, f' */
    double forgetGram(int f, int fPrime) {
        int offset = family.nRetain();
        return gram[offset + f][offset + fPrime];
    }

    /** @return Tr(H_r H_f) for retain index r and forget index f */
    double crossGram(int r, int f) {
        return gram[r][family.nRetain() + f];
    }

    /**
     * @param i an index into retain-then-forget order
     * @return lambda_max(H_i)
     */
    public double lambdaMax(int i) {
        return lambdaMax[i];
    }

    /**
     * @param i an index into retain-then-forget order
     * @return Tr(H_i)
     */
    public double trace(int i) {
        return trace[i];
    }
}
