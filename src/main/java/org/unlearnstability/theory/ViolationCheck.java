package org.unlearnstability.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.Lemma21;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.family.HessianFamily;

/**
 * Decides whether one case (a family with its hyper-parameters, as stored in a counterexample file)
 * violates a claim, at the case's own learning rate, in exact rational arithmetic where the numbers allow
 * (every double is a dyadic rational): Lemma 2.1 for families of dimension at most {@link #EXACT_DIMENSION}
 * ({@link ExactMatrixFamily}), the coherence claims for d = 1 ({@link ExactScalarFamily}); otherwise in
 * floating point with the tolerance of {@link ClaimCheck#TOLERANCE}.
 */
public final class ViolationCheck {
    /** The largest dimension checked exactly for the Lemma 2.1 claims. */
    public static final int EXACT_DIMENSION = 4;

    private ViolationCheck() {
    }

    /**
     * @param claim the claim
     * @param family the family
     * @param hyper the hyper-parameters, including the learning rate at which the violation shows
     * @return the outcome
     */
    public static Violation check(ClaimId claim, HessianFamily family, Hyperparameters hyper) {
        return switch (claim) {
            case LEMMA21_LOWER_BOUND -> lemmaBound(claim, family, hyper, false);
            case LEMMA21_UPPER_BOUND_MEAN_J -> lemmaBound(claim, family, hyper, false);
            case LEMMA21_UPPER_BOUND_REPAIRED -> lemmaBound(claim, family, hyper, true);
            case THEOREM22_DIVERGENCE, THEOREM22_DIVERGENCE_STRICT -> divergence(claim, family, hyper);
            case THEOREM23_CONVERGENCE, THEOREM23_CONVERGENCE_STRICT -> convergence(claim, family, hyper);
            case SINGLE_SET_REDUCTION -> singleSet(family, hyper);
            case LEMMA21_UPPER_BOUND_EVERY_JK -> everyJk(family, hyper);
            case LEMMA21_CONVERGENCE_AS_PRINTED, LEMMA21_CONVERGENCE_R_GE_1 -> lemmaConvergence(claim, family, hyper);
            case LEMMA21_DIVERGENCE_COROLLARY -> corollary(family, hyper);
            case THEOREM23_EXISTENCE -> strongExistence(family, hyper);
        };
    }

    /** Part 2 as printed, every-J_k reading; exact for d = 1 (1 - eps = max |J_k| over the patterns). */
    private static Violation everyJk(HessianFamily family, Hyperparameters hyper) {
        ClaimId claim = ClaimId.LEMMA21_UPPER_BOUND_EVERY_JK;
        Optional<ExactScalarFamily> scalar = ExactScalarFamily.of(family, hyper);
        if (scalar.isEmpty()) {
            return floating(claim, family, hyper);
        }
        ExactScalarFamily x = scalar.get();
        BigFraction m = x.maxPatternNorm();
        boolean applicable = m.signum() > 0 && m.compareTo(BigFraction.ONE) < 0;
        int worst = 1;
        BigFraction worstRatio = BigFraction.ZERO;
        for (int k = 1; k <= ClaimEvaluator.STEPS && applicable; k++) {
            BigFraction bound = x.printedBound(k, m);
            if (bound.signum() > 0) {
                BigFraction ratio = x.meanSquare(k).divide(bound);
                if (ratio.compareTo(worstRatio) > 0) {
                    worstRatio = ratio;
                    worst = k;
                }
            }
        }
        BigFraction lhs = x.meanSquare(worst);
        BigFraction rhs = x.printedBound(worst, m);
        return new Violation(claim, applicable && lhs.compareTo(rhs) > 0, true, "<=",
                quantity("E||w_" + worst + "||^2", lhs),
                quantity("sum_{r=0}^{k-1} C(k,r) (1-eps)^{2(k-r)} Tr(N_r), k = " + worst, rhs),
                List.of(quantity("1 - eps = max over batch patterns of |J_k|", m)));
    }

