package org.unlearnstability.audit;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.util.FastMath;
import org.unlearnstability.rng.RandomStreams;

/**
 * Pushes a case towards violating its claim: maximises the claim's slack ratio over the case's real
 * parameters (Hessian entries, and alpha and eta where the claim lets them vary) from a starting case,
 * with a fixed number of evaluations, deterministically for a given stream. Nelder-Mead (with restarts
 * around the best point when the simplex collapses) when there are at most {@link #SIMPLEX_LIMIT}
 * parameters; otherwise a (1+1) evolution strategy with the 1/5 success rule, perturbing a random subset of
 * coordinates. Points outside the claim's hypotheses score negative infinity.
 */
final class LocalSearch {
    /** The largest dimension searched by Nelder-Mead. */
    static final int SIMPLEX_LIMIT = 40;
    /** A restart scale below this (relative to the first steps) means the simplex has collapsed onto a point. */
    private static final double SMALLEST_RESTART_SCALE = 1e-9;
    /** A simplex whose values differ by less than this has converged (about a hundred ulps of a slack near 1). */
    private static final double SIMPLEX_SPREAD = 1e-13;
    /** The evolution strategy stops when its step size falls below this. */
    private static final double SMALLEST_SIGMA = 1e-9;

    /** The function maximised. */
    @FunctionalInterface
    interface Objective {
        /**
         * @param x a point
         * @return its value, negative infinity outside the domain
         */
        double value(double[] x);
    }

    /**
     * @param best the best point
     * @param value its value
     * @param evaluations the evaluations spent
     */
    record Result(double[] best, double value, int evaluations) {
    }

    private LocalSearch() {
    }

    /**
     * @param f the objective
     * @param start the starting point
     * @param steps the initial step of each coordinate (positive)
     * @param budget the number of evaluations
     * @param stopAbove stop as soon as a value exceeds this
     * @param rng the stream
     * @return the best point found
     */
    static Result maximize(Objective f, double[] start, double[] steps, int budget, double stopAbove,
            UniformRandomProvider rng) {
        return start.length <= SIMPLEX_LIMIT ? nelderMead(f, start, steps, budget, stopAbove)
                : evolution(f, start, steps, budget, stopAbove, rng);
    }

    private static Result nelderMead(Objective f, double[] start, double[] steps, int budget, double stopAbove) {
        int n = start.length;
        double[] best = start.clone();
        double bestValue = safe(f.value(best));
        int evaluations = 1;
        double scale = 1.0;
        while (evaluations + n + 1 <= budget && bestValue <= stopAbove) {
            double[][] simplex = new double[n + 1][];
            double[] values = new double[n + 1];
            simplex[0] = best.clone();
            values[0] = bestValue;
            for (int i = 0; i < n; i++) {
                simplex[i + 1] = best.clone();
                simplex[i + 1][i] += scale * steps[i];
                values[i + 1] = safe(f.value(simplex[i + 1]));
                evaluations++;
            }
            Run run = new Run(f, simplex, values);
            evaluations += run.iterate(budget - evaluations, stopAbove);
            int top = run.top();
            if (run.values[top] > bestValue) {
                bestValue = run.values[top];
                best = run.simplex[top].clone();
                scale = Math.min(1.0, scale * 2);
            } else {
                scale *= 0.25;
                if (scale < SMALLEST_RESTART_SCALE) {
                    break;
                }
            }
        }
        return new Result(best, bestValue, evaluations);
    }

    /** One Nelder-Mead run (maximising) until the simplex collapses or the budget ends. */
    private static final class Run {
        private final Objective f;
        private final double[][] simplex;
        private final double[] values;

        Run(Objective f, double[][] simplex, double[] values) {
            this.f = f;
            this.simplex = simplex;
            this.values = values;
        }

        int top() {
            int top = 0;
            for (int i = 1; i < values.length; i++) {
                if (values[i] > values[top]) {
                    top = i;
                }
            }
            return top;
        }

        int iterate(int budget, double stopAbove) {
            int n = simplex.length - 1;
            int used = 0;
            Integer[] order = new Integer[n + 1];
            while (used + 2 <= budget) {
                for (int i = 0; i <= n; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]));
                if (values[order[0]] > stopAbove || spread(order) < SIMPLEX_SPREAD) {
                    break;
                }
                int worst = order[n];
                double[] centroid = new double[simplex[0].length];
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < centroid.length; c++) {
                        centroid[c] += simplex[order[i]][c] / n;
                    }
                }
                double[] reflected = toward(centroid, simplex[worst], -1.0);
                double reflectedValue = safe(f.value(reflected));
                used++;
                if (reflectedValue > values[order[0]]) {
                    double[] expanded = toward(centroid, simplex[worst], -2.0);
                    double expandedValue = safe(f.value(expanded));
                    used++;
                    replace(worst, expandedValue > reflectedValue ? expanded : reflected,
                            Math.max(expandedValue, reflectedValue));
                } else if (reflectedValue > values[order[n - 1]]) {
                    replace(worst, reflected, reflectedValue);
                } else {
                    double[] contracted = toward(centroid, simplex[worst], 0.5);
                    double contractedValue = safe(f.value(contracted));
                    used++;
                    if (contractedValue > values[worst]) {
                        replace(worst, contracted, contractedValue);
                    } else {
                        used += shrink(order[0], budget - used);
                    }
                }
            }
            return used;
        }

        private int shrink(int best, int budget) {
            int used = 0;
            for (int i = 0; i < simplex.length && used < budget; i++) {
                if (i == best) {
                    continue;
                }
                simplex[i] = toward(simplex[best], simplex[i], 0.5);
                values[i] = safe(f.value(simplex[i]));
                used++;
            }
            return used;
        }

        private double spread(Integer[] order) {
            double max = 0.0;
            double[] top = simplex[order[0]];
            for (double[] point : simplex) {
                for (int c = 0; c < top.length; c++) {
                    max = Math.max(max, Math.abs(point[c] - top[c]) / (1.0 + Math.abs(top[c])));
                }
            }
            return max;
        }

        private void replace(int index, double[] point, double value) {
            simplex[index] = point;
            values[index] = value;
        }
    }

    /** centroid + t (point - centroid). */
    private static double[] toward(double[] centroid, double[] point, double t) {
        double[] out = new double[centroid.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = centroid[c] + t * (point[c] - centroid[c]);
        }
        return out;
    }

    private static Result evolution(Objective f, double[] start, double[] steps, int budget, double stopAbove,
            UniformRandomProvider rng) {
        int n = start.length;
        double[] best = start.clone();
        double bestValue = safe(f.value(best));
        double sigma = 0.3;
        int evaluations = 1;
        while (evaluations < budget && bestValue <= stopAbove && sigma > SMALLEST_SIGMA) {
            double[] candidate = best.clone();
            int touched = 1 + rng.nextInt(Math.min(n, 8));
            for (int t = 0; t < touched; t++) {
                int c = rng.nextInt(n);
                candidate[c] += sigma * steps[c] * RandomStreams.gaussian(rng);
            }
            double value = safe(f.value(candidate));
            evaluations++;
            if (value > bestValue) {
                best = candidate;
                bestValue = value;
                sigma *= 1.5;
            } else {
                sigma *= FastMath.pow(1.5, -0.25);
            }
        }
        return new Result(best, bestValue, evaluations);
    }

    private static double safe(double value) {
        return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
    }
}
