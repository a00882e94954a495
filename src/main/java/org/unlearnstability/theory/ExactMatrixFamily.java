package org.unlearnstability.theory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.fraction.BigFraction;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;

/**
 * The quantities of Lemma 2.1 for a small family of any dimension, in exact rational arithmetic (every
 * double of a family file is a dyadic rational, taken at face value): the second-moment map
 * T(X) = J X J + C_r sum_r H_r X H_r + C_f sum_f H_f X H_f of update (3) with Bernoulli batches, so
 * E||w_k||^2 = Tr(T^k(I)); Tr(N_k) with N_0 = I and N_k = C_f sum_f H_f N_{k-1} H_f + C_r sum_r H_r N_{k-1} H_r
 * (eq. (6)); and Tr(J^{2k}).
 *
 * <p>||J|| is in general irrational. The bound of part 2 increases with ||J||, so a violation is
 * certified by a rational u >= ||J||^2 (checked exactly: u I - J^2 is positive definite, by the signs of
 * the pivots of a rational LDL^T factorisation) for which E||w_k||^2 still exceeds the bound.
 */
public final class ExactMatrixFamily {
    /**
     * Relative slacks tried, tightest first, above a floating-point ||J||^2 for an exact upper bound u: the estimate
     * may be a few ulps low, and a tighter u keeps the certified bound close to the true norm.
     */
    private static final double[] NORM_BOUND_SLACKS = {1e-12, 1e-9, 1e-6};
    private final int d;
    private final List<BigFraction[][]> retain;
    private final List<BigFraction[][]> forget;
    private final BigFraction cR;
    private final BigFraction cF;
    private final BigFraction[][] j;
    private final List<ScaledIntegerMatrix> retainScaled;
    private final List<ScaledIntegerMatrix> forgetScaled;
    private final ScaledIntegerMatrix jScaled;

    private ExactMatrixFamily(HessianFamily family, Hyperparameters hyper) {
        hyper.requireFits(family);
        this.d = family.dimension();
        this.retain = family.retain().stream().map(ExactMatrixFamily::exact).toList();
        this.forget = family.forget().stream().map(ExactMatrixFamily::exact).toList();
        BigFraction eta = Rationals.exact(hyper.eta());
        BigFraction alpha = Rationals.exact(hyper.alpha());
        BigFraction b = new BigFraction(1, hyper.batch());
        int nr = retain.size();
        int nf = forget.size();
        this.cR = eta.pow(2).multiply(BigFraction.ONE.subtract(alpha).pow(2)).multiply(new BigFraction(1, nr))
                .multiply(b.subtract(new BigFraction(1, nr)));
        this.cF = eta.pow(2).multiply(alpha.pow(2)).multiply(new BigFraction(1, nf))
                .multiply(b.subtract(new BigFraction(1, nf)));
        BigFraction[][] jm = identity(d);
        BigFraction wr = eta.multiply(BigFraction.ONE.subtract(alpha)).divide(nr);
        BigFraction wf = eta.multiply(alpha).divide(nf);
        for (BigFraction[][] h : retain) {
            addScaled(jm, h, wr.negate());
        }
        for (BigFraction[][] h : forget) {
            addScaled(jm, h, wf);
        }
        this.j = jm;
        this.retainScaled = retain.stream().map(ScaledIntegerMatrix::of).toList();
        this.forgetScaled = forget.stream().map(ScaledIntegerMatrix::of).toList();
        this.jScaled = ScaledIntegerMatrix.of(jm);
    }

    /**
     * @param family a family (small: the cost grows like d^3 (n_r + n_f) per step with growing numbers)
     * @param hyper its hyper-parameters
     * @return the exact view
     */
    public static ExactMatrixFamily of(HessianFamily family, Hyperparameters hyper) {
        return new ExactMatrixFamily(family, hyper);
    }