    /**
     * The convergence statement; exact for d = 1, where Tr(N_r) = n^r with n = Tr(N_1): the hypothesis is
     * |J| in (0, 1) and n^r <= 1 - |J| for every r >= 1 (r >= 0 as printed), the conclusion rho = J^2 + n &lt; 1.
     */
    private static Violation lemmaConvergence(ClaimId claim, HessianFamily family, Hyperparameters hyper) {
        Optional<ExactScalarFamily> scalar = ExactScalarFamily.of(family, hyper);
        if (scalar.isEmpty()) {
            return floating(claim, family, hyper);
        }
        ExactScalarFamily x = scalar.get();
        BigFraction norm = x.j().abs();
        BigFraction eps = BigFraction.ONE.subtract(norm);
        BigFraction noise = x.noise();
        boolean fromZero = claim == ClaimId.LEMMA21_CONVERGENCE_AS_PRINTED;
        // n^r <= eps for all r >= 1 iff n <= eps (then n < 1 and n^r decreases); r = 0 adds 1 <= eps.
        boolean hypothesis = norm.signum() > 0 && norm.compareTo(BigFraction.ONE) < 0 && noise.compareTo(eps) <= 0
                && (!fromZero || BigFraction.ONE.compareTo(eps) <= 0);
        BigFraction rho = x.rho();
        return new Violation(claim, hypothesis && rho.compareTo(BigFraction.ONE) >= 0, true, "<",
                quantity("rho(T) = J^2 + Tr(N_1)", rho), new Quantity("1", 1.0, "1"),
                List.of(quantity("eps = 1 - |J|", eps), quantity("Tr(N_1)", noise)));
    }

    /** The corollary of part 1; exact for d = 1: Tr(N_k) = n^k grows iff n > 1, and then rho = J^2 + n > 1. */
    private static Violation corollary(HessianFamily family, Hyperparameters hyper) {
        ClaimId claim = ClaimId.LEMMA21_DIVERGENCE_COROLLARY;
        Optional<ExactScalarFamily> scalar = ExactScalarFamily.of(family, hyper);
        if (scalar.isEmpty()) {
            return floating(claim, family, hyper);
        }
        ExactScalarFamily x = scalar.get();
        boolean hypothesis = x.noise().compareTo(BigFraction.ONE) > 0;
        BigFraction rho = x.rho();
        return new Violation(claim, hypothesis && rho.compareTo(BigFraction.ONE) <= 0, true, ">",
                quantity("rho(T) = J^2 + Tr(N_1)", rho), new Quantity("1", 1.0, "1"),
                List.of(quantity("rho(N) = Tr(N_1)", x.noise())));
    }

    /** Claims without an exact check: the floating-point slack at the case. */
    private static Violation floating(ClaimId claim, HessianFamily family, Hyperparameters hyper) {
        ClaimCheck c = ClaimEvaluator.evaluate(claim, family, hyper);
        return new Violation(claim, c.violatedBeyondMargin(), false, "slack <= 1",
                new Quantity("slack", c.slack(), null), new Quantity("1", 1.0, "1"),
                List.of(new Quantity("applicable", c.applicable() ? 1 : 0, null)));
    }

