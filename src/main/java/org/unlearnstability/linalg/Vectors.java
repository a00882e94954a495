package org.unlearnstability.linalg;

/**
 * The vector operations every other package builds on (dot products, norms, scaled copies, axpy),
 * in one place like Hipparchus' {@code MathArrays}. Each operation checks the lengths it relies on
 * once at entry, so a malformed array is an error instead of a silently truncated loop.
 */
public final class Vectors {
    private Vectors() {
    }

    /**
     * @param a a vector
     * @param b a vector of the same length
     * @return sum_i a_i b_i, accumulated left to right
     */
    public static double dot(double[] a, double[] b) {
        if (a.length != b.length) {
            throw lengthMismatch(a, b);
        }
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * The dot product with four independent partial sums: the JIT does not reorder a reduction
     * itself, so this runs about twice as fast on long vectors, and rounds differently from
     * {@link #dot}. For the Krylov vectors of the coherence operators.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return (s0 + s1) + (s2 + s3), s_j the sum over the indices congruent to j mod 4
     */
    public static double dotFourLanes(double[] a, double[] b) {
        if (a.length != b.length) {
            throw lengthMismatch(a, b);
        }
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * @param a a vector
     * @return the Euclidean norm sqrt(a . a)
     */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /**
     * @param a a vector
     * @return sum_i a_i
     */
    public static double sum(double[] a) {
        double sum = 0.0;
        for (double v : a) {
            sum += v;
        }
        return sum;
    }

    /**
     * @param a a vector
     * @param factor the scale
     * @return a new vector factor * a
     */
    public static double[] scaled(double[] a, double factor) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = factor * a[i];
        }
        return out;
    }

    /**
     * out += factor * a (axpy).
     *
     * @param out the vector to update
     * @param factor the scale
     * @param a a vector of the same length
     */
    public static void addScaled(double[] out, double factor, double[] a) {
        if (out.length != a.length) {
            throw lengthMismatch(out, a);
        }
        for (int i = 0; i < a.length; i++) {
            out[i] += factor * a[i];
        }
    }

    static void hadamard(double[] a, double[] x, double[] out) {
        if (a.length != x.length || a.length != out.length) {
            throw lengthMismatch(a, a.length != x.length ? x : out);
        }
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * x[i];
        }
    }

    static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw lengthMismatch(a, b);
        }
    }

    static IllegalArgumentException lengthMismatch(double[] a, double[] b) {
        return new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
    }
}
