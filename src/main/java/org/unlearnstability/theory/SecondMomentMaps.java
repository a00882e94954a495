package org.unlearnstability.theory;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.HessianCombination;
import org.unlearnstability.linalg.SymmetricEigen;

/**
 * The two positive maps of the exact second-moment operator, T = J(.)J + N with J = I - eta(1-alpha) H_R +
 * eta alpha H_F and N(X) = C_r sum_r H_r X H_r + C_f sum_f H_f X H_f, densely in the original coordinates, for
 * the proof checks on the audit's small cases (d at most 8): T(X) = J X J + N(X) with N from its definition (6)
 * through {@link Hessian#congruence}, one J for both (near J = 0 two roundings of J differ by 100 %, which would show
 * as a false gap between T^k(I) and J^{2k}); rho(T) comes from {@link MeanSquareOperator}, so a step that compares
 * rho(T) with a quotient of this T also checks the two implementations against each other.
 */
final class SecondMomentMaps {
    private final MeanSquareOperator t;
    private final RealMatrix j;
    private final HessianFamily family;
    private final NoiseConstants constants;

    SecondMomentMaps(HessianFamily family, Hyperparameters hyper) {
        this.t = MeanSquareOperator.of(family, hyper);
        this.family = family;
        this.constants = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
        Hessian meanRetain = HessianCombination.mean(family.retain());
        Hessian meanForget = HessianCombination.mean(family.forget());
        int d = family.dimension();
        this.j = MatrixUtils.createRealIdentityMatrix(d)
                .subtract(meanRetain.toMatrix().scalarMultiply(hyper.eta() * (1 - hyper.alpha())))
                .add(meanForget.toMatrix().scalarMultiply(hyper.eta() * hyper.alpha()));
    }

    /** @return the mean update matrix J */
    RealMatrix j() {
        return j;
    }

    /**
     * @param x a symmetric matrix
     * @return T(x)
     */
    RealMatrix t(RealMatrix x) {
        return drift(x).add(noise(x));
    }

    /**
     * @param x a symmetric matrix
     * @return J x J
     */
    RealMatrix drift(RealMatrix x) {
        return j.multiply(x).multiply(j);
    }

    /**
     * @param x a symmetric matrix
     * @return N(x) = C_r sum_r H_r x H_r + C_f sum_f H_f x H_f (eq. (6))
     */
    RealMatrix noise(RealMatrix x) {
        int d = x.getRowDimension();
        double[][] in = x.getData();
        double[][] sum = new double[d][d];
        for (int i = 0; i < family.all().size(); i++) {
            double c = i < family.nRetain() ? constants.cR() : constants.cF();
            family.all().get(i).congruenceAdd(c, in, sum);
        }
        return new Array2DRowRealMatrix(sum, false);
    }

    /** @return rho(T) on the range of sum_i H_i */
    double rho() {
        return t.rho().rho();
    }

    /**
     * @param symmetric a symmetric matrix
     * @return its eigenvalues and vectors
     */
    static SymmetricEigen eigen(RealMatrix symmetric) {
        RealMatrix s = symmetric.add(symmetric.transpose()).scalarMultiply(0.5);
        return SymmetricEigen.of(s.getData());
    }

    /**
     * @param symmetric a symmetric matrix
     * @return a unit eigenvector of its largest eigenvalue
     */
    static RealVector topVector(RealMatrix symmetric) {
        SymmetricEigen e = eigen(symmetric);
        double[] values = e.eigenvalues();
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return new ArrayRealVector(e.vectorRows()[best], false).unitVector();
    }

    /**
     * @param symmetric a symmetric matrix
     * @return its smallest eigenvalue
     */
    static double lambdaMin(RealMatrix symmetric) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : eigen(symmetric).eigenvalues()) {
            min = Math.min(min, v);
        }
        return min;
    }

    /**
     * @param symmetric a symmetric matrix
     * @return its largest eigenvalue
     */
    static double lambdaMax(RealMatrix symmetric) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : eigen(symmetric).eigenvalues()) {
            max = Math.max(max, v);
        }
        return max;
    }
}
