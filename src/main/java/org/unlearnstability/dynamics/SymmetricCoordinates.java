package org.unlearnstability.dynamics;

/**
 * Coordinates of the space Sym(m) of symmetric m x m matrices in the orthonormal basis
 * {E_pp} and {(E_pq + E_qp) / sqrt(2), p < q}, so that the Frobenius inner product Tr(X Y) of two
 * matrices is the Euclidean dot product of their coordinate vectors. The mean-square operator T of
 * update (2) is self-adjoint for that inner product, so symmetric eigen-solvers apply to it directly.
 */
final class SymmetricCoordinates {
    private static final double ROOT_TWO = Math.sqrt(2.0);

    private SymmetricCoordinates() {
    }

    /**
     * @param m the matrix size
     * @return m (m + 1) / 2, the dimension of Sym(m)
     */
    static int dimension(int m) {
        return m * (m + 1) / 2;
    }

    /** Writes the coordinates of the symmetric matrix x into {@code out}. */
    static void pack(double[][] x, double[] out) {
        int index = 0;
        for (int p = 0; p < x.length; p++) {
            double[] row = x[p];
            out[index++] = row[p];
            for (int q = p + 1; q < row.length; q++) {
                // The mean of both triangles keeps the map exact for matrices symmetric up to rounding.
                out[index++] = ROOT_TWO * 0.5 * (row[q] + x[q][p]);
            }
        }
    }

    /** Writes the symmetric matrix with coordinates {@code v} into {@code out}. */
    static void unpack(double[] v, double[][] out) {
        int index = 0;
        for (int p = 0; p < out.length; p++) {
            double[] row = out[p];
            row[p] = v[index++];
            for (int q = p + 1; q < row.length; q++) {
                double value = v[index++] / ROOT_TWO;
                row[q] = value;
                out[q][p] = value;
            }
        }
    }
}
