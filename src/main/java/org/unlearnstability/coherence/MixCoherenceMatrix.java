package org.unlearnstability.coherence;

import java.io.Serializable;
import java.util.stream.IntStream;

/**
 * The mix-coherence matrix of Definition 3, S_{(r,f),(r',f')} = ||D_rf^{1/2} D_r'f'^{1/2}||_F,
 * applied matrix-free. With D_rf = a H_r + b H_f (a = C_r', b = C_f', Definition 2),
 * Tr(D_rf D_r'f') = a^2 Tr(H_r H_r') + ab Tr(H_r H_f') + ab Tr(H_r' H_f) + b^2 Tr(H_f H_f'),
 * so every entry is a square root of four Gram entries: no matrix root and no d x d work.
 * The pair (r, f) has index r * n_f + f.
 *
 * <p>A product evaluates each entry once: S is symmetric, so the block of retain rows
 * (r, r') with r &lt; r' feeds both out_r (with x_r') and out_r' (with x_r), halving the square roots.
 * The retain rows are cut into {@link #CHUNKS} fixed chunks of equal triangle work, each summed into
 * its own buffer and the buffers added in chunk order, so the result does not depend on the thread
 * count.
 *
 * <p>Serializable (its state is the weighted Gram blocks), so a distributed product can ship it to
 * executors once (the Spark module).
 */
public final class MixCoherenceMatrix implements NonnegativeOperator, Serializable {
    private static final long serialVersionUID = 1L;
    /** Fixed number of work chunks (not the thread count: the reduction order must not vary). */
    static final int CHUNKS = 16;
    private final int nRetain;
    private final int nForget;
    /** a = C_r'. */
    private final double retainWeight;
    /** a^2 Tr(H_r H_r'), flat, row r at r * n_r. */
    private final double[] retainTerm;
    /** ab Tr(H_r H_f), flat, row r at r * n_f. */
    private final double[] crossTerm;
    /** b^2 Tr(H_f H_f'), flat, row f at f * n_f. */
    private final double[] forgetTerm;
    /** Chunk c covers retain rows [chunkStart[c], chunkStart[c + 1]). */
    private final int[] chunkStart;

    /**
     * @param geometry the family geometry
     * @param a the retain weight C_r'
     * @param b the forget weight C_f'
     */
    public MixCoherenceMatrix(FamilyGeometry geometry, double a, double b) {
        this.nRetain = geometry.nRetain();
        this.nForget = geometry.nForget();
        this.retainWeight = a;
        this.retainTerm = new double[nRetain * nRetain];
        this.crossTerm = new double[nRetain * nForget];
        this.forgetTerm = new double[nForget * nForget];
        for (int r = 0; r < nRetain; r++) {
            for (int rp = 0; rp < nRetain; rp++) {
                retainTerm[r * nRetain + rp] = a * a * geometry.retainGram(r, rp);
            }
            for (int f = 0; f < nForget; f++) {
                crossTerm[r * nForget + f] = a * b * geometry.crossGram(r, f);
            }
        }
        for (int f = 0; f < nForget; f++) {
            for (int fp = 0; fp < nForget; fp++) {
                forgetTerm[f * nForget + fp] = b * b * geometry.forgetGram(f, fp);
            }
        }
        this.chunkStart = balancedChunks(nRetain);
    }

    /** Chunk boundaries with about equal numbers of upper-triangle blocks (row r owns n_r - r of them). */
    static int[] balancedChunks(int nRetain) {
        int[] start = new int[CHUNKS + 1];
        double total = nRetain * (nRetain + 1.0) / 2.0;
        int r = 0;
        double done = 0.0;
        for (int c = 1; c < CHUNKS; c++) {
            while (r < nRetain && done + (nRetain - r) <= total * c / CHUNKS) {
                done += nRetain - r;
                r++;
            }
            start[c] = r;
        }
        start[CHUNKS] = nRetain;
        return start;
    }

