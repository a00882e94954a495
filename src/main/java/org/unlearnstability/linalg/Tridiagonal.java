package org.unlearnstability.linalg;

/**
 * Householder tridiagonalisation (eigenvalues only) and Sturm bisection on the result. The
 * reduction follows the classical tred2 scheme without accumulating the transformations.
 */
final class Tridiagonal {
    private Tridiagonal() {
    }

    /**
     * Reduces the symmetric matrix a (destroyed) to tridiagonal form: main diagonal into
     * {@code d}, sub-diagonal into {@code e[1..n-1]} (e[i] couples rows i-1 and i).
     */
    @SuppressWarnings("index") // all indices are bounded by n = a.length = d.length = e.length, checked on entry
    static void reduce(double[][] a, double[] d, double[] e) {
        int n = a.length;
        if (d.length != n || e.length != n) {
            throw new IllegalArgumentException("diagonal arrays must have length " + n);
        }
        for (int i = n - 1; i > 0; i--) {
            int l = i - 1;
            double h = 0.0;
            double[] ai = a[i];
            if (l > 0) {
                double scale = 0.0;
                for (int k = 0; k <= l; k++) {
                    scale += Math.abs(ai[k]);
                }
                if (scale == 0.0) {
                    e[i] = ai[l];
                } else {
                    h = householderStep(a, e, i, l, scale);
                }
            } else {
                e[i] = ai[l];
            }
            d[i] = h;
        }
        e[0] = 0.0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i][i];
        }
    }

    @SuppressWarnings("index") // 0 <= k <= l < i < n on every access
    private static double householderStep(double[][] a, double[] e, int i, int l, double scale) {
        double[] ai = a[i];
        double h = 0.0;
        for (int k = 0; k <= l; k++) {
            ai[k] /= scale;
            h += ai[k] * ai[k];
        }
        double f = ai[l];
        double g = f >= 0.0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        ai[l] = f - g;
        f = 0.0;
        for (int j = 0; j <= l; j++) {
            g = 0.0;
            for (int k = 0; k <= j; k++) {
                g += a[j][k] * ai[k];
            }
            for (int k = j + 1; k <= l; k++) {
                g += a[k][j] * ai[k];
            }
            e[j] = g / h;
            f += e[j] * ai[j];
        }
        double hh = f / (h + h);
        for (int j = 0; j <= l; j++) {
            f = ai[j];
            g = e[j] - hh * f;
            e[j] = g;
            double[] aj = a[j];
            for (int k = 0; k <= j; k++) {
                aj[k] -= f * e[k] + g * ai[k];
            }
        }
        return h;
    }

    /** The largest eigenvalue of the tridiagonal matrix (d, e) by bisection on the Sturm count. */
    @SuppressWarnings("index") // i ranges over 0..n-1 with n = d.length = e.length
    static double largestEigenvalue(double[] d, double[] e) {
        int n = d.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double radius = Math.abs(e[i]) + (i + 1 < n ? Math.abs(e[i + 1]) : 0.0);
            lo = Math.min(lo, d[i] - radius);
            hi = Math.max(hi, d[i] + radius);
        }
        // Invariant: fewer than n eigenvalues lie below lo, all n lie below or at hi.
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                return hi;
            }
            if (countBelow(d, e, mid) < n) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }

    /** The number of eigenvalues strictly below x (Sylvester's law of inertia on T - x I = L D L^T). */
    @SuppressWarnings("index") // i ranges over 0..n-1 with n = d.length = e.length
    private static int countBelow(double[] d, double[] e, double x) {
        int count = 0;
        double q = 1.0;
        for (int i = 0; i < d.length; i++) {
            double off = i == 0 ? 0.0 : e[i];
            q = d[i] - x - (i == 0 ? 0.0 : off * off / q);
            if (q == 0.0) {
                q = -Double.MIN_NORMAL * Math.max(1.0, Math.abs(x));
            }
            if (q < 0.0) {
                count++;
            }
        }
        return count;
    }
}
