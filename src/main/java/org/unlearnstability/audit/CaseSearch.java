package org.unlearnstability.audit;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.UniformRandomProvider;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.util.FastMath;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimCheck;

/**
 * Local search of one claim from one case ({@link LocalSearch} on the claim's slack ratio). The search
 * vector is the family parameters, then alpha folded into [0, 1] (except for the single-set reduction,
 * which fixes alpha = 0), then log eta (for claims that depend on eta).
 */
final class CaseSearch {
    /** The slack above which a search stops: a clear violation has been found. */
    static final double STOP_ABOVE = 1.001;
    /** Parameters and eta beyond this magnitude make products overflow: such points count as outside the domain. */
    private static final double DOMAIN_LIMIT = 1e60;
    /** The smallest eta inside the domain (the reciprocal of the limit, written so that it is exactly that literal). */
    private static final double DOMAIN_FLOOR = 1e-60;
    /** Keeps the first step of a parameter that is zero (and all others small) from being zero. */
    private static final double STEP_FLOOR = 1e-12;

    private final Claim claim;
    private final AuditCase start;
    private final boolean alphaFree;
    private final AtomicInteger failures;

    /**
     * @param claim the claim
     * @param start the starting case
     * @param failures counts evaluations that failed numerically (reported by the audit)
     */
    CaseSearch(Claim claim, AuditCase start, AtomicInteger failures) {
        this.claim = claim;
        this.start = start;
        this.alphaFree = claim.alphaFree();
        this.failures = failures;
    }

    /**
     * @param budget the number of evaluations
     * @param rng the stream
     * @return the best case found and its check
     */
    Found run(int budget, UniformRandomProvider rng) {
        double[] x0 = encode();
        double[] steps = steps(x0);
        LocalSearch.Result result = LocalSearch.maximize(this::objective, x0, steps, budget, STOP_ABOVE, rng);
        AuditCase best = decode(result.best());
        @Nullable ClaimCheck check = evaluate(best);
        return new Found(best, check, result.evaluations());
    }

    /**
     * @param best the best case
     * @param check its check (null when it failed numerically)
     * @param evaluations the evaluations spent
     */
    record Found(AuditCase best, @Nullable ClaimCheck check, int evaluations) {
    }

    private double objective(double[] x) {
        AuditCase c = decode(x);
        if (!reasonable(c)) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            double slack = claim.searchSlack(c.family(), c.hyper());
            return Double.isNaN(slack) ? Double.NEGATIVE_INFINITY : Math.min(slack, 1e300);
        } catch (ArithmeticException | IllegalStateException | IllegalArgumentException e) {
            failures.incrementAndGet();
            return Double.NEGATIVE_INFINITY;
        }
    }

    /**
     * @param c a case
     * @return its check, or null when the evaluation fails numerically (counted)
     */
    @Nullable ClaimCheck evaluate(AuditCase c) {
        if (!reasonable(c)) {
            return ClaimCheck.notApplicable(claim);
        }
        try {
            HessianFamily family = c.family();
            Hyperparameters hyper = c.hyper();
            return claim.evaluate(family, hyper);
        } catch (ArithmeticException | IllegalStateException | IllegalArgumentException e) {
            failures.incrementAndGet();
            return null;
        }
    }

    /**
     * Keeps search inside numbers the linear algebra is meant for: parameters of magnitude below 1e60 and
     * eta within [1e-60, 1e60] (beyond that products overflow; such points count as outside the domain).
     */
    private static boolean reasonable(AuditCase c) {
        for (double v : c.params()) {
            if (!(Math.abs(v) < DOMAIN_LIMIT)) {
                return false;
            }
        }
        return c.eta() >= DOMAIN_FLOOR && c.eta() <= DOMAIN_LIMIT;
    }

    private double[] encode() {
        double[] p = start.params();
        double[] x = Arrays.copyOf(p, p.length + extra());
        int at = p.length;
        if (alphaFree) {
            x[at++] = start.alpha();
        }
        if (claim.etaDependent()) {
            x[at] = FastMath.log(start.eta());
        }
        return x;
    }

    private int extra() {
        return (alphaFree ? 1 : 0) + (claim.etaDependent() ? 1 : 0);
    }

    private double[] steps(double[] x) {
        int n = start.params().length;
        double rms = 0.0;
        for (int i = 0; i < n; i++) {
            rms += x[i] * x[i];
        }
        rms = n == 0 ? 1.0 : Math.sqrt(rms / n);
        double[] steps = new double[x.length];
        for (int i = 0; i < n; i++) {
            steps[i] = 0.3 * (Math.abs(x[i]) + 0.1 * rms + STEP_FLOOR);
        }
        int at = n;
        if (alphaFree) {
            steps[at++] = 0.1;
        }
        if (claim.etaDependent()) {
            steps[at] = 0.3;
        }
        return steps;
    }

    private AuditCase decode(double[] x) {
        int n = start.params().length;
        double[] params = Arrays.copyOf(x, n);
        int at = n;
        double alpha = alphaFree ? fold(x[at++]) : start.alpha();
        double eta = claim.etaDependent() ? FastMath.exp(Math.max(-700, Math.min(700, x[at]))) : start.eta();
        return start.with(params, alpha, eta);
    }

    /** Reflects a real number into [0, 1] (a triangle wave), so alpha moves freely and stays in range. */
    static double fold(double a) {
        double t = Math.abs(a) % 2.0;
        return t <= 1.0 ? t : 2.0 - t;
    }
}