    private static BigFraction[][] exact(Hessian h) {
        int d = h.dimension();
        BigFraction[][] m = zero(d);
        if (h instanceof DiagonalHessian diagonal) {
            double[] v = diagonal.diagonal();
            for (int i = 0; i < d; i++) {
                m[i][i] = Rationals.exact(v[i]);
            }
        } else if (h instanceof DenseHessian dense) {
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    m[i][k] = Rationals.exact(dense.entry(i, k));
                }
            }
        } else {
            for (double[] column : ((FactorHessian) h).columns()) {
                for (int i = 0; i < d; i++) {
                    for (int k = 0; k < d; k++) {
                        m[i][k] = m[i][k].add(Rationals.exact(column[i]).multiply(Rationals.exact(column[k])));
                    }
                }
            }
        }
        return m;
    }

    /** @return d */
    public int dimension() {
        return d;
    }

    /**
     * @param steps K
     * @return E||w_k||^2 = Tr(T^k(I)) for k = 1..K
     */
    public List<BigFraction> meanSquare(int steps) {
        List<BigFraction> out = new ArrayList<>();
        ScaledIntegerMatrix x = ScaledIntegerMatrix.identity(d);
        for (int k = 1; k <= steps; k++) {
            x = x.congruenceBy(jScaled).plus(noise(x)).reduced();
            out.add(x.trace());
        }
        return out;
    }

    /**
     * @param steps K
     * @return Tr(N_r) for r = 0..K (Tr(N_0) = d)
     */
    public List<BigFraction> traceN(int steps) {
        List<BigFraction> out = new ArrayList<>();
        ScaledIntegerMatrix n = ScaledIntegerMatrix.identity(d);
        out.add(n.trace());
        for (int k = 1; k <= steps; k++) {
            n = noise(n);
            out.add(n.trace());
        }
        return out;
    }

    /**
     * @param steps K
     * @return Tr(J^{2k}) for k = 1..K
     */
    public List<BigFraction> traceJ2k(int steps) {
        List<BigFraction> out = new ArrayList<>();
        ScaledIntegerMatrix j2 = jScaled.times(jScaled).reduced();
        ScaledIntegerMatrix power = ScaledIntegerMatrix.identity(d);
        for (int k = 1; k <= steps; k++) {
            power = power.times(j2).reduced();
            out.add(power.trace());
        }
        return out;
    }

    /**
     * A certified rational upper bound on ||J||^2 near a floating-point estimate.
     *
     * @param estimate ||J||^2 in floating point
     * @return the smallest of a few candidates u (a decimal just above the estimate) with u I - J^2
     *     positive definite, or empty when none is
     */
    public Optional<BigFraction> normJSquaredUpperBound(double estimate) {
        BigFraction[][] j2 = multiply(j, j);
        for (double slack : NORM_BOUND_SLACKS) {
            BigFraction u = roundUp(estimate * (1 + slack) + slack);
            BigFraction[][] m = identity(d);
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) {
                    m[i][k] = m[i][k].multiply(u).subtract(j2[i][k]);
                }
            }
            if (positiveDefinite(m)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /**
     * The bound of Lemma 2.1 part 2 with ||J||^2 replaced by u: sum_r C(k, r) u^{k-r} Tr(N_r), the sum
     * stopping at r = k-1 as printed or at r = k when repaired.
     *
     * @param k a step
     * @param u a value of (1 - eps)^2
     * @param traceN Tr(N_r) for r = 0..k at least
     * @param repaired whether r = k is included
     * @return the bound
     */
    public static BigFraction upperBound(int k, BigFraction u, List<BigFraction> traceN, boolean repaired) {
        BigFraction sum = BigFraction.ZERO;
        BigFraction binomial = BigFraction.ONE;
        int last = repaired ? k : k - 1;
        for (int r = 0; r <= last; r++) {
            if (r > 0) {
                binomial = binomial.multiply(new BigFraction(k - r + 1, r));
            }
            sum = sum.add(binomial.multiply(u.pow(k - r)).multiply(traceN.get(r)));
        }
        return sum;
    }

    private static BigFraction roundUp(double value) {
        BigDecimal decimal = new BigDecimal(value).setScale(15, RoundingMode.CEILING);
        return new BigFraction(decimal.unscaledValue(), java.math.BigInteger.TEN.pow(15));
    }

    /** LDL^T without pivoting: positive definite iff every pivot is positive. */
    private static boolean positiveDefinite(BigFraction[][] m) {
        int n = m.length;
        BigFraction[][] a = copy(m);
        for (int p = 0; p < n; p++) {
            if (a[p][p].signum() <= 0) {
                return false;
            }
            for (int i = p + 1; i < n; i++) {
                BigFraction factor = a[i][p].divide(a[p][p]);
                for (int k = p; k < n; k++) {
                    a[i][k] = a[i][k].subtract(factor.multiply(a[p][k]));
                }
            }
        }
        return true;
    }

    /**
     * @return J^2 when d = 1 (then ||J||^2 exactly), else empty
     */
    public Optional<BigFraction> normJSquaredIfScalar() {
        return d == 1 ? Optional.of(j[0][0].pow(2)) : Optional.empty();
    }

    /** @return whether every Hessian of the family is exactly positive semidefinite */
    public boolean hessiansSemidefinite() {
        return retain.stream().allMatch(ExactMatrixFamily::semidefinite)
                && forget.stream().allMatch(ExactMatrixFamily::semidefinite);
    }

    /** @return a copy of m whose rows can be eliminated in place */
    private static BigFraction[][] copy(BigFraction[][] m) {
        BigFraction[][] a = new BigFraction[m.length][];
        for (int i = 0; i < m.length; i++) {
            a[i] = m[i].clone();
        }
        return a;
    }

    /**
     * Symmetric Gaussian elimination with diagonal pivots: a symmetric matrix is PSD iff every pivot is
     * nonnegative and a zero pivot has a zero row (then the row and column are dropped).
     */
    private static boolean semidefinite(BigFraction[][] m) {
        int n = m.length;
        BigFraction[][] a = copy(m);
        for (int p = 0; p < n; p++) {
            int sign = a[p][p].signum();
            if (sign < 0) {
                return false;
            }
            if (sign == 0) {
                for (int k = p + 1; k < n; k++) {
                    if (a[p][k].signum() != 0) {
                        return false;
                    }
                }
                continue;
            }
            for (int i = p + 1; i < n; i++) {
                BigFraction factor = a[i][p].divide(a[p][p]);
                for (int k = p; k < n; k++) {
                    a[i][k] = a[i][k].subtract(factor.multiply(a[p][k]));
                }
            }
        }
        return true;
    }

    /** N(X) = C_r sum_r H_r X H_r + C_f sum_f H_f X H_f, reduced. */
    private ScaledIntegerMatrix noise(ScaledIntegerMatrix x) {
        ScaledIntegerMatrix out = sum(retainScaled, x).scaled(cR).plus(sum(forgetScaled, x).scaled(cF));
        return out.reduced();
    }

    private ScaledIntegerMatrix sum(List<ScaledIntegerMatrix> hessians, ScaledIntegerMatrix x) {
        @Nullable ScaledIntegerMatrix out = null;
        for (ScaledIntegerMatrix h : hessians) {
            ScaledIntegerMatrix term = x.congruenceBy(h);
            out = out == null ? term : out.plus(term);
        }
        return out == null ? ScaledIntegerMatrix.of(zero(d)) : out;
    }

    private static BigFraction[][] multiply(BigFraction[][] a, BigFraction[][] b) {
        int n = a.length;
        BigFraction[][] out = zero(n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                if (a[i][k].signum() == 0) {
                    continue;
                }
                for (int c = 0; c < n; c++) {
                    out[i][c] = out[i][c].add(a[i][k].multiply(b[k][c]));
                }
            }
        }
        return out;
    }

    private static void addScaled(BigFraction[][] target, BigFraction[][] x, BigFraction factor) {
        for (int i = 0; i < target.length; i++) {
            for (int k = 0; k < target.length; k++) {
                target[i][k] = target[i][k].add(x[i][k].multiply(factor));
            }
        }
    }

    private static BigFraction[][] zero(int d) {
        BigFraction[][] m = new BigFraction[d][d];
        for (BigFraction[] row : m) {
            java.util.Arrays.fill(row, BigFraction.ZERO);
        }
        return m;
    }

    private static BigFraction[][] identity(int d) {
        BigFraction[][] m = zero(d);
        for (int i = 0; i < d; i++) {
            m[i][i] = BigFraction.ONE;
        }
        return m;
    }
}
