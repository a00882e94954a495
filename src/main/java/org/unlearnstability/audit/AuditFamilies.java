package org.unlearnstability.audit;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.unlearnstability.audit.FamilyShape.Form;
import org.unlearnstability.rng.RandomStreams;

/**
 * Draws a family shape and its starting parameters for each {@link FamilyKind}, a pure function of the
 * random stream (the audit derives one stream per (seed, claim, case index)).
 */
final class AuditFamilies {
    /** The largest dimension drawn. */
    static final int MAX_DIMENSION = 8;
    /** The largest n_r and n_f drawn. */
    static final int MAX_SAMPLES = 12;

    private AuditFamilies() {
    }

    /** A shape with its starting parameters. */
    record Draw(FamilyShape shape, double[] params) {
    }

    /**
     * @param kind the kind
     * @param rng the stream
     * @param small whether to draw a small family (d <= 3, n_r, n_f <= 5), where counterexamples are both
     *     more likely to be found by local search and cheaper to shrink
     * @return the shape and parameters
     */
    static Draw draw(FamilyKind kind, UniformRandomProvider rng, boolean small) {
        int maxDimension = small ? 3 : MAX_DIMENSION;
        int maxSamples = small ? 5 : MAX_SAMPLES;
        if (kind == FamilyKind.SECTION31) {
            return section31(rng, maxDimension, maxSamples);
        }
        int minDimension = kind == FamilyKind.ORTHOGONAL ? 2 : 1;
        int d = minDimension + rng.nextInt(maxDimension - minDimension + 1);
        int nRetain = 1 + rng.nextInt(maxSamples);
        int nForget = kind == FamilyKind.IDENTICAL ? nRetain : 1 + rng.nextInt(maxSamples);
        boolean identical = kind == FamilyKind.IDENTICAL;
        int slots = identical ? nRetain : nRetain + nForget;
        Form[] forms = new Form[slots];
        int[] columns = new int[slots];
        double[] shared = RandomStreams.gaussian(rng, d);
        double @Nullable [][] rotation = kind == FamilyKind.COMMUTING ? rotation(rng, d) : null;
        double[] params = new double[0];
        for (int s = 0; s < slots; s++) {
            double[] slot = slot(kind, rng, d, shared, s < nRetain, s, forms, columns);
            params = concat(params, slot);
        }
        return new Draw(new FamilyShape(d, nRetain, nForget, forms, columns, identical, rotation), params);
    }

    private static double[] slot(FamilyKind kind, UniformRandomProvider rng, int d, double[] shared, boolean retain,
            int s, Form[] forms, int[] columns) {
        switch (kind) {
            case DENSE:
            case IDENTICAL:
                return factor(rng, d, d, s, forms, columns);
            case LOW_RANK:
                return factor(rng, d, 1 + rng.nextInt(2), s, forms, columns);
            case NON_COMMUTING:
                return factor(rng, d, 1, s, forms, columns);
            case NEARLY_ALIGNED: {
                forms[s] = Form.FACTOR;
                columns[s] = 1;
                double[] g = shared.clone();
                for (int i = 0; i < d; i++) {
                    g[i] += 0.05 * (2 * rng.nextDouble() - 1) * Math.abs(shared[i]);
                }
                return g;
            }
            case COMMUTING:
                forms[s] = Form.ROTATED_DIAGONAL;
                return sparse(rng, d, 0, d);
            case ORTHOGONAL:
                forms[s] = Form.DIAGONAL;
                return retain ? sparse(rng, d, 0, d / 2) : sparse(rng, d, d / 2, d);
            default:
                forms[s] = Form.DIAGONAL;
                return sparse(rng, d, 0, d);
        }
    }

    private static double[] factor(UniformRandomProvider rng, int d, int k, int s, Form[] forms, int[] columns) {
        forms[s] = Form.FACTOR;
        columns[s] = k;
        return RandomStreams.gaussian(rng, d * k);
    }

    /** Square roots of diagonal entries on [from, to), each zero with probability 1/4. */
    private static double[] sparse(UniformRandomProvider rng, int d, int from, int to) {
        double[] x = new double[d];
        for (int i = from; i < to; i++) {
            x[i] = rng.nextInt(4) == 0 ? 0.0 : RandomStreams.gaussian(rng);
        }
        return x;
    }

    /** Section 3.1 with n = n_r = n_f and Q with d = n - Q + 1 within the limits; x = sqrt of the entries. */
    private static Draw section31(UniformRandomProvider rng, int maxDimension, int maxSamples) {
        int n = 1 + rng.nextInt(maxSamples);
        int qMin = Math.max(1, n - maxDimension + 1);
        int q = qMin + rng.nextInt(n - qMin + 1);
        int d = n - q + 1;
        double root = Math.sqrt(2.0 * n / q);
        Form[] forms = new Form[n];
        Arrays.fill(forms, Form.DIAGONAL);
        double[] params = new double[n * d];
        for (int i = 0; i < n; i++) {
            int coordinate = i < q ? 0 : i - q + 1;
            params[i * d + coordinate] = root;
        }
        return new Draw(new FamilyShape(d, n, n, forms, new int[n], true, null), params);
    }

    private static double[][] rotation(UniformRandomProvider rng, int d) {
        double[][] g = new double[d][];
        for (int i = 0; i < d; i++) {
            g[i] = RandomStreams.gaussian(rng, d);
        }
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(g, false)).getQ();
        return q.getData();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