    @Override
    public int size() {
        return nRetain * nForget;
    }

    /** @return the retain weight a = C_r' (the forget weight is 1 - a where the weights are normalised) */
    public double retainWeight() {
        return retainWeight;
    }

    /** @return n_r */
    int nRetain() {
        return nRetain;
    }

    /** @return n_f */
    int nForget() {
        return nForget;
    }

    /** @return a^2 Tr(H_r H_r'), flat n_r x n_r (shared, not copied) */
    double[] retainTerm() {
        return retainTerm;
    }

    /** @return ab Tr(H_r H_f), flat n_r x n_f (shared, not copied) */
    double[] crossTerm() {
        return crossTerm;
    }

    /** @return b^2 Tr(H_f H_f'), flat n_f x n_f (shared, not copied) */
    double[] forgetTerm() {
        return forgetTerm;
    }

    /**
     * @param r retain index
     * @param f forget index
     * @param rp retain index r'
     * @param fp forget index f'
     * @return S_{(r,f),(r',f')}
     */
    public double entry(int r, int f, int rp, int fp) {
        return Math.sqrt(Math.max(0.0, retainTerm[r * nRetain + rp] + crossTerm[r * nForget + fp]
                + crossTerm[rp * nForget + f] + forgetTerm[f * nForget + fp]));
    }

    @Override
    public void apply(double[] x, double[] out) {
        double[][] partial = new double[CHUNKS][];
        IntStream.range(0, CHUNKS).parallel().forEach(c -> partial[c] = chunk(c, x));
        java.util.Arrays.fill(out, 0.0);
        for (double[] p : partial) {
            for (int i = 0; i < out.length; i++) {
                out[i] += p[i];
            }
        }
    }

    /** The contribution of the upper-triangle blocks (r, r' >= r) for the chunk's retain rows r. */
    private double[] chunk(int c, double[] x) {
        double[] out = new double[size()];
        double[] fixed = new double[nForget * nForget];
        double[] block = new double[nForget * nForget];
        for (int r = chunkStart[c]; r < chunkStart[c + 1]; r++) {
            // fixed[f][f'] = ab G_rf' + b^2 G_ff', shared by every r' of this row.
            for (int f = 0; f < nForget; f++) {
                for (int fp = 0; fp < nForget; fp++) {
                    fixed[f * nForget + fp] = crossTerm[r * nForget + fp] + forgetTerm[f * nForget + fp];
                }
            }
            diagonalBlock(r, fixed, x, out);
            for (int rp = r + 1; rp < nRetain; rp++) {
                offDiagonalBlock(r, rp, fixed, x, out, block);
            }
        }
        return out;
    }

    private void diagonalBlock(int r, double[] fixed, double[] x, double[] out) {
        int base = r * nForget;
        double rr = retainTerm[r * nRetain + r];
        for (int f = 0; f < nForget; f++) {
            double shift = rr + crossTerm[base + f];
            int row = f * nForget;
            double sum = 0.0;
            for (int fp = 0; fp < nForget; fp++) {
                // Rounding can push a zero trace a hair below zero; the true value is >= 0.
                sum += Math.sqrt(Math.max(0.0, shift + fixed[row + fp])) * x[base + fp];
            }
            out[base + f] += sum;
        }
    }

