package org.unlearnstability.experiment.fig3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.unlearnstability.cnn.LogisticLoss;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;

/**
 * The network's gradient against central finite differences, and the Gauss-Newton factor against a finite-difference
 * second derivative of the loss: g g^T = l'' grad f grad f^T along the logit.
 */
class ReluMlpTest {
    private static final ReluMlp NET = new ReluMlp(6, 5);
    private static final double STEP = 1e-6;

    private static double[] input(UniformRandomProvider rng) {
        double[] x = new double[NET.inputs()];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble();
        }
        return x;
    }

    @Test
    void gradientMatchesCentralDifferencesInEveryParameter() {
        UniformRandomProvider rng = RandomStreams.stream(7, 1);
        for (int trial = 0; trial < 5; trial++) {
            double[] w = NET.initial(rng);
            for (int c = 0; c < w.length; c++) {
                w[c] += 0.1 * RandomStreams.gaussian(rng);
            }
            double[] x = input(rng);
            double[] gradient = new double[NET.parameterCount()];
            double f = NET.addGradient(w, x, 1.0, gradient);
            assertEquals(NET.logit(w, x), f, 1e-15);
            for (int c = 0; c < w.length; c++) {
                double[] plus = w.clone();
                double[] minus = w.clone();
                plus[c] += STEP;
                minus[c] -= STEP;
                double difference = (NET.logit(plus, x) - NET.logit(minus, x)) / (2 * STEP);
                assertEquals(difference, gradient[c], 1e-7, "parameter " + c);
            }
        }
    }

    @Test
    void gaussNewtonFactorIsTheLossCurvatureAlongTheLogit() {
        UniformRandomProvider rng = RandomStreams.stream(7, 2);
        double[] w = NET.initial(rng);
        double[] x = input(rng);
        for (int label : new int[] {1, -1}) {
            double[] g = GaussNewtonFactors.factor(NET, w, x, label);
            double[] gradient = new double[NET.parameterCount()];
            double f = NET.addGradient(w, x, 1.0, gradient);
            for (int trial = 0; trial < 5; trial++) {
                double[] u = RandomStreams.gaussian(rng, w.length);
                double slope = dot(gradient, u);
                double h = 1e-4;
                // l(y (f + t grad f . u)): the loss along the logit's linearisation in direction u
                double second = (LogisticLoss.value(label * (f + h * slope)) - 2 * LogisticLoss.value(label * f)
                        + LogisticLoss.value(label * (f - h * slope))) / (h * h);
                double gu = dot(g, u);
                assertEquals(second, gu * gu, 1e-5 * Math.max(1, gu * gu));
                // f is linear in the output layer (v, c), so there the full loss Hessian is g g^T
                double[] outputOnly = u.clone();
                java.util.Arrays.fill(outputOnly, 0, NET.hidden() * (NET.inputs() + 1), 0.0);
                double go = dot(g, outputOnly);
                double full = (loss(w, outputOnly, h, x, label) - 2 * loss(w, outputOnly, 0, x, label)
                        + loss(w, outputOnly, -h, x, label)) / (h * h);
                assertEquals(full, go * go, 1e-5 * Math.max(1, go * go));
            }
        }
    }

    @Test
    void embeddedFactorsKeepEveryInnerProduct() {
        UniformRandomProvider rng = RandomStreams.stream(7, 3);
        double[] w = NET.initial(rng);
        int n = 12;
        double[][] x = new double[n][];
        int[] labels = new int[n];
        int[] train = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = input(rng);
            labels[i] = i % 2 == 0 ? 1 : -1;
            train[i] = i;
        }
        GaussNewtonFactors factors = GaussNewtonFactors.at(NET, w, x, labels, train);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                assertEquals(dot(factors.factors()[a], factors.factors()[b]),
                        dot(factors.embedded()[a], factors.embedded()[b]), 1e-12);
            }
        }
        HessianFamily family = factors.family(new int[] {3, 7});
        assertEquals(10, family.nRetain());
        Hessian forget = family.forget().get(1);
        assertEquals(dot(factors.factors()[7], factors.factors()[7]), forget.trace(), 1e-12);
    }

    private static double loss(double[] w, double[] u, double t, double[] x, int label) {
        double[] moved = w.clone();
        for (int c = 0; c < w.length; c++) {
            moved[c] += t * u[c];
        }
        return LogisticLoss.value(label * NET.logit(moved, x));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
