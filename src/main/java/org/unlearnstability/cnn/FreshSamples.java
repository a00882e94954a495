package org.unlearnstability.cnn;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Test error and test losses of several networks on one common set of fresh samples of
 * Definition 5, drawn in low dimension. A fresh sample is (y, y mu, xi) with xi ~ N(0, sigma^2 I_d);
 * f depends on xi only through the responses z = W xi of all filters, which are jointly Gaussian
 * with covariance sigma^2 W W^T. Stacking the filters of all K networks (rows in the span U of
 * {@link SpanGeometry}), W W^T = R^T R from a QR factorisation of W^T, so z = sigma R^T v with
 * v ~ N(0, I_q), q = min(k, 2 m K): the same joint law as the d-dimensional draw, and the same
 * test samples for every network (paired comparisons before and after unlearning). Which half
 * carries the signal is not drawn: f does not depend on it.
 *
 * @param errorRates per network, the fraction of fresh samples with y f &lt;= 0
 * @param losses per network, the logistic loss of every fresh sample
 */
public record FreshSamples(double[] errorRates, double[][] losses) {
    /** Fresh samples drawn and evaluated together (their responses stay in the first-level cache). */
    private static final int BLOCK = 128;

    /**
     * @param rng the test stream
     * @param networks networks on one geometry
     * @param samples how many fresh samples
     * @param noiseSigma sigma
     * @return errors and losses of each network on the same fresh samples
     */
    public static FreshSamples evaluate(UniformRandomProvider rng, List<SpanCnn> networks, int samples,
            double noiseSigma) {
        int models = networks.size();
        int rows = networks.get(0).geometry().filterRows();
        int m = rows / 2;
        double[][] stacked = new double[models * rows][];
        double[][] signalPart = new double[models][2];
        for (int k = 0; k < models; k++) {
            SpanCnn net = networks.get(k);
            double[][] w = net.filterCoordinates();
            System.arraycopy(w, 0, stacked, k * rows, rows);
            double[][] p = net.responsesView();
            for (int r = 0; r < rows; r++) {
                double s = r < m ? 1.0 : -1.0;
                signalPart[k][0] += s * Math.max(p[r][0], 0.0) / m;
                signalPart[k][1] += s * Math.max(-p[r][0], 0.0) / m;
            }
        }
        double[][] columns = factorColumns(stacked, noiseSigma);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        int block = Math.min(samples, BLOCK);
        int[] labels = new int[block];
        double[][] draws = new double[columns.length][block];
        double[][] z = new double[stacked.length][block];
        double[] noise = new double[block];
        double[] errors = new double[models];
        double[][] losses = new double[models][samples];
        for (int first = 0; first < samples; first += block) {
            int count = Math.min(block, samples - first);
            // The draws in the order of one sample at a time (its label, then v_1..v_q), so the stream is
            // consumed as before; the responses of a block of samples are then swept sample-wise.
            for (int t = 0; t < count; t++) {
                labels[t] = rng.nextBoolean() ? 1 : -1;
                for (int c = 0; c < columns.length; c++) {
                    draws[c][t] = gaussian.sample();
                }
            }
            responses(columns, draws, z, count);
            for (int k = 0; k < models; k++) {
                noisePart(z, k * rows, rows, noise, count);
                for (int t = 0; t < count; t++) {
                    int y = labels[t];
                    double f = (y > 0 ? signalPart[k][0] : signalPart[k][1]) + noise[t];
                    if (y * f <= 0) {
                        errors[k]++;
                    }
                    losses[k][first + t] = LogisticLoss.value(y * f);
                }
            }
        }
        for (int k = 0; k < models; k++) {
            errors[k] /= samples;
        }
        return new FreshSamples(errors, losses);
    }

    /**
     * z_r = sum_c v_c (sigma R^T)_rc for each sample of a block: every z_r still adds its terms in the order of c
     * (the roundings of one sample at a time), but the innermost sweep runs over the samples, so it vectorises.
     * R^T is lower trapezoidal: column c is zero above row c.
     */
    private static void responses(double[][] columns, double[][] draws, double[][] z, int count) {
        for (double[] row : z) {
            Arrays.fill(row, 0, count, 0.0);
        }
        for (int c = 0; c < columns.length; c++) {
            double[] column = columns[c];
            double[] v = draws[c];
            for (int r = c; r < z.length; r++) {
                double entry = column[r];
                double[] zr = z[r];
                for (int t = 0; t < count; t++) {
                    zr[t] += v[t] * entry;
                }
            }
        }
    }

    /**
     * (1/m) sum_r s_r ReLU(z_r) over one network's block of rows of z, for each sample of a block. The terms are
     * added in the order of r as before; an inactive ReLU adds +0.0, which leaves the sum's bits alone (the sum
     * starts at +0.0 and never becomes -0.0), so the sweep runs without a data-dependent branch.
     */
    private static void noisePart(double[][] z, int offset, int rows, double[] noise, int count) {
        int m = rows / 2;
        Arrays.fill(noise, 0, count, 0.0);
        for (int r = 0; r < rows; r++) {
            double[] zr = z[offset + r];
            if (r < m) {
                for (int t = 0; t < count; t++) {
                    noise[t] += Math.max(zr[t], 0.0);
                }
            } else {
                for (int t = 0; t < count; t++) {
                    noise[t] -= Math.max(zr[t], 0.0);
                }
            }
        }
        for (int t = 0; t < count; t++) {
            noise[t] /= m;
        }
    }

    /**
     * The columns of sigma R^T with W^T = Q R (R^T lower trapezoidal, q = min(k, rows) columns of
     * length rows), so that z = sum_c v_c column_c runs as vectorisable axpy sweeps.
     */
    private static double[][] factorColumns(double[][] w, double noiseSigma) {
        int rows = w.length;
        int k = w[0].length;
        double[][] transpose = new double[k][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < k; c++) {
                transpose[c][r] = w[r][c];
            }
        }
        RealMatrix upper = new QRDecomposition(new Array2DRowRealMatrix(transpose, false)).getR();
        int q = Math.min(k, rows);
        double[][] columns = new double[q][rows];
        for (int c = 0; c < q; c++) {
            for (int r = c; r < rows; r++) {
                columns[c][r] = noiseSigma * upper.getEntry(c, r);
            }
        }
        return columns;
    }

    /**
     * @param network index of a network
     * @return its test error
     */
    public double errorRate(int network) {
        return errorRates[network];
    }
}
