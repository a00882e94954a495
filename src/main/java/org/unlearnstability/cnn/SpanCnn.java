package org.unlearnstability.cnn;

/**
 * The two-layer ReLU CNN of eq. (9) run in span coordinates (see {@link SpanGeometry}): each filter
 * is w_r = w0_r + c_r0 mu + sum_i c_ri xi_i, and the state keeps the coefficients C and the
 * responses P_r0 = &lt;w_r, mu&gt;, P_ri = &lt;w_r, xi_i&gt;. Then
 * f(W, x_i) = (1/m) sum_r s_r [ReLU(y_i P_r0) + ReLU(P_ri)] with s_r = +1 for W^(+1), -1 for W^(-1)
 * (which half carries the signal does not change f), and a gradient step on sum_i omega_i l_i
 * is C &lt;- C - eta E, P &lt;- P - eta E G with the Gram matrix G of [mu, xi_1..xi_n]:
 * O(m n |batch|) per step instead of O(m d |batch|), with the same iterates as {@link DirectCnn}.
 *
 * <p>ReLU'(0) = 0: a filter whose pre-activation is exactly zero passes no gradient (the
 * convention of common autodiff libraries; it matters only on a null set).
 */
public final class SpanCnn implements TrainingLoss {
    private final SpanGeometry geometry;
    private final int filters;
    private final double[][] coefficients;
    private final double[][] responses;

    private SpanCnn(SpanGeometry geometry, double[][] coefficients, double[][] responses) {
        this.geometry = geometry;
        this.filters = geometry.filterRows() / 2;
        this.coefficients = coefficients;
        this.responses = responses;
    }

    /**
     * @param geometry the data and initial filters
     * @return the network at its initialisation W0
     */
    public static SpanCnn initial(SpanGeometry geometry) {
        int rows = geometry.filterRows();
        double[][] responses = new double[rows][];
        for (int r = 0; r < rows; r++) {
            responses[r] = geometry.initialResponsesView()[r].clone();
        }
        return new SpanCnn(geometry, new double[rows][geometry.size() + 1], responses);
    }

    private SpanCnn copy() {
        double[][] c = new double[coefficients.length][];
        double[][] p = new double[responses.length][];
        for (int r = 0; r < c.length; r++) {
            c[r] = coefficients[r].clone();
            p[r] = responses[r].clone();
        }
        return new SpanCnn(geometry, c, p);
    }

    /** @return the geometry this network lives in */
    public SpanGeometry geometry() {
        return geometry;
    }

    /**
     * Full-batch gradient descent on the mean logistic loss of the given samples.
     *
     * @param samples the training samples
     * @param epochs the number of steps
     * @param learningRate the step size
     * @return the trained network (this one is unchanged)
     */
    public SpanCnn train(int[] samples, int epochs, double learningRate) {
        SpanCnn next = copy();
        double[] weights = new double[samples.length];
        java.util.Arrays.fill(weights, 1.0 / samples.length);
        Step step = next.new Step();
        int lo = java.util.Arrays.stream(samples).min().orElse(0);
        int hi = java.util.Arrays.stream(samples).max().orElse(-1) + 1;
        boolean block = hi - lo == samples.length && samples.length < geometry.size();
        if (block) {
            // Gradient descent on a contiguous block of samples (retraining on the retain set) only reads
            // the responses to mu and to that block; the others are recomputed once at the end.
            step.track(1 + lo, 1 + hi);
        }
        for (int e = 0; e < epochs; e++) {
            step.apply(samples, weights, learningRate);
        }
        if (block) {
            next.recomputeResponses();
        }
        return next;
    }

    /** P = R0 + C G from the coefficients, for every filter and column. */
    private void recomputeResponses() {
        double[][] gram = geometry.gramView();
        double[][] initial = geometry.initialResponsesView();
        for (int r = 0; r < responses.length; r++) {
            double[] p = responses[r];
            System.arraycopy(initial[r], 0, p, 0, p.length);
            double[] c = coefficients[r];
            for (int a = 0; a < c.length; a++) {
                double coefficient = c[a];
                if (coefficient != 0.0) {
                    double[] g = gram[a];
                    for (int b = 0; b < p.length; b++) {
                        p[b] += coefficient * g[b];
                    }
                }
            }
        }
    }

    /**
     * The unlearning update (2) with real gradients:
     * w &lt;- w - eta [(1 - alpha) grad(retain batch) - alpha grad(forget batch)].
     *
     * @param schedule the batches
     * @param protocol eta and alpha
     * @return the network after the run (this one is unchanged)
     */
    public SpanCnn unlearn(UnlearningSchedule schedule, UnlearningProtocol protocol) {
        SpanCnn next = copy();
        Step step = next.new Step();
        for (int k = 0; k < schedule.steps(); k++) {
            UnlearningSchedule.WeightedBatch batch = schedule.weightedBatch(k, protocol.alpha());
            step.apply(batch.samples(), batch.omega(), protocol.learningRate());
        }
        return next;
    }

