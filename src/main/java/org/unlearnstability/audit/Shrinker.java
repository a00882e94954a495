package org.unlearnstability.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.SymmetricEigen;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.Violation;

/**
 * Shrinks a counterexample towards the smallest one (fewest samples, smallest d, simplest
 * numbers), keeping the violation at every step. Greedy passes, repeated until nothing changes: drop a
 * retain or forget sample, lower B, drop a coordinate (a principal submatrix of every Hessian is still
 * PSD), rescale so that the largest entry is 1, then replace each number (Hessian entries, alpha, eta) by
 * the simplest dyadic rational (smallest power-of-two denominator, then smallest numerator) in the widest
 * window around it that keeps the violation, trying 0 first. Dyadic numbers are exact as doubles, so
 * the stored file holds exactly the numbers the exact check uses. For claims over every eta, the learning
 * rate is chosen last as the simplest dyadic at which the claim's exact check ({@link org.unlearnstability.theory.Claim#check}) confirms the violation.
 *
 * <p>The predicate is a strict floating-point violation, confirmed by the exact check whenever the case
 * admits one, so shrinking never walks onto an equality case by rounding.
 */
final class Shrinker {
    private static final int ROUNDS = 6;
    /** Eigenvalues above -this times the largest |eigenvalue| count as zero (rounding of a PSD matrix). */
    private static final double PSD_TOLERANCE = 1e-12;
    /** Evaluations of one re-optimisation after a dropped sample. */
    private static final int REOPTIMIZE_BUDGET = 400;

    private final Claim claim;
    private boolean requireAdmissible;
    private int evaluations;

    private Shrinker(Claim claim) {
        this.claim = claim;
    }

    /**
     * @param family the family of a violating case
     * @param hyper its hyper-parameters
     * @param evaluations the predicate evaluations spent
     */
    record Shrunk(HessianFamily family, Hyperparameters hyper, int evaluations) {
    }

    /**
     * @param claim the claim
     * @param family a violating family
     * @param hyper its hyper-parameters
     * @return the shrunk case, or empty when the starting case does not violate the claim
     */
    static Optional<Shrunk> shrink(Claim claim, HessianFamily family, Hyperparameters hyper) {
        Shrinker shrinker = new Shrinker(claim);
        State state = new State(family, hyper);
        if (!shrinker.violates(state)) {
            return Optional.empty();
        }
        shrinker.requireAdmissible = admissible(state.family, state.hyper);
        for (int round = 0; round < ROUNDS; round++) {
            State before = state;
            state = shrinker.dropSamples(state);
            state = shrinker.lowerBatch(state);
            state = shrinker.dropCoordinates(state);
            state = shrinker.canonical(state);
            state = shrinker.simplify(state);
            if (state.sameAs(before)) {
                break;
            }
        }
        state = shrinker.chooseEta(state);
        return Optional.of(new Shrunk(state.family, state.hyper, shrinker.evaluations));
    }

    /** A family with hyper-parameters. */
    private record State(HessianFamily family, Hyperparameters hyper) {
        boolean sameAs(State other) {
            return hyper.equals(other.hyper) && entries(family.all()).equals(entries(other.family.all()))
                    && family.nRetain() == other.family.nRetain();
        }

        private static List<List<Double>> entries(List<Hessian> hessians) {
            List<List<Double>> out = new ArrayList<>();
            for (Hessian h : hessians) {
                List<Double> flat = new ArrayList<>();
                for (double[] row : h.toMatrix().getData()) {
                    for (double v : row) {
                        flat.add(v);
                    }
                }
                out.add(flat);
            }
            return out;
        }

        State with(HessianFamily newFamily) {
            int limit = Math.min(newFamily.nRetain(), newFamily.nForget());
            return new State(newFamily, new Hyperparameters(hyper.eta(), hyper.alpha(), Math.min(hyper.batch(),
                    limit)));
        }
    }

    /**
     * Whether C_r' is the paper's ratio, or its only continuous extension (alpha = 0: C_f vanishes for every
     * B, so C_r' = 1), rather than a limit convention for C_r = C_f = 0 that the paper does not state: a
     * counterexample should not rest on a convention.
     */
    static boolean admissible(HessianFamily family, Hyperparameters hyper) {
        NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
        return noise.cR() > 0.0 || noise.cF() > 0.0 || hyper.alpha() == 0.0;
    }

