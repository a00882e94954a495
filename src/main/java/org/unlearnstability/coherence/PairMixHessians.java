package org.unlearnstability.coherence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.HessianCombination;

/**
 * max over pairs (r, f) of lambda_max(D_rf), D_rf = a H_r + b H_f (Definitions 2 and 4), by
 * branch and bound: each pair has the cheap bracket
 * max(a lambda_r, b lambda_f, Tr(D^2)/Tr(D)) <= lambda_max(D_rf) <= min(a lambda_r + b lambda_f, ||D||_F)
 * from the Gram matrix, and only pairs whose upper end beats the best exact value found so far are
 * decomposed. The answer is exact (up to the eigensolver), not an estimate.
 */
public final class PairMixHessians {
    /** Relative widening of the pair bounds for rounding, so that no pair is pruned wrongly. */
    private static final double ROUNDING_MARGIN = 1e-12;
    /** Absolute widening of the upper bound, so that a zero pair still beats a zero bar. */
    private static final double ABSOLUTE_MARGIN = 1e-300;

    private PairMixHessians() {
    }

    /**
     * @param geometry the family geometry
     * @param a the retain weight C_r'
     * @param b the forget weight C_f'
     * @return max_{(r,f)} lambda_max(a H_r + b H_f)
     */
    public static double maxLambdaMax(FamilyGeometry geometry, double a, double b) {
        List<Candidate> candidates = candidates(geometry, a, b);
        candidates.sort(Comparator.comparingDouble(Candidate::upper).reversed());
        double best = candidates.stream().mapToDouble(Candidate::lower).max().orElse(0.0);
        List<Hessian> retain = geometry.family().retain();
        List<Hessian> forget = geometry.family().forget();
        int chunk = 8 * Runtime.getRuntime().availableProcessors();
        for (int start = 0; start < candidates.size(); start += chunk) {
            double bar = best;
            List<Candidate> open = candidates.subList(start, Math.min(candidates.size(), start + chunk)).stream()
                    .filter(c -> c.upper() > bar).toList();
            if (open.isEmpty()) {
                break;
            }
            double chunkBest = open.parallelStream()
                    .mapToDouble(c -> HessianCombination.of(new double[] {a, b},
                            List.of(retain.get(c.r()), forget.get(c.f()))).lambdaMax())
                    .max().orElse(0.0);
            best = Math.max(best, chunkBest);
        }
        return best;
    }

    private static List<Candidate> candidates(FamilyGeometry geometry, double a, double b) {
        int nRetain = geometry.nRetain();
        int nForget = geometry.nForget();
        List<Candidate> candidates = new ArrayList<>(nRetain * nForget);
        for (int r = 0; r < nRetain; r++) {
            for (int f = 0; f < nForget; f++) {
                int fi = nRetain + f;
                double lr = a * geometry.lambdaMax(r);
                double lf = b * geometry.lambdaMax(fi);
                double frob2 = Math.max(0.0, a * a * geometry.gram(r, r) + 2 * a * b * geometry.gram(r, fi)
                        + b * b * geometry.gram(fi, fi));
                double tr = a * geometry.trace(r) + b * geometry.trace(fi);
                double lower = Math.max(Math.max(lr, lf), tr > 0.0 ? frob2 / tr : 0.0);
                double upper = Math.min(lr + lf, Math.sqrt(frob2));
                // The bounds are exact in real arithmetic; widen by rounding so no pair is pruned wrongly.
                candidates.add(new Candidate(r, f, lower * (1 - ROUNDING_MARGIN),
                        upper * (1 + ROUNDING_MARGIN) + ABSOLUTE_MARGIN));
            }
        }
        return candidates;
    }

    private record Candidate(int r, int f, double lower, double upper) {
    }
}
