package org.unlearnstability.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.ExactScalarFamily;
import org.unlearnstability.theory.KnownCase;
import org.unlearnstability.theory.Quantity;
import org.unlearnstability.theory.Violation;

/**
 * Theorem 2.3 as printed, an existence statement, in its strong reading: for values (lambda_max(D), sigma)
 * satisfying (8), some PSD family with these values converges (specs/claims/theorem23-existence). Decided by an
 * exact witness (with Theorem 2.2 proved), not by search; the generated cases check the weak reading.
 */
public final class Theorem23Existence extends AbstractClaim {
    /** The claim (the registry holds its instance). */
    public Theorem23Existence() {
        super("theorem23-existence");
    }

    @Override
    public boolean boundaryViolates() {
        return true;
    }

    @Override
    public boolean searched() {
        return false;
    }

    @Override
    public List<KnownCase> equalityCases() {
        return List.of(existenceWitness());
    }

    /**
     * The exact witness against Theorem 2.3's strong reading: retain {2, 0}, forget {1, 0}, B = 1, alpha = 1/2,
     * eta = 2 (d = 1). C_r' = C_f' = 1/2, lambda_max(D) = 3/4, sigma = 2, K7 = 2, so eta7 = 4 sqrt(2) / 3 &lt; 2 &lt;=
     * eta8 = 8/3: (8) and strict (7) hold at once, and by Theorem 2.2 (strict, proved) every family with these
     * values diverges; this one has rho(T) = 3/2 at eta = 2 (and etaStar = 4/3).
     *
     * @return the witness
     */
    static KnownCase existenceWitness() {
        HessianFamily family = new HessianFamily(KnownCase.scalars(2.0, 2), KnownCase.scalars(1.0, 2));
        return new KnownCase("witness-8-and-7", family, new Hyperparameters(2.0, 0.5, 1),
                "(8) and strict (7) hold at once (eta7 = 4 sqrt(2)/3 < eta = 2 <= eta8 = 8/3), so every family with"
                        + " lambda_max(D) = 3/4 and sigma = 2 diverges at these hyper-parameters;"
                        + " this one has rho(T) = 3/2");
    }

    /**
     * The weak reading of the existence statement: for the case's (n_r, n_f, B, alpha, eta), a witness
     * family (the case's retain Hessians, forget Hessians set to zero, all scaled down until
     * eta <= etaStar / 4 and eta <= eta8 / 2) satisfies (8) and converges. Slack rho(T) of the witness at eta,
     * infinite when (8) fails for it (applicable when alpha &lt; 1 and C_r' > 0; at alpha = 1 every J_k >= I
     * and nothing converges, and with C_r' = 0 the right side of (8) divides by zero). Secondary: eta7 / eta8 of the
     * case's own family (below 1, (7) and (8) both hold on (eta7, eta8]).
     */
    @Override
    ClaimCheck evaluateFinite(HessianFamily family, Hyperparameters hyper) {
        Thresholds own = Thresholds.of(family, hyper);
        double overlap = own.eta7() / own.eta8();
        double cRPrime = NoiseConstants.of(hyper, family.nRetain(), family.nForget()).cRPrime();
        if (!(hyper.alpha() < 1.0) || !(cRPrime > 0.0)) {
            // alpha = 1: nothing converges (every J_k >= I); C_r' = 0: the right side of (8) divides by zero.
            return new ClaimCheck(this, false, Double.NaN, Double.NaN, Double.NaN, 0, hyper.eta(), overlap);
        }
        HessianFamily witness = witness(family, hyper);
        Thresholds t = Thresholds.of(witness, hyper);
        double rho = MeanSquareOperator.of(witness, hyper).rho().rho();
        boolean eight = hyper.eta() <= t.eta8();
        return new ClaimCheck(this, true, eight ? rho : Double.POSITIVE_INFINITY, hyper.eta(), t.eta8(), 0,
                hyper.eta(), overlap);
    }