    private boolean violates(State s) {
        evaluations++;
        if (requireAdmissible && !admissible(s.family, s.hyper)) {
            return false;
        }
        try {
            ClaimCheck check = claim.evaluate(s.family, s.hyper);
            if (!check.violatedStrictly()) {
                return false;
            }
            if (claim.etaDependent()) {
                return confirm(s.family, s.hyper);
            }
            return confirm(s.family, s.hyper.withEta(check.witnessEta()));
        } catch (ArithmeticException | IllegalStateException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The exact check where the case admits one (it reports a floating-point decision otherwise). */
    private boolean confirm(HessianFamily family, Hyperparameters hyper) {
        if (family.dimension() > 2) {
            return true;
        }
        Violation v = claim.check(family, hyper);
        return v.violated();
    }

    private State dropSamples(State s) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int set = 0; set < 2 && !changed; set++) {
                List<Hessian> hessians = set == 0 ? s.family.retain() : s.family.forget();
                for (int i = 0; i < hessians.size() && hessians.size() > 1 && !changed; i++) {
                    List<Hessian> fewer = new ArrayList<>(hessians);
                    fewer.remove(i);
                    HessianFamily family = set == 0 ? new HessianFamily(fewer, s.family.forget())
                            : new HessianFamily(s.family.retain(), fewer);
                    State candidate = s.with(family);
                    if (violates(candidate)) {
                        s = candidate;
                        changed = true;
                    } else {
                        Optional<State> repaired = reoptimize(candidate);
                        if (repaired.isPresent()) {
                            s = repaired.get();
                            changed = true;
                        }
                    }
                }
            }
        }
        return s;
    }

    /**
     * A short local search over the remaining numbers (every Hessian as a full factor, alpha, eta) to win
     * back a violation lost by dropping a sample.
     */
    private Optional<State> reoptimize(State s) {
        HessianFamily family = s.family;
        int d = family.dimension();
        FamilyShape shape = FamilyShape.fullFactors(d, family.nRetain(), family.nForget());
        int slots = shape.slots();
        double[] params = shape.factorParameters(family.all().stream().map(Shrinker::squareRoot).toList());
        AuditCase start = new AuditCase(FamilyKind.DENSE, shape, params, s.hyper.alpha(), s.hyper.eta(),
                s.hyper.batch());
        CaseSearch.Found found = new CaseSearch(claim, start, new java.util.concurrent.atomic.AtomicInteger())
                .run(REOPTIMIZE_BUDGET, org.unlearnstability.rng.RandomStreams.stream(slots, d, evaluations));
        evaluations += found.evaluations();
        State next = new State(found.best().family(), found.best().hyper());
        return violates(next) ? Optional.of(canonical(next)) : Optional.empty();
    }

    /** H^{1/2} = V sqrt(Lambda) V^T (negative rounding eigenvalues clipped). */
    private static double[][] squareRoot(Hessian h) {
        SymmetricEigen eigen = SymmetricEigen.of(h.toMatrix().getData());
        double[] values = eigen.eigenvalues();
        double[][] v = eigen.vectorRows();
        int d = values.length;
        double[][] root = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sum = 0.0;
                for (int p = 0; p < d; p++) {
                    sum += v[p][i] * Math.sqrt(Math.max(0.0, values[p])) * v[p][j];
                }
                root[i][j] = sum;
            }
        }
        return root;
    }

    private State lowerBatch(State s) {
        for (int b = 1; b < s.hyper.batch(); b++) {
            State candidate = new State(s.family, new Hyperparameters(s.hyper.eta(), s.hyper.alpha(), b));
            if (violates(candidate)) {
                return candidate;
            }
        }
        return s;
    }

    private State dropCoordinates(State s) {
        boolean changed = true;
        while (changed && s.family.dimension() > 1) {
            changed = false;
            for (int j = 0; j < s.family.dimension() && !changed; j++) {
                State candidate = s.with(without(s.family, j));
                if (violates(candidate)) {
                    s = candidate;
                    changed = true;
                }
            }
        }
        return s;
    }

    private static HessianFamily without(HessianFamily family, int coordinate) {
        return new HessianFamily(family.retain().stream().map(h -> minor(h, coordinate)).toList(),
                family.forget().stream().map(h -> minor(h, coordinate)).toList());
    }

    private static Hessian minor(Hessian h, int coordinate) {
        double[][] m = h.toMatrix().getData();
        int d = m.length - 1;
        double[][] out = new double[d][d];
        for (int i = 0, a = 0; i <= d; i++) {
            if (i == coordinate) {
                continue;
            }
            for (int j = 0, b = 0; j <= d; j++) {
                if (j != coordinate) {
                    out[a][b++] = m[i][j];
                }
            }
            a++;
        }
        return canonical(out);
    }

    /** Diagonal matrices become {@link DiagonalHessian}, the rest dense (so that entries can be rounded). */
    private static Hessian canonical(double[][] m) {
        int d = m.length;
        boolean diagonal = true;
        for (int i = 0; i < d && diagonal; i++) {
            for (int j = 0; j < d; j++) {
                if (i != j && m[i][j] != 0.0) {
                    diagonal = false;
                    break;
                }
            }
        }
        if (diagonal) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = m[i][i];
            }
            return DiagonalHessian.of(v);
        }
        return DenseHessian.of(m);
    }

    /** Every Hessian in canonical form, scaled so that the largest entry is 1 (eta scaled back). */
    private State canonical(State s) {
        double max = 0.0;
        for (Hessian h : s.family.all()) {
            for (double[] row : h.toMatrix().getData()) {
                for (double v : row) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        if (!(max > 0.0)) {
            return s;
        }
        double scale = 1.0 / max;
        HessianFamily family = new HessianFamily(
                s.family.retain().stream().map(h -> canonical(h.toMatrix().scalarMultiply(scale).getData())).toList(),
                s.family.forget().stream().map(h -> canonical(h.toMatrix().scalarMultiply(scale).getData())).toList());
        double eta = claim.etaDependent() ? s.hyper.eta() / scale : s.hyper.eta();
        State candidate = new State(family, s.hyper.withEta(eta));
        return violates(candidate) ? candidate : s;
    }

    /** Each number replaced by the simplest dyadic that keeps the violation. */
    private State simplify(State s) {
        s = simplifyHessians(s, true);
        s = simplifyHessians(s, false);
        if (claim.alphaFree()) {
            double alpha = s.hyper.alpha();
            for (double candidate : Dyadics.candidates(alpha, 0.0, 1.0)) {
                State next = new State(s.family, new Hyperparameters(s.hyper.eta(), candidate, s.hyper.batch()));
                if (candidate == alpha || violates(next)) {
                    s = next;
                    break;
                }
            }
        }
        if (claim.etaDependent()) {
            double eta = s.hyper.eta();
            for (double candidate : Dyadics.candidates(eta, 0.0, Double.POSITIVE_INFINITY)) {
                if (candidate <= 0.0) {
                    continue;
                }
                State next = new State(s.family, s.hyper.withEta(candidate));
                if (candidate == eta || violates(next)) {
                    s = next;
                    break;
                }
            }
        }
        return s;
    }

    private State simplifyHessians(State s, boolean retain) {
        int n = retain ? s.family.nRetain() : s.family.nForget();
        int d = s.family.dimension();
        for (int index = 0; index < n; index++) {
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    s = simplifyEntry(s, retain, index, i, j);
                }
            }
        }
        return s;
    }

    private State simplifyEntry(State s, boolean retain, int index, int i, int j) {
        List<Hessian> set = retain ? s.family.retain() : s.family.forget();
        double[][] m = set.get(index).toMatrix().getData();
        double value = m[i][j];
        if (i != j && value == 0.0) {
            return s;
        }
        double lower = i == j ? 0.0 : Double.NEGATIVE_INFINITY;
        for (double candidate : Dyadics.candidates(value, lower, Double.POSITIVE_INFINITY)) {
            if (candidate == value) {
                return s;
            }
            double[][] copy = new double[m.length][];
            for (int r = 0; r < m.length; r++) {
                copy[r] = m[r].clone();
            }
            copy[i][j] = candidate;
            copy[j][i] = candidate;
            if (!semidefinite(copy)) {
                continue;
            }
            List<Hessian> replaced = new ArrayList<>(set);
            replaced.set(index, canonical(copy));
            HessianFamily family = retain ? new HessianFamily(replaced, s.family.forget())
                    : new HessianFamily(s.family.retain(), replaced);
            State next = new State(family, s.hyper);
            if (violates(next)) {
                return next;
            }
        }
        return s;
    }

    private static boolean semidefinite(double[][] m) {
        if (m.length == 1) {
            return m[0][0] >= 0.0;
        }
        double[] values = SymmetricEigen.of(m).eigenvalues();
        double max = 0.0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
            min = Math.min(min, v);
        }
        return min >= -PSD_TOLERANCE * max;
    }

    /**
     * For claims over every eta: the simplest dyadic learning rate at which the violation is confirmed
     * (exactly where possible), else the evaluator's witness.
     */
    private State chooseEta(State s) {
        if (claim.etaDependent()) {
            return s;
        }
        ClaimCheck check = claim.evaluate(s.family, s.hyper);
        double witness = check.witnessEta();
        if (!(witness > 0.0) || !Double.isFinite(witness)) {
            return s;
        }
        for (double candidate : Dyadics.candidates(witness, 0.0, Double.POSITIVE_INFINITY)) {
            if (candidate > 0.0) {
                Hyperparameters hyper = s.hyper.withEta(candidate);
                evaluations++;
                if (claim.check(s.family, hyper).violated()) {
                    return new State(s.family, hyper);
                }
            }
        }
        return new State(s.family, s.hyper.withEta(witness));
    }
}