    /** Lemma 2.1 parts 1 and 2 at the step where the floating-point slack is largest. */
    private static Violation lemmaBound(ClaimId claim, HessianFamily family, Hyperparameters hyper,
            boolean repaired) {
        ClaimCheck c = ClaimEvaluator.evaluate(claim, family, hyper);
        int k = Math.max(1, c.step());
        boolean lower = claim == ClaimId.LEMMA21_LOWER_BOUND;
        String relation = "<=";
        String lhsName = lower ? "Tr(M_" + k + ")" : "E||w_" + k + "||^2";
        String rhsName = lower ? "E||w_" + k + "||^2"
                : (repaired ? "sum_{r=0}^{k}" : "sum_{r=0}^{k-1}") + " C(k,r) (1-eps)^{2(k-r)} Tr(N_r), k = " + k;
        Lemma21 lemma = Lemma21.compute(family, hyper, Math.max(k, 1));
        List<Quantity> hypotheses = new ArrayList<>();
        hypotheses.add(new Quantity("||J|| = 1 - eps", lemma.normJ(), null));
        if (family.dimension() > EXACT_DIMENSION || !c.applicable()) {
            return new Violation(claim, c.violatedBeyondMargin(), false, relation,
                    new Quantity(lhsName, c.lhs(), null), new Quantity(rhsName, c.rhs(), null), hypotheses);
        }
        ExactMatrixFamily exact = ExactMatrixFamily.of(family, hyper);
        BigFraction meanSquare = exact.meanSquare(k).get(k - 1);
        List<BigFraction> traceN = exact.traceN(k);
        if (lower) {
            BigFraction traceM = exact.traceJ2k(k).get(k - 1).add(traceN.get(k));
            return new Violation(claim, traceM.compareTo(meanSquare) > 0, true, relation, quantity(lhsName, traceM),
                    quantity(rhsName, meanSquare), hypotheses);
        }
        Optional<BigFraction> scalar = exact.normJSquaredIfScalar();
        Optional<BigFraction> u = scalar.isPresent() ? scalar
                : exact.normJSquaredUpperBound(lemma.normJ() * lemma.normJ());
        if (u.isEmpty() || !exact.hessiansSemidefinite()) {
            return new Violation(claim, c.violatedBeyondMargin(), false, relation, new Quantity(lhsName, c.lhs(), null),
                    new Quantity(rhsName, c.rhs(), null), hypotheses);
        }
        BigFraction bound = ExactMatrixFamily.upperBound(k, u.get(), traceN, repaired);
        boolean inRange = u.get().signum() > 0 && u.get().compareTo(BigFraction.ONE) < 0;
        hypotheses.set(0, scalar.isPresent() ? quantity("||J||^2 = (1 - eps)^2", u.get())
                : quantity("u >= ||J||^2 = (1 - eps)^2 (certified: u I - J^2 positive definite)", u.get()));
        return new Violation(claim, inRange && meanSquare.compareTo(bound) > 0, true, relation,
                quantity(lhsName, meanSquare), quantity(rhsName + (scalar.isPresent() ? "" : " at u"), bound),
                hypotheses);
    }

    /** Theorem 2.2 at eta: (7) holds (strictly for the strict reading) and rho(T) <= 1 (no divergence). */
    private static Violation divergence(ClaimId claim, HessianFamily family, Hyperparameters hyper) {
        boolean strict = claim == ClaimId.THEOREM22_DIVERGENCE_STRICT;
        Optional<ExactScalarFamily> scalar = ExactScalarFamily.of(family, hyper);
        if (scalar.isPresent() && scalar.get().condition7().isPresent()) {
            ExactScalarFamily x = scalar.get();
            int seven = x.condition7().get();
            BigFraction rho = x.rho();
            boolean violated = (strict ? seven > 0 : seven >= 0) && rho.compareTo(BigFraction.ONE) <= 0;
            List<Quantity> hypotheses = new ArrayList<>();
            hypotheses.add(new Quantity("(7): sign of lambda_max(D) - sqrt(2) sigma / (eta K7)", seven,
                    Integer.toString(seven)));
            hypotheses.add(quantity("lambda_max(D)", x.lambdaMaxD().orElseThrow()));
            hypotheses.add(quantity("sigma", x.sigma().orElseThrow()));
            hypotheses.add(new Quantity("K7^2", x.k7Squared().doubleValue(), surd(x.k7Squared())));
            hypotheses.add(quantity("eta", x.eta()));
            x.etaStar().ifPresent(e -> hypotheses.add(quantity("etaStar", e)));
            return new Violation(claim, violated, true, ">", quantity("rho(T) = E||w_{k+1}||^2 / E||w_k||^2", rho),
                    new Quantity("1", 1.0, "1"), hypotheses);
        }
        Floating f = Floating.of(family, hyper);
        boolean seven = strict ? hyper.eta() > f.eta7 * (1 + ClaimCheck.FLOAT_MARGIN)
                : hyper.eta() >= f.eta7 * (1 - ClaimCheck.FLOAT_MARGIN);
        boolean violated = seven && f.rho < 1 - ClaimCheck.FLOAT_MARGIN;
        return new Violation(claim, violated, false, ">", new Quantity("rho(T)", f.rho, null),
                new Quantity("1", 1.0, "1"), List.of(new Quantity("eta", hyper.eta(), null),
                        new Quantity("eta7", f.eta7, null), new Quantity("etaStar", f.etaStar, null)));
    }

