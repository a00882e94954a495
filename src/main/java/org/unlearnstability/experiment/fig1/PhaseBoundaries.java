package org.unlearnstability.experiment.fig1;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.unlearnstability.theory.StabilityThresholds;

/**
 * The curves of Figure 1 in the (B, sigma) plane at one learning rate: for each batch size B of the
 * grid, the sigma at which a condition flips. sigma is a property of Q (and of B through C_r'), so
 * each column B holds the cells of every Q at their own sigma.
 * <ul>
 *   <li>Theorem 2.2 (solid): (7) holds iff eta &gt;= eta7 = sqrt(2) sigma / (K7 lambda_max(D)). With
 *       lambda_max(D) the same for every Q of a column (it is 2 in the section 3.1 construction),
 *       eta7 / sigma is constant down the column and the boundary is sigma7 = eta sigma / eta7: (7)
 *       holds below it.</li>
 *   <li>Theorem 2.3 (dashed): (8) holds iff eta &lt;= eta8 = 2 sigma / (C_r' (sigma + X) lambda_max(D)),
 *       X = n_f (n_r/B - 1); solved for sigma ({@link StabilityThresholds#sigma8}), (8) holds above
 *       sigma8 (nowhere when eta c &gt;= 2 and X &gt; 0).</li>
 *   <li>Exact mean-square (etaStar = eta) and almost-sure visible (lyapunov = ln(ratio)/K): sign changes of
 *       etaStar - eta and lyapunov - ln(ratio)/K between vertically adjacent cells, located by linear
 *       interpolation in sigma (halfway when one side is infinite). A column without a sign change has no point (the curve breaks there);
 *       a column with several sign changes contributes its lowest one.</li>
 * </ul>
 * When lambda_max(D) or C_r' varies down a column (the cluster variants), the theorem curves are located by
 * sign changes of eta7 - eta and eta - eta8 like the exact ones. The almost-sure boundary lyapunov = 0 and its
 * Monte Carlo estimate (with a band of +-z standard errors) are located the same way. A NaN in a curve marks a
 * column without a point.
 */
public final class PhaseBoundaries {
    /** Relative difference up to which two cells' lambda_max(D) or C_r' count as the same (eigen-solver rounding). */
    private static final double SAME_CELL_TOLERANCE = 1e-9;
    private PhaseBoundaries() {
    }

