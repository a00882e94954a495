package org.unlearnstability.cnn;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.unlearnstability.linalg.Vectors;

/**
 * The exact low-dimensional form of one training set of Definition 5 with its initial weights.
 *
 * <p>Every gradient of the network (9) with respect to a filter is a combination of mu and the
 * noise patches xi_i, so every iterate of gradient descent (and of the unlearning update (2))
 * stays in W0 + span{mu, xi_1, ..., xi_n} row by row. All T = n + 1 + 2m vectors
 * [mu, xi_1..xi_n, w0_1..w0_2m] therefore live in a subspace U of dimension k = min(d, T), and
 * only their coordinates in an orthonormal basis of U matter: inner products (the Gram matrix),
 * filter responses and, for a fresh noise patch xi' ~ N(0, sigma^2 I_d), its projection onto U,
 * whose coordinates are N(0, sigma^2 I_k).
 *
 * <p>Coordinates come either from explicit d-dimensional data (a Householder QR, used against the
 * oracle) or are sampled directly (Bartlett): Gram-Schmidt in the order e_1, then each isotropic
 * Gaussian vector gives N(0, 1) coordinates along the earlier basis vectors and a new diagonal
 * coordinate sqrt(chi^2_{d-t}), which is the exact joint law at O(T^2) draws instead of O(T d).
 *
 * <p>Row order: 0 = mu, 1..n = xi_1..xi_n, n + 1 + r = initial filter r (W^(+1) rows first).
 */
public final class SpanGeometry {
    private final int dimension;
    private final int[] labels;
    private final int filterRows;
    private final double[][] coordinates;
    private final double[][] gram;
    private final double[][] initialResponses;

    private SpanGeometry(int dimension, int[] labels, int filterRows, double[][] coordinates) {
        this.dimension = dimension;
        this.labels = labels;
        this.filterRows = filterRows;
        this.coordinates = coordinates;
        int n = labels.length;
        this.gram = new double[n + 1][n + 1];
        for (int a = 0; a <= n; a++) {
            for (int b = 0; b <= a; b++) {
                gram[a][b] = Vectors.dot(coordinates[a], coordinates[b]);
                gram[b][a] = gram[a][b];
            }
        }
        this.initialResponses = new double[filterRows][n + 1];
        for (int r = 0; r < filterRows; r++) {
            for (int a = 0; a <= n; a++) {
                initialResponses[r][a] = Vectors.dot(coordinates[n + 1 + r], coordinates[a]);
            }
        }
    }

    /**
     * @param data explicit data and initial filters
     * @return their coordinates in an orthonormal basis of their span (Householder QR)
     */
    public static SpanGeometry of(PatchData data) {
        int n = data.size();
        double[][] w0 = data.initialFilters();
        int total = n + 1 + w0.length;
        int d = data.dimension();
        double[][] columns = new double[d][total];
        setColumn(columns, 0, data.mu());
        for (int i = 0; i < n; i++) {
            setColumn(columns, 1 + i, data.noise(i));
        }
        for (int r = 0; r < w0.length; r++) {
            setColumn(columns, n + 1 + r, w0[r]);
        }
        RealMatrix upper = new QRDecomposition(new Array2DRowRealMatrix(columns, false)).getR();
        int k = Math.min(d, total);
        double[][] coordinates = new double[total][k];
        for (int t = 0; t < total; t++) {
            for (int c = 0; c < k; c++) {
                coordinates[t][c] = upper.getEntry(c, t);
            }
        }
        return new SpanGeometry(d, data.labels(), w0.length, coordinates);
    }

    /**
     * Samples the coordinates of Definition 5's data and N(0, sigma0^2) initial filters exactly in
     * law, without forming any d-dimensional vector. Labels are drawn first, as in
     * {@link PatchData#sample}.
     *
     * @param rng the data stream
     * @param d the patch dimension
     * @param muNorm ||mu||
     * @param protocol n, m, sigma and sigma0
     * @return the geometry
     */
    public static SpanGeometry sample(UniformRandomProvider rng, int d, double muNorm, CnnProtocol protocol) {
        int n = protocol.trainSamples();
        int[] labels = new int[n];
        PatchData.drawLabels(rng, labels, new boolean[n]);
        int total = n + 1 + protocol.filterRows();
        int k = Math.min(d, total);
        double[][] coordinates = new double[total][k];
        coordinates[0][0] = muNorm;
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int t = 1; t < total; t++) {
            double scale = t <= n ? protocol.noiseSigma() : protocol.initSigma();
            double[] row = coordinates[t];
            int along = Math.min(t, k);
            for (int c = 0; c < along; c++) {
                row[c] = scale * gaussian.sample();
            }
            if (t < k) {
                // The part orthogonal to the first t basis vectors is isotropic in d - t dimensions.
                double chiSquare = AhrensDieterMarsagliaTsangGammaSampler.of(rng, (d - t) / 2.0, 2.0).sample();
                row[t] = scale * Math.sqrt(chiSquare);
            }
        }
        return new SpanGeometry(d, labels, protocol.filterRows(), coordinates);
    }

    private static void setColumn(double[][] columns, int c, double[] v) {
        for (int i = 0; i < v.length; i++) {
            columns[i][c] = v[i];
        }
    }

    /** @return the patch dimension d */
    public int dimension() {
        return dimension;
    }

    /** @return n */
    public int size() {
        return labels.length;
    }

    /** @return the number of filter rows 2m */
    public int filterRows() {
        return filterRows;
    }

    /** @return k, the dimension of the span U */
    public int spanDimension() {
        return coordinates[0].length;
    }

    /**
     * @param i a sample index
     * @return y_i
     */
    public int label(int i) {
        return labels[i];
    }

    /**
     * @param a index into [mu, xi_1..xi_n]
     * @param b index into [mu, xi_1..xi_n]
     * @return their inner product
     */
    public double gram(int a, int b) {
        return gram[a][b];
    }

    double[][] gramView() {
        return gram;
    }

    double[][] initialResponsesView() {
        return initialResponses;
    }

    double[][] coordinatesView() {
        return coordinates;
    }

    /**
     * @param r a filter row
     * @return its initial coordinates in U
     */
    double[] initialFilterCoordinates(int r) {
        return coordinates[labels.length + 1 + r];
    }
}