    /** One gradient step on sum_i omega_i l_i; reuses its work arrays across steps. */
    private final class Step {
        private final int[] columns = new int[geometry.size() + 1];
        /** One row of E compacted: its nonzero entries and their columns, in column order. */
        private final int[] rowColumns = new int[geometry.size() + 1];
        private final double[] rowEntries = new double[geometry.size() + 1];
        /** Per sample, the index of its last listing in the batch; per listing, that listing's entry and its flag. */
        private final int[] last = new int[geometry.size()];
        private final double[] lastLabelled = new double[geometry.size()];
        private final int[] lastNonzero = new int[geometry.size()];
        private final double[] outputs = new double[geometry.size()];
        private final double[] coefficient = new double[geometry.size()];
        private final int[] labels = new int[geometry.size()];
        /** The labels as doubles, and omega_j l'_j y_j / m per sample of the batch. */
        private final double[] signs = new double[geometry.size()];
        private final double[] labelled = new double[geometry.size()];
        /** Per filter row, its responses to the batch's samples, gathered once per step. */
        private final double[][] batchResponses = new double[responses.length][geometry.size()];
        /** Besides column 0 (mu), the response columns kept up to date: [from, to). */
        private int from = 1;
        private int to = geometry.size() + 1;

        void track(int fromColumn, int toColumn) {
            from = fromColumn;
            to = toColumn;
        }

        void apply(int[] samples, double[] weights, double learningRate) {
            // Row by row (the state is stored by filter): first f(W, x_i) for the batch, then
            // omega_i l'(y_i f_i) / m, then the gradient coefficients E; the same sums in the same order
            // as sample-by-sample evaluation, but with contiguous memory access.
            int n = samples.length;
            java.util.Arrays.fill(outputs, 0, n, 0.0);
            columns[0] = 0;
            for (int j = 0; j < n; j++) {
                columns[1 + j] = 1 + samples[j];
                labels[j] = geometry.label(samples[j]);
                signs[j] = labels[j];
            }
            for (int r = 0; r < responses.length; r++) {
                double[] p = responses[r];
                double[] own = batchResponses[r];
                double sign = r < filters ? 1.0 : -1.0;
                double p0 = p[0];
                for (int j = 0; j < n; j++) {
                    own[j] = p[columns[1 + j]];
                }
                // ReLU(y_j p_r0) as max(y_j p_r0, 0) (y_j p_r0 is p_r0 or its exact negation): no branch on the
                // label, so the sweep vectorises.
                for (int j = 0; j < n; j++) {
                    outputs[j] += sign * (Math.max(signs[j] * p0, 0.0) + Math.max(own[j], 0.0));
                }
            }
            // The mu column of E in row r sums s_r omega_j l'_j / m over the samples whose ReLU(y_j p_r0) is active:
            // all samples of one label (p_r0 > 0: y = +1; p_r0 < 0: y = -1). Negation commutes with rounding, so
            // s_r times the ordered sum over one label equals the ordered sum of the signed terms, to the bit.
            double upSum = 0.0;
            double downSum = 0.0;
            for (int j = 0; j < n; j++) {
                int y = labels[j];
                coefficient[j] = weights[j] * LogisticLoss.derivative(y * (outputs[j] / filters)) / filters;
                labelled[j] = coefficient[j] * y;
                upSum += y > 0 ? coefficient[j] : 0.0;
                downSum += y > 0 ? 0.0 : coefficient[j];
            }
            lastOccurrences(samples);
            double[][] gram = geometry.gramView();
            for (int r = 0; r < responses.length; r++) {
                double[] p = responses[r];
                double[] c = coefficients[r];
                double[] own = batchResponses[r];
                double sign = r < filters ? 1.0 : -1.0;
                // Row r of E, compacted to its nonzero entries in column order without branching (half the ReLUs
                // are inactive at random): s_r omega_j l'_j y_j / m where p_rj > 0.
                double muEntry = p[0] > 0 ? sign * upSum : -p[0] > 0 ? sign * downSum : 0.0;
                rowColumns[0] = 0;
                rowEntries[0] = muEntry;
                int nonzero = muEntry != 0.0 ? 1 : 0;
                for (int j = 0; j < n; j++) {
                    rowColumns[nonzero] = columns[1 + j];
                    rowEntries[nonzero] = sign * lastLabelled[j];
                    nonzero += (own[j] > 0 ? 1 : 0) & lastNonzero[j];
                }
                int a = 0;
                for (; a + 3 < nonzero; a += 4) {
                    fourColumns(p, c, gram, a, learningRate);
                }
                for (; a < nonzero; a++) {
                    int col = rowColumns[a];
                    double step = learningRate * rowEntries[a];
                    c[col] -= step;
                    double[] g = gram[col];
                    p[0] -= step * g[0];
                    for (int b = from; b < to; b++) {
                        p[b] -= step * g[b];
                    }
                }
            }
        }