    /**
     * A boundary as one point per column (NaN where the column has none).
     *
     * @param batch the B of each column
     * @param sigma the boundary's sigma in that column, or NaN
     */
    public record Boundary(double[] batch, double[] sigma) {
        /** @return how many columns have a point */
        public int points() {
            int count = 0;
            for (double s : sigma) {
                if (!Double.isNaN(s)) {
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * @param columns the cells grouped by B (each column any order), columns in increasing B
     * @param eta the learning rate
     * @return the Theorem 2.2 boundary
     */
    public static Boundary theorem22(List<List<Fig1Cell>> columns, double eta) {
        if (!sameMixHessian(columns)) {
            return crossing(columns, cell -> cell.eta7() - eta);
        }
        return perColumn(columns, column -> {
            Fig1Cell first = column.get(0);
            if (first.eta7() == Double.POSITIVE_INFINITY) {
                return 0.0;
            }
            return eta * first.sigma() / first.eta7();
        });
    }

    /**
     * @param columns the cells grouped by B, columns in increasing B
     * @param eta the learning rate
     * @param n n_r = n_f
     * @return the Theorem 2.3 boundary
     */
    public static Boundary theorem23(List<List<Fig1Cell>> columns, double eta, int n) {
        if (!sameMixHessian(columns)) {
            return crossing(columns, cell -> eta - cell.eta8());
        }
        return perColumn(columns, column -> {
            Fig1Cell first = column.get(0);
            return StabilityThresholds.sigma8(eta, first.cRPrime(), first.lambdaMaxD(), n, n, first.batch());
        });
    }

    /**
     * @param columns the cells grouped by B, columns in increasing B
     * @param eta the learning rate
     * @param sampler the sampler whose exact etaStar is used
     * @return the exact mean-square boundary etaStar = eta
     */
    public static Boundary meanSquare(List<List<Fig1Cell>> columns, double eta, String sampler) {
        return crossing(columns, cell -> run(cell, sampler, eta).etaStar() - eta);
    }

    /**
     * @param columns the cells grouped by B, columns in increasing B
     * @param eta the learning rate
     * @param sampler the sampler whose exact Lyapunov exponent is used
     * @param visibleRate ln(ratio)/K
     * @return the boundary where the almost-sure growth becomes visible to the protocol
     */
    public static Boundary almostSure(List<List<Fig1Cell>> columns, double eta, String sampler, double visibleRate) {
        return crossing(columns, cell -> run(cell, sampler, eta).lyapunov() - visibleRate);
    }

    /**
     * The almost-sure stability boundary: the top Lyapunov exponent (exact) changes sign.
     *
     * @param columns the cells grouped by B, columns in increasing B
     * @param eta the learning rate
     * @param sampler the sampler whose exact Lyapunov exponent is used
     * @return the boundary lyapunov = 0
     */
    public static Boundary almostSureZero(List<List<Fig1Cell>> columns, double eta, String sampler) {
        return crossing(columns, cell -> run(cell, sampler, eta).lyapunov());
    }

    /**
     * The Monte Carlo estimate of the almost-sure boundary, shifted by a multiple of its standard error: with
     * z = +-1.96 the two curves bound where the runs place lyapunov = 0 (a 95 % band, cell by cell).
     *
     * @param columns the cells grouped by B, columns in increasing B
     * @param eta the learning rate
     * @param sampler the sampler whose runs are used
     * @param z the multiple of the standard error added to lyapunovEstimate
     * @return the boundary lyapunovEstimate + z stdErr = 0
     */
    public static Boundary monteCarloZero(List<List<Fig1Cell>> columns, double eta, String sampler, double z) {
        return crossing(columns, cell -> {
            Fig1Cell.Run run = run(cell, sampler, eta);
            return run.lyapunovEstimate() + z * run.lyapunovStdErr();
        });
    }

    static Fig1Cell.Run run(Fig1Cell cell, String sampler, double eta) {
        for (Fig1Cell.Run r : cell.runs()) {
            if (r.sampler().equals(sampler) && r.eta() == eta) {
                return r;
            }
        }
        throw new IllegalArgumentException("cell Q=" + cell.q() + " B=" + cell.batch() + " has no run for "
                + sampler + " at eta = " + eta);
    }

    /**
     * The closed forms need lambda_max(D) and C_r' to be the same down every column (true of section 3.1); when
     * they are not (the cluster variants), the theorem curves are located like the others, by sign changes.
     */
    private static boolean sameMixHessian(List<List<Fig1Cell>> columns) {
        for (List<Fig1Cell> column : columns) {
            Fig1Cell first = column.get(0);
            for (Fig1Cell cell : column) {
                if (!close(cell.lambdaMaxD(), first.lambdaMaxD()) || !close(cell.cRPrime(), first.cRPrime())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= SAME_CELL_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    private static Boundary perColumn(List<List<Fig1Cell>> columns, ToDoubleFunction<List<Fig1Cell>> sigma) {
        double[] batch = new double[columns.size()];
        double[] values = new double[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            batch[i] = columns.get(i).get(0).batch();
            values[i] = sigma.applyAsDouble(columns.get(i));
        }
        return new Boundary(batch, values);
    }

    private static Boundary crossing(List<List<Fig1Cell>> columns, ToDoubleFunction<Fig1Cell> margin) {
        return perColumn(columns, column -> {
            List<Fig1Cell> sorted = new ArrayList<>(column);
            sorted.sort(Comparator.comparingDouble(Fig1Cell::sigma));
            for (int i = 0; i + 1 < sorted.size(); i++) {
                Fig1Cell lower = sorted.get(i);
                Fig1Cell upper = sorted.get(i + 1);
                double a = margin.applyAsDouble(lower);
                double b = margin.applyAsDouble(upper);
                if (a == 0.0) {
                    return lower.sigma();
                }
                if (Double.isFinite(a) && Double.isFinite(b) && a * b < 0.0) {
                    return lower.sigma() + (upper.sigma() - lower.sigma()) * a / (a - b);
                }
                if (Math.signum(a) * Math.signum(b) < 0.0) {
                    // An infinite margin (etaStar infinite, lyapunov -infinity) fixes a sign but not a
                    // position: the flip is somewhere between the rows, drawn halfway.
                    return 0.5 * (lower.sigma() + upper.sigma());
                }
            }
            return Double.NaN;
        });
    }
}
