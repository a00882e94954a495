package org.unlearnstability.experiment.fig3;

import java.io.Serializable;
import org.apache.commons.rng.UniformRandomProvider;
import org.unlearnstability.rng.RandomStreams;

/**
 * The network of Figure 3: one hidden layer of ReLU units and a scalar logit,
 * f(w, x) = sum_j v_j relu(W_j . x + b_j) + c, with all parameters in one flat vector w = (W row by row, b, v,
 * c) of length {@link #parameterCount()}. Its gradient is grad_{W_j} f = v_j 1[z_j &gt; 0] x,
 * grad_{b_j} f = v_j 1[z_j &gt; 0], grad_{v_j} f = relu(z_j), grad_c f = 1 with z_j = W_j . x + b_j; f is piecewise
 * linear in (W, b) given v, so the per-sample loss Hessian is l'' grad f grad f^T plus l' times the curvature of
 * f (the Gauss-Newton part is what {@link GaussNewtonFactors} keeps).
 *
 * @param inputs the input dimension (64 pixels)
 * @param hidden the number of hidden units
 */
public record ReluMlp(int inputs, int hidden) implements Serializable {

    /** Rejects empty layers. */
    public ReluMlp {
        if (inputs < 1 || hidden < 1) {
            throw new IllegalArgumentException("inputs and hidden must be >= 1, got " + inputs + ", " + hidden);
        }
    }

    /** @return the number of parameters, hidden (inputs + 2) + 1 */
    public int parameterCount() {
        return hidden * (inputs + 2) + 1;
    }

    /**
     * He initialisation: W_jk ~ N(0, 2 / inputs), b = 0, v_j ~ N(0, 1 / hidden), c = 0.
     *
     * @param rng the stream
     * @return w_0
     */
    public double[] initial(UniformRandomProvider rng) {
        double[] w = new double[parameterCount()];
        double inputScale = Math.sqrt(2.0 / inputs);
        for (int k = 0; k < biasStart(); k++) {
            w[k] = inputScale * RandomStreams.gaussian(rng);
        }
        double outputScale = Math.sqrt(1.0 / hidden);
        int v = outputStart();
        for (int j = 0; j < hidden; j++) {
            w[v + j] = outputScale * RandomStreams.gaussian(rng);
        }
        return w;
    }

    /**
     * @param w the parameters
     * @param x an input
     * @return f(w, x)
     */
    public double logit(double[] w, double[] x) {
        int v = outputStart();
        double f = w[v + hidden];
        for (int j = 0; j < hidden; j++) {
            double z = preActivation(w, x, j);
            if (z > 0) {
                f += w[v + j] * z;
            }
        }
        return f;
    }

    /**
     * Adds scale * grad_w f(w, x) to {@code out}.
     *
     * @param w the parameters
     * @param x an input
     * @param scale the factor
     * @param out receives the scaled gradient (length {@link #parameterCount()})
     * @return f(w, x)
     */
    public double addGradient(double[] w, double[] x, double scale, double[] out) {
        int bias = biasStart();
        int v = outputStart();
        double f = w[v + hidden];
        for (int j = 0; j < hidden; j++) {
            double z = preActivation(w, x, j);
            if (z > 0) {
                double vj = w[v + j];
                f += vj * z;
                double s = scale * vj;
                int row = j * inputs;
                for (int k = 0; k < inputs; k++) {
                    out[row + k] += s * x[k];
                }
                out[bias + j] += s;
                out[v + j] += scale * z;
            }
        }
        out[v + hidden] += scale;
        return f;
    }

    /** @return the position of b in w, after the hidden * inputs weights W */
    private int biasStart() {
        return hidden * inputs;
    }

    /** @return the position of v in w, after W and b; c follows v */
    private int outputStart() {
        return hidden * (inputs + 1);
    }

    private double preActivation(double[] w, double[] x, int j) {
        int row = j * inputs;
        double z = w[biasStart() + j];
        for (int k = 0; k < inputs; k++) {
            z += w[row + k] * x[k];
        }
        return z;
    }
}