    /**
     * The retain Hessians (or e_1 e_1^T when all vanish) and zero forget Hessians, scaled down until
     * eta <= etaStar / 4 and eta <= eta8 / 2 (sigma is scale-free, while etaStar and eta8 scale like 1/scale).
     */
    static HessianFamily witness(HessianFamily family, Hyperparameters hyper) {
        int d = family.dimension();
        List<Hessian> retain = new ArrayList<>(family.retain());
        if (retain.stream().allMatch(h -> h.trace() == 0.0)) {
            double[] e1 = new double[d];
            e1[0] = 1.0;
            retain.set(0, DiagonalHessian.of(e1));
        }
        List<Hessian> forget = new ArrayList<>();
        for (int i = 0; i < family.nForget(); i++) {
            forget.add(DiagonalHessian.of(new double[d]));
        }
        HessianFamily unscaled = new HessianFamily(retain, forget);
        double etaStar = CriticalLearningRate.of(unscaled, hyper.alpha(),
                hyper.batch()).etaStar();
        double eta8 = Thresholds.of(unscaled, hyper).eta8();
        double scale = 1.0;
        if (etaStar > 0.0 && Double.isFinite(etaStar)) {
            scale = Math.min(scale, etaStar / (4 * hyper.eta()));
        }
        if (eta8 > 0.0 && Double.isFinite(eta8)) {
            scale = Math.min(scale, eta8 / (2 * hyper.eta()));
        }
        double factor = scale;
        List<Hessian> scaled = retain.stream().map(h -> h.scale(factor)).toList();
        return new HessianFamily(scaled, forget);
    }

    /**
     * Theorem 2.3's strong reading at eta: the case's values (lambda_max(D), sigma) satisfy (8) and strict (7) at
     * once, so by Theorem 2.2 with a strict inequality (PROVED for every d, specs/claims/theorem22-divergence-strict)
     * every family with these values and hyper-parameters has rho(T) > 1; the case's own rho(T) > 1 is re-checked.
     * Exact for d = 1, floating point with the margin otherwise.
     */
    @Override
    public Violation check(HessianFamily family, Hyperparameters hyper) {
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
            hypotheses.add(Quantity.exact("lambda_max(D)", x.lambdaMaxD().orElseThrow()));
            hypotheses.add(Quantity.exact("sigma", x.sigma().orElseThrow()));
            hypotheses.add(new Quantity("K7^2", x.k7Squared().doubleValue(), x.k7Squared().text()));
            hypotheses.add(Quantity.exact("C_r'", x.cRPrime().orElseThrow()));
            hypotheses.add(Quantity.exact("eta", x.eta()));
            x.eta8().ifPresent(e -> hypotheses.add(Quantity.exact("eta8", e)));
            x.etaStar().ifPresent(e -> hypotheses.add(Quantity.exact("etaStar", e)));
            return new Violation(this, violated, true, "<", Quantity.exact(every, rho), new Quantity("1", 1.0, "1"),
                    hypotheses);
        }
        FloatingThresholds f = FloatingThresholds.of(family, hyper);
        boolean both = hyper.eta() > f.eta7() * (1 + ClaimCheck.FLOAT_MARGIN)
                && hyper.eta() <= f.eta8() * (1 + ClaimCheck.FLOAT_MARGIN);
        return new Violation(this, both && f.rho() > 1 + ClaimCheck.FLOAT_MARGIN, false, "<",
                new Quantity(every, f.rho(), null), new Quantity("1", 1.0, "1"),
                List.of(new Quantity("eta", hyper.eta(), null), new Quantity("eta7", f.eta7(), null),
                        new Quantity("eta8", f.eta8(), null)));
    }

    @Override
    public Optional<String> describeSecondary(double min, double max, int belowOne, int cases,
            DoubleFunction<String> format) {
        return Optional.of(String.format(Locale.ROOT, "* eta7 < eta8, so that (7) with > and (8) hold together on "
                + "(eta7, eta8]: %d of %d cases (including those where C_r' = 0 makes (8) hold for every eta)%n",
                belowOne, cases));
    }
}