    /** Theorem 2.3 (Figure 1 reading) at eta: (8) holds (strictly for the strict reading) and rho(T) >= 1. */
    private static Violation convergence(ClaimId claim, HessianFamily family, Hyperparameters hyper) {
        boolean strict = claim == ClaimId.THEOREM23_CONVERGENCE_STRICT;
        Optional<ExactScalarFamily> scalar = ExactScalarFamily.of(family, hyper);
        if (scalar.isPresent() && scalar.get().condition8().isPresent()) {
            ExactScalarFamily x = scalar.get();
            int eight = x.condition8().get();
            BigFraction rho = x.rho();
            // With C_r' = 0 the right side of (8) divides by zero: outside the statement, not a violation.
            boolean finite = x.cRPrime().orElseThrow().signum() > 0;
            boolean violated = finite && (strict ? eight > 0 : eight >= 0) && rho.compareTo(BigFraction.ONE) >= 0;
            List<Quantity> hypotheses = new ArrayList<>();
            hypotheses.add(new Quantity("(8): sign of 2 sigma / (eta C_r' (sigma + n_f (n_r/B - 1))) - lambda_max(D)",
                    eight, Integer.toString(eight)));
            hypotheses.add(quantity("lambda_max(D)", x.lambdaMaxD().orElseThrow()));
            hypotheses.add(quantity("sigma", x.sigma().orElseThrow()));
            hypotheses.add(quantity("C_r'", x.cRPrime().orElseThrow()));
            hypotheses.add(quantity("eta", x.eta()));
            x.eta8().ifPresent(e -> hypotheses.add(quantity("eta8", e)));
            x.etaStar().ifPresent(e -> hypotheses.add(quantity("etaStar", e)));
            return new Violation(claim, violated, true, "<", quantity("rho(T) = E||w_{k+1}||^2 / E||w_k||^2", rho),
                    new Quantity("1", 1.0, "1"), hypotheses);
        }
        Floating f = Floating.of(family, hyper);
        boolean eight = strict ? hyper.eta() < f.eta8 * (1 - ClaimCheck.FLOAT_MARGIN)
                : hyper.eta() <= f.eta8 * (1 + ClaimCheck.FLOAT_MARGIN);
        boolean violated = eight && f.rho > 1 + ClaimCheck.FLOAT_MARGIN;
        return new Violation(claim, violated, false, "<", new Quantity("rho(T)", f.rho, null),
                new Quantity("1", 1.0, "1"), List.of(new Quantity("eta", hyper.eta(), null),
                        new Quantity("eta8", f.eta8, null), new Quantity("etaStar", f.etaStar, null)));
    }

    /**
     * Theorem 2.3's strong reading at eta: the case's values (lambda_max(D), sigma) satisfy (8) and strict (7) at
     * once, so by Theorem 2.2 with a strict inequality (PROVED for every d, specs/claims/theorem22-divergence-strict)
     * every family with these values and hyper-parameters has rho(T) > 1; the case's own rho(T) > 1 is re-checked.
     * Exact for d = 1, floating point with the margin otherwise.
     */
    private static Violation strongExistence(HessianFamily family, Hyperparameters hyper) {
        ClaimId claim = ClaimId.THEOREM23_EXISTENCE;
        String every = "rho(T) of the witness (Theorem 2.2, strict, PROVED: every family with these lambda_max(D),"
                + " sigma, n_r, n_f, B, alpha, eta has rho(T) > 1)";
        Optional<ExactScalarFamily> scalar = ExactScalarFamily.of(family, hyper);
        if (scalar.isPresent() && scalar.get().condition7().isPresent() && scalar.get().condition8().isPresent()) {
            ExactScalarFamily x = scalar.get();
            int seven = x.condition7().get();
            int eight = x.condition8().get();
            boolean finite = x.cRPrime().orElseThrow().signum() > 0;
            BigFraction rho = x.rho();
            boolean violated = finite && seven > 0 && eight >= 0 && rho.compareTo(BigFraction.ONE) > 0;
            List<Quantity> hypotheses = new ArrayList<>();
            hypotheses.add(new Quantity("(7): sign of lambda_max(D) - sqrt(2) sigma / (eta K7)", seven,
                    Integer.toString(seven)));
            hypotheses.add(new Quantity("(8): sign of 2 sigma / (eta C_r' (sigma + n_f (n_r/B - 1))) - lambda_max(D)",
                    eight, Integer.toString(eight)));
            hypotheses.add(quantity("lambda_max(D)", x.lambdaMaxD().orElseThrow()));
            hypotheses.add(quantity("sigma", x.sigma().orElseThrow()));
            hypotheses.add(new Quantity("K7^2", x.k7Squared().doubleValue(), surd(x.k7Squared())));
            hypotheses.add(quantity("C_r'", x.cRPrime().orElseThrow()));
            hypotheses.add(quantity("eta", x.eta()));
            x.eta8().ifPresent(e -> hypotheses.add(quantity("eta8", e)));
            x.etaStar().ifPresent(e -> hypotheses.add(quantity("etaStar", e)));
            return new Violation(claim, violated, true, "<", quantity(every, rho), new Quantity("1", 1.0, "1"),
                    hypotheses);
        }
        Floating f = Floating.of(family, hyper);
        boolean both = hyper.eta() > f.eta7 * (1 + ClaimCheck.FLOAT_MARGIN)
                && hyper.eta() <= f.eta8 * (1 + ClaimCheck.FLOAT_MARGIN);
        return new Violation(claim, both && f.rho > 1 + ClaimCheck.FLOAT_MARGIN, false, "<",
                new Quantity(every, f.rho, null), new Quantity("1", 1.0, "1"),
                List.of(new Quantity("eta", hyper.eta(), null), new Quantity("eta7", f.eta7, null),
                        new Quantity("eta8", f.eta8, null)));
    }

