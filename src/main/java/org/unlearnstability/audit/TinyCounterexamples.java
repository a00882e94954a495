package org.unlearnstability.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.Violation;

/**
 * The last step of shrinking a one-dimensional counterexample: an exhaustive search, in order of size and
 * simplicity, over one-dimensional families with at most as many samples, every Hessian in
 * {1, 0, 2, 1/2}, alpha in {0, 1/2, 1, 1/4, 3/4}, eta in {1, 2, 1/2, 4, 1/4} and every B, for the first
 * case that the exact check confirms (and that does not rest on the C_r' convention for C_r = C_f = 0).
 * Greedy shrinking finds a small case; this finds the simplest one of that size or smaller.
 */
final class TinyCounterexamples {
    private static final double[] VALUES = {1.0, 0.0, 2.0, 0.5};
    private static final double[] ALPHAS = {0.0, 0.5, 1.0, 0.25, 0.75};
    private static final double[] ETAS = {1.0, 2.0, 0.5, 4.0, 0.25};

    private TinyCounterexamples() {
    }

    /**
     * @param claim the claim
     * @param maxSamples the largest n_r + n_f to try
     * @return the first confirmed case, if any
     */
    static Optional<Shrinker.Shrunk> first(Claim claim, int maxSamples) {
        int checks = 0;
        for (int total = 2; total <= maxSamples; total++) {
            for (int nRetain = 1; nRetain < total; nRetain++) {
                int nForget = total - nRetain;
                for (List<Hessian> retain : multisets(nRetain)) {
                    for (List<Hessian> forget : multisets(nForget)) {
                        HessianFamily family = new HessianFamily(retain, forget);
                        for (int b = 1; b <= Math.min(nRetain, nForget); b++) {
                            for (double alpha : claim.alphaFree() ? ALPHAS : new double[] {0.0}) {
                                for (double eta : ETAS) {
                                    Hyperparameters hyper = new Hyperparameters(eta, alpha, b);
                                    if (!Shrinker.admissible(family, hyper)) {
                                        continue;
                                    }
                                    checks++;
                                    Violation v = claim.check(family, hyper);
                                    if (v.violated() && v.exact()) {
                                        return Optional.of(new Shrinker.Shrunk(family, hyper, checks));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Non-increasing sequences over {@link #VALUES} order (each multiset once), as scalar Hessians. */
    private static List<List<Hessian>> multisets(int n) {
        List<List<Hessian>> out = new ArrayList<>();
        extend(new int[n], 0, 0, out);
        return out;
    }

    private static void extend(int[] picks, int at, int from, List<List<Hessian>> out) {
        if (at == picks.length) {
            List<Hessian> set = new ArrayList<>();
            for (int p : picks) {
                set.add(DiagonalHessian.of(new double[] {VALUES[p]}));
            }
            out.add(set);
            return;
        }
        for (int p = from; p < VALUES.length; p++) {
            picks[at] = p;
            extend(picks, at + 1, p, out);
        }
    }
}
