package org.unlearnstability.family;

/**
 * How a three-dimensional .npy array of per-sample Hessians (section 2.1 of the paper) is read:
 * shape (n, d, d) as dense matrices H_i, or shape (n, d, k) as factors G_i with H_i = G_i G_i^T.
 */
public enum NpyLayout {
    /** Shape (n, d, d): each sample is a dense symmetric PSD matrix; any other shape is rejected. */
    DENSE,
    /** Shape (n, d, k): each sample is a factor G of d rows and k columns, H = G G^T (k may equal d). */
    FACTOR,
    /** DENSE when the last two dimensions are equal, otherwise FACTOR. */
    AUTO;

    /**
     * @param d the second dimension of the array
     * @param k the third dimension of the array
     * @return whether samples are read as factors under this layout (DENSE never is)
     */
    boolean readsFactor(long d, long k) {
        return switch (this) {
            case DENSE -> false;
            case FACTOR -> true;
            case AUTO -> d != k;
        };
    }
}
