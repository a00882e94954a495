package org.unlearnstability.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.Lemma21;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimCheck;
import org.unlearnstability.theory.ExactMatrixFamily;
import org.unlearnstability.theory.Quantity;
import org.unlearnstability.theory.Violation;

/**
 * The exact re-check of Lemma 2.1's bounds (part 1, and part 2 under the mean-J reading) at the step where the
 * floating-point slack is largest: rational arithmetic on the file's numbers for families of dimension at most
 * {@link #EXACT_DIMENSION} ({@link ExactMatrixFamily}), with a certified rational upper bound u >= ||J||^2 when
 * ||J|| is irrational; floating point with the margin otherwise.
 */
final class Lemma21BoundCheck {
    /** The largest dimension checked exactly for the Lemma 2.1 claims. */
    static final int EXACT_DIMENSION = 4;

    private Lemma21BoundCheck() {
    }

    /** Lemma 2.1 parts 1 and 2 at the step where the floating-point slack is largest. */
    static Violation check(Claim claim, HessianFamily family, Hyperparameters hyper, boolean lower,
            boolean repaired) {
        ClaimCheck c = claim.evaluate(family, hyper);
        int k = Math.max(1, c.step());
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
            return new Violation(claim, traceM.compareTo(meanSquare) > 0, true, relation,
                    Quantity.exact(lhsName, traceM), Quantity.exact(rhsName, meanSquare), hypotheses);
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
        hypotheses.set(0, scalar.isPresent() ? Quantity.exact("||J||^2 = (1 - eps)^2", u.get())
                : Quantity.exact("u >= ||J||^2 = (1 - eps)^2 (certified: u I - J^2 positive definite)", u.get()));
        return new Violation(claim, inRange && meanSquare.compareTo(bound) > 0, true, relation,
                Quantity.exact(lhsName, meanSquare),
                Quantity.exact(rhsName + (scalar.isPresent() ? "" : " at u"), bound), hypotheses);
    }
}