    /** Section 2.2 at alpha = 0: sigma = sigma_single(retain) is claimed. */
    private static Violation singleSet(HessianFamily family, Hyperparameters hyper) {
        Hyperparameters zero = new Hyperparameters(hyper.eta(), 0.0, hyper.batch());
        Optional<ExactScalarFamily> scalar = ExactScalarFamily.of(family, zero);
        if (scalar.isPresent() && scalar.get().sigma().isPresent() && scalar.get().sigmaSingleRetain().isPresent()) {
            BigFraction sigma = scalar.get().sigma().get();
            BigFraction single = scalar.get().sigmaSingleRetain().get();
            return new Violation(ClaimId.SINGLE_SET_REDUCTION, !sigma.equals(single), true, "=",
                    quantity("sigma (Definition 4, alpha = 0)", sigma),
                    quantity("sigma_single (Definition 1, retain set)", single),
                    List.of(new Quantity("n_f", family.nForget(), Integer.toString(family.nForget()))));
        }
        ClaimCheck c = ClaimEvaluator.evaluate(ClaimId.SINGLE_SET_REDUCTION, family, zero);
        return new Violation(ClaimId.SINGLE_SET_REDUCTION, c.violatedBeyondMargin(), false, "=",
                new Quantity("sigma (Definition 4, alpha = 0)", c.lhs(), null),
                new Quantity("sigma_single (Definition 1, retain set)", c.rhs(), null),
                List.of(new Quantity("n_f", family.nForget(), Integer.toString(family.nForget()))));
    }

    private static Quantity quantity(String name, BigFraction value) {
        return new Quantity(name, value.doubleValue(), text(value));
    }

    private static String text(BigFraction value) {
        return Rationals.text(value);
    }

    private static String surd(QuadraticSurd s) {
        return text(s.a()) + " + " + text(s.b()) + " sqrt(" + text(s.radicand()) + ")";
    }

    /** eta7, eta8, etaStar and rho(T) at eta in floating point. */
    private record Floating(double eta7, double eta8, double etaStar, double rho) {
        static Floating of(HessianFamily family, Hyperparameters hyper) {
            CoherenceAnalysis analysis = CoherenceAnalysis.of(family, hyper);
            StabilityThresholds t = StabilityThresholds.of(analysis, hyper, family.nRetain(), family.nForget());
            double etaStar = CriticalLearningRate.of(family, hyper.alpha(), hyper.batch()).etaStar();
            double rho = MeanSquareOperator.of(family, hyper).rho().rho();
            return new Floating(t.eta7(), t.eta8(), etaStar, rho);
        }
    }
}