    /**
     * Block (r, r'), r &lt; r': out_r += B x_r' and out_r' += B^T x_r from one evaluation of B. The square
     * roots first, in one sweep that vectorises (into {@code block}); then four rows f at a time, so that
     * four independent sums run side by side while out_r' still receives the terms of rows f in order:
     * every sum adds the same terms in the same order as the fused row-by-row sweep, to the bit.
     */
    private void offDiagonalBlock(int r, int rp, double[] fixed, double[] x, double[] out, double[] block) {
        int base = r * nForget;
        int basePrime = rp * nForget;
        double rr = retainTerm[r * nRetain + rp];
        for (int f = 0; f < nForget; f++) {
            double shift = rr + crossTerm[basePrime + f];
            int row = f * nForget;
            for (int fp = 0; fp < nForget; fp++) {
                block[row + fp] = Math.sqrt(Math.max(0.0, shift + fixed[row + fp]));
            }
        }
        int f = 0;
        for (; f + 3 < nForget; f += 4) {
            fourRows(f, base, basePrime, block, x, out);
        }
        for (; f < nForget; f++) {
            double xf = x[base + f];
            int row = f * nForget;
            double sum = 0.0;
            for (int fp = 0; fp < nForget; fp++) {
                double s = block[row + fp];
                sum += s * x[basePrime + fp];
                out[basePrime + fp] += s * xf;
            }
            out[base + f] += sum;
        }
    }

    /** Rows f..f+3 of an off-diagonal block whose entries are in {@code block}. */
    private void fourRows(int f, int base, int basePrime, double[] block, double[] x, double[] out) {
        double x0 = x[base + f];
        double x1 = x[base + f + 1];
        double x2 = x[base + f + 2];
        double x3 = x[base + f + 3];
        int row0 = f * nForget;
        int row1 = row0 + nForget;
        int row2 = row1 + nForget;
        int row3 = row2 + nForget;
        double sum0 = 0.0;
        double sum1 = 0.0;
        double sum2 = 0.0;
        double sum3 = 0.0;
        for (int fp = 0; fp < nForget; fp++) {
            double xp = x[basePrime + fp];
            double s0 = block[row0 + fp];
            double s1 = block[row1 + fp];
            double s2 = block[row2 + fp];
            double s3 = block[row3 + fp];
            sum0 += s0 * xp;
            sum1 += s1 * xp;
            sum2 += s2 * xp;
            sum3 += s3 * xp;
            out[basePrime + fp] = out[basePrime + fp] + s0 * x0 + s1 * x1 + s2 * x2 + s3 * x3;
        }
        out[base + f] += sum0;
        out[base + f + 1] += sum1;
        out[base + f + 2] += sum2;
        out[base + f + 3] += sum3;
    }

    /**
     * The product as it was before the symmetric one, one row of S at a time, every entry evaluated twice:
     * kept as the benchmark's baseline and the tests' reference for the symmetric product.
     *
     * @return S as a row-by-row operator
     */
    public NonnegativeOperator rowByRow() {
        return NonnegativeOperator.of(size(), (x, out) -> {
            IntStream.range(0, size()).parallel().forEach(p -> out[p] = row(p / nForget, p % nForget, x));
        });
    }

    /**
     * Rows [from, to) of S x by the row-by-row product, each entry of the rows evaluated: the kernel of a
     * distributed product whose tasks own row blocks (the Spark module), which then equals
     * {@link #rowByRow()} to the bit.
     *
     * @param from the first pair index r n_f + f
     * @param to one past the last
     * @param x the vector
     * @return (S x)_p for p in [from, to)
     */
    public double[] rowBlock(int from, int to, double[] x) {
        double[] out = new double[to - from];
        for (int p = from; p < to; p++) {
            out[p - from] = row(p / nForget, p % nForget, x);
        }
        return out;
    }

    private double row(int r, int f, double[] x) {
        double[] fixed = new double[nForget];
        for (int fp = 0; fp < nForget; fp++) {
            fixed[fp] = crossTerm[r * nForget + fp] + forgetTerm[f * nForget + fp];
        }
        double sum = 0.0;
        for (int rp = 0; rp < nRetain; rp++) {
            double shift = retainTerm[r * nRetain + rp] + crossTerm[rp * nForget + f];
            int base = rp * nForget;
            double partial = 0.0;
            for (int fp = 0; fp < nForget; fp++) {
                partial += Math.sqrt(Math.max(0.0, shift + fixed[fp])) * x[base + fp];
            }
            sum += partial;
        }
        return sum;
    }
}
