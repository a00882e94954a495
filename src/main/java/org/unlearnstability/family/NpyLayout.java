package org.unlearnstability.family;

import java.util.Optional;

/**
 * How an array of per-sample Hessians (section 2.1 of the paper) is read: shape (n, d, d) as dense
 * matrices H_i, shape (n, d, k) as factors G_i with H_i = G_i G_i^T, or shape (n, d) as diagonals.
 * The value of an .npz bundle's {@code layout} key and of {@code --npy-layout} (case-insensitive).
 */
public enum NpyLayout {
    /** Shape (n, d, d): each sample is a dense symmetric PSD matrix; any other shape is rejected. */
    DENSE,
    /** Shape (n, d, k): each sample is a factor G of d rows and k columns, H = G G^T (k may equal d). */
    FACTOR,
    /** Shape (n, d): each sample is the diagonal of H (entries at least -tolerance). */
    DIAGONAL,
    /** Shape (n, d): DIAGONAL; shape (n, d, d): DENSE; shape (n, d, k), k != d: FACTOR. */
    AUTO;

    /**
     * @param d the second dimension of the array
     * @param k the third dimension of the array
     * @return whether samples are read as factors under this layout (DENSE never is)
     */
    boolean readsFactor(long d, long k) {
        return switch (this) {
            case DENSE, DIAGONAL -> false;
            case FACTOR -> true;
            case AUTO -> d != k;
        };
    }

    /**
     * @param rank the number of dimensions of the array
     * @param shapeText the shape as numpy prints it
     * @return why the array cannot be read under this layout, or empty when it can
     */
    Optional<String> requireAccepts(int rank, String shapeText) {
        boolean accepted = switch (this) {
            case DENSE, FACTOR -> rank == 3;
            case DIAGONAL -> rank == 2;
            case AUTO -> rank == 2 || rank == 3;
        };
        if (accepted) {
            return Optional.empty();
        }
        String expected = switch (this) {
            case DENSE -> "a 3-dimensional array of shape (n, d, d)";
            case FACTOR -> "a 3-dimensional array of shape (n, d, k)";
            case DIAGONAL -> "a 2-dimensional array of shape (n, d)";
            case AUTO -> "an array of shape (n, d, d), (n, d, k) or (n, d)";
        };
        return Optional.of("layout " + name().toLowerCase(java.util.Locale.ROOT) + " expects " + expected
                + ", found shape " + shapeText);
    }
}
