package org.unlearnstability.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.dynamics.SpectralRadius;
import org.unlearnstability.family.FactorGram;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;

/**
 * How the exact dynamics of section 2.1 (rho(T) and etaStar) grow with the size of a rank-one factor family in
 * span coordinates: n_r = 250, 500, 1,000 retain samples and n_f = n_r / 10 forget samples, each forget factor the
 * normalised sum of two retain factors (a forget set the model has seen, so A = (1 - alpha) H_R - alpha H_F is
 * positive definite on the range at alpha = 0.02 and etaStar is finite), d = 5,000. The span has m = n_r dimensions;
 * one product with T costs O(m^3) (the stacked noise kernel) and each solver needs tens of them.
 */
final class SpanDynamicsBenchmark {
    private static final int DIMENSION = 5_000;
    private static final int[] FULL_SIZES = {250, 500, 1_000};
    private static final int[] QUICK_SIZES = {50, 100, 200};
    private static final double ALPHA = 0.02;
    private static final int BATCH = 5;
    private static final double ETA = 0.5;

    private SpanDynamicsBenchmark() {
    }

    /**
     * @param out where the lines go
     * @param quick small sizes, for a smoke run
     */
    static void run(PrintStream out, boolean quick) {
        out.printf(Locale.ROOT, "span dynamics: rank-one retain factors, forget = sums of two retain factors, d = %d, "
                + "alpha = %.2f, B = %d (one run each)%n", DIMENSION, ALPHA, BATCH);
        for (int nRetain : quick ? QUICK_SIZES : FULL_SIZES) {
            HessianFamily compact = FactorGram.inSpanCoordinates(family(nRetain, nRetain / 10, 29L));
            long start = System.nanoTime();
            SpectralRadius rho = MeanSquareOperator.of(compact, new Hyperparameters(ETA, ALPHA, BATCH)).rho();
            long middle = System.nanoTime();
            CriticalLearningRate critical = CriticalLearningRate.of(compact, ALPHA, BATCH);
            long end = System.nanoTime();
            out.printf(Locale.ROOT, "  n_r = %,5d, n_f = %,4d (m = %,d): rho %.6f in %6.2f s (%d products); "
                    + "etaStar %.6g in %6.2f s (%d products)%s%n", nRetain, nRetain / 10, rho.rangeDimension(),
                    rho.rho(),
                    (middle - start) / 1e9, rho.iterations(), critical.etaStar(), (end - middle) / 1e9,
                    critical.iterations(), nRetain == 1_000 ? "   (target: both < 60 s)" : "");
        }
    }

    private static HessianFamily family(int nRetain, int nForget, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Hessian> retain = new ArrayList<>();
        List<double[]> factors = new ArrayList<>();
        for (int r = 0; r < nRetain; r++) {
            double[] g = new double[DIMENSION];
            for (int p = 0; p < DIMENSION; p++) {
                g[p] = random.nextGaussian() / Math.sqrt(DIMENSION);
            }
            factors.add(g);
            retain.add(FactorHessian.rankOne(g));
        }
        List<Hessian> forget = new ArrayList<>();
        for (int f = 0; f < nForget; f++) {
            double[] a = factors.get(random.nextInt(nRetain));
            double[] b = factors.get(random.nextInt(nRetain));
            double[] g = new double[DIMENSION];
            for (int p = 0; p < DIMENSION; p++) {
                g[p] = (a[p] + b[p]) / Math.sqrt(2);
            }
            forget.add(FactorHessian.rankOne(g));
        }
        return new HessianFamily(retain, forget);
    }
}