        /**
         * A sample listed twice in a batch has one entry in E, the last written (its column is still swept once per
         * listing): per listing j, omega l' y / m of the last listing of the same sample, and whether it is nonzero.
         */
        private void lastOccurrences(int[] samples) {
            for (int j = 0; j < samples.length; j++) {
                last[samples[j]] = j;
            }
            for (int j = 0; j < samples.length; j++) {
                double entry = labelled[last[samples[j]]];
                lastLabelled[j] = entry;
                lastNonzero[j] = entry != 0.0 ? 1 : 0;
            }
        }

        /**
         * Columns rowColumns[a..a+3] of one filter row: each response still loses the four terms one by one in
         * column order ((p - s0 g0) - s1 g1 ...), to the bit as four single-column sweeps, with a quarter of the
         * loads and stores of p.
         */
        private void fourColumns(double[] p, double[] c, double[][] gram, int a, double learningRate) {
            int col0 = rowColumns[a];
            int col1 = rowColumns[a + 1];
            int col2 = rowColumns[a + 2];
            int col3 = rowColumns[a + 3];
            double s0 = learningRate * rowEntries[a];
            double s1 = learningRate * rowEntries[a + 1];
            double s2 = learningRate * rowEntries[a + 2];
            double s3 = learningRate * rowEntries[a + 3];
            c[col0] -= s0;
            c[col1] -= s1;
            c[col2] -= s2;
            c[col3] -= s3;
            double[] g0 = gram[col0];
            double[] g1 = gram[col1];
            double[] g2 = gram[col2];
            double[] g3 = gram[col3];
            p[0] = p[0] - s0 * g0[0] - s1 * g1[0] - s2 * g2[0] - s3 * g3[0];
            for (int b = from; b < to; b++) {
                p[b] = p[b] - s0 * g0[b] - s1 * g1[b] - s2 * g2[b] - s3 * g3[b];
            }
        }
    }

    @Override
    public int label(int i) {
        return geometry.label(i);
    }

    /**
     * @param i a training sample
     * @return f(W, x_i), eq. (9)
     */
    @Override
    public double output(int i) {
        int y = geometry.label(i);
        double sum = 0.0;
        for (int r = 0; r < responses.length; r++) {
            double[] p = responses[r];
            double v = Math.max(y * p[0], 0.0) + Math.max(p[1 + i], 0.0);
            sum += r < filters ? v : -v;
        }
        return sum / filters;
    }

    /**
     * @param samples sample indices
     * @return the fraction with y f &lt;= 0
     */
    public double errorRate(int[] samples) {
        int errors = 0;
        for (int i : samples) {
            if (geometry.label(i) * output(i) <= 0) {
                errors++;
            }
        }
        return (double) errors / samples.length;
    }

    /** @return the filters' coordinates in the span U, 2m rows of length k */
    public double[][] filterCoordinates() {
        double[][] coordinates = geometry.coordinatesView();
        int k = geometry.spanDimension();
        double[][] w = new double[responses.length][];
        for (int r = 0; r < w.length; r++) {
            double[] row = geometry.initialFilterCoordinates(r).clone();
            for (int a = 0; a < coefficients[r].length; a++) {
                double coefficient = coefficients[r][a];
                double[] v = coordinates[a];
                for (int c = 0; c < k; c++) {
                    row[c] += coefficient * v[c];
                }
            }
            w[r] = row;
        }
        return w;
    }

    /**
     * @param data the explicit data this geometry was built from
     * @return the filters as d-dimensional rows, W0 + C [mu; xi] (for comparison with the oracle)
     */
    public double[][] filterWeights(PatchData data) {
        double[][] w = data.initialFilters();
        for (int r = 0; r < w.length; r++) {
            addScaled(w[r], coefficients[r][0], data.mu());
            for (int i = 0; i < data.size(); i++) {
                addScaled(w[r], coefficients[r][1 + i], data.noise(i));
            }
        }
        return w;
    }

    private static void addScaled(double[] target, double scale, double[] v) {
        for (int c = 0; c < v.length; c++) {
            target[c] += scale * v[c];
        }
    }

    /** @return m */
    public int filters() {
        return filters;
    }

    double[][] responsesView() {
        return responses;
    }
}
