package org.unlearnstability.coherence;

import java.util.stream.IntStream;

/**
 * The mix-coherence matrix of Definition 3, S_{(r,f),(r',f')} = ||D_rf^{1/2} D_r'f'^{1/2}||_F,
 * applied matrix-free. With D_rf = a H_r + b H_f (a = C_r', b = C_f', Definition 2),
 * Tr(D_rf D_r'f') = a^2 Tr(H_r H_r') + ab Tr(H_r H_f') + ab Tr(H_r' H_f) + b^2 Tr(H_f H_f'),
 * so every entry is a square root of four Gram entries: no matrix root and no d x d work.
 * The pair (r, f) has index r * n_f + f.
 */
public final class MixCoherenceMatrix implements NonnegativeOperator {
    private final int nRetain;
    private final int nForget;
    private final double[][] retainTerm;
    private final double[][] crossTerm;
    private final double[][] forgetTerm;

    /**
     * @param geometry the family geometry
     * @param a the retain weight C_r'
     * @param b the forget weight C_f'
     */
    public MixCoherenceMatrix(FamilyGeometry geometry, double a, double b) {
        this.nRetain = geometry.nRetain();
        this.nForget = geometry.nForget();
        this.retainTerm = new double[nRetain][nRetain];
        this.crossTerm = new double[nRetain][nForget];
        this.forgetTerm = new double[nForget][nForget];
        for (int r = 0; r < nRetain; r++) {
            for (int rp = 0; rp < nRetain; rp++) {
                retainTerm[r][rp] = a * a * geometry.retainGram(r, rp);
            }
            for (int f = 0; f < nForget; f++) {
                crossTerm[r][f] = a * b * geometry.crossGram(r, f);
            }
        }
        for (int f = 0; f < nForget; f++) {
            for (int fp = 0; fp < nForget; fp++) {
                forgetTerm[f][fp] = b * b * geometry.forgetGram(f, fp);
            }
        }
    }

    @Override
    public int size() {
        return nRetain * nForget;
    }

    /**
     * @param r retain index
     * @param f forget index
     * @param rp retain index r'
     * @param fp forget index f'
     * @return S_{(r,f),(r',f')}
     */
    public double entry(int r, int f, int rp, int fp) {
        return Math.sqrt(Math.max(0.0, retainTerm[r][rp] + crossTerm[r][fp] + crossTerm[rp][f] + forgetTerm[f][fp]));
    }

    @Override
    public void apply(double[] x, double[] out) {
        IntStream.range(0, size()).parallel().forEach(p -> out[p] = row(p / nForget, p % nForget, x));
    }

    private double row(int r, int f, double[] x) {
        double[] fixed = new double[nForget];
        double[] crossR = crossTerm[r];
        double[] forgetF = forgetTerm[f];
        for (int fp = 0; fp < nForget; fp++) {
            fixed[fp] = crossR[fp] + forgetF[fp];
        }
        double[] retainR = retainTerm[r];
        double sum = 0.0;
        for (int rp = 0; rp < nRetain; rp++) {
            double shift = retainR[rp] + crossTerm[rp][f];
            int base = rp * nForget;
            double partial = 0.0;
            for (int fp = 0; fp < nForget; fp++) {
                // Rounding can push a zero trace a hair below zero; the true value is >= 0.
                partial += Math.sqrt(Math.max(0.0, shift + fixed[fp])) * x[base + fp];
            }
            sum += partial;
        }
        return sum;
    }
}
