package org.unlearnstability.family;

import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.linalg.SymmetricEigen;

/**
 * The load-time checks that make user input a valid Hessian family in the sense of section 2.1
 * of the paper: every per-sample Hessian H_i is a finite, symmetric, positive semidefinite d x d
 * matrix, d is the same everywhere and neither set is empty. Both readers (JSON and .npy) build
 * their Hessians only through this class, so the two formats obey one set of rules.
 *
 * <p>Tolerances (specs/family.md, "Validation"):
 * <ul>
 *   <li>symmetry: |H_ij - H_ji| &lt;= {@value #SYMMETRY_TOLERANCE} * max(1, max|H|); an accepted
 *       matrix is replaced by its symmetric part (H + H^T) / 2;</li>
 *   <li>semidefiniteness: lambda_min &gt;= -tol with tol = {@value #PSD_TOLERANCE} * max(1, lambda_max),
 *       for diagonal forms the same bound on every entry; factor forms G G^T are PSD by construction;</li>
 *   <li>for values stored as float32 the PSD bound also admits the rounding of storage: rounding each
 *       entry of a PSD H to float32 moves every eigenvalue by at most ||E||_2 &lt;= ||E||_F &lt;= 2^-24 ||H||_F
 *       (Weyl), so tol = max({@value #PSD_TOLERANCE} * max(1, lambda_max), 2^-23 ||H||_F).</li>
 * </ul>
 * Every rejection is an {@link InputException} naming the file, the set, the sample index and the
 * reason with the offending amount.
 */
public final class FamilyValidator {
    /** Relative bound on |H_ij - H_ji|, scaled by max(1, max|H|). */
    public static final double SYMMETRY_TOLERANCE = 1e-10;
    /** Relative bound on a negative eigenvalue (or diagonal entry), scaled by max(1, lambda_max). */
    public static final double PSD_TOLERANCE = 1e-9;
    /** Twice the unit roundoff of float32: the storage term of the float32 PSD bound. */
    public static final double FLOAT32_STORAGE_TOLERANCE = 0x1p-23;

    private final String source;
    private final boolean float32;

    private FamilyValidator(String source, boolean float32) {
        this.source = source;
        this.float32 = float32;
    }

    /**
     * @param source the file the values come from, as it is to be named in errors
     * @return a validator for values given in double precision (JSON, float64 .npy)
     */
    public static FamilyValidator forDoubles(String source) {
        return new FamilyValidator(source, false);
    }

    /**
     * @param source the file the values come from, as it is to be named in errors
     * @return a validator for values that were stored as float32
     */
    public static FamilyValidator forFloat32(String source) {
        return new FamilyValidator(source, true);
    }

    /** @return the file named in errors */
    public String source() {
        return source;
    }

    /**
     * Checks a dense matrix given as rows and returns its symmetric part.
     *
     * @param set "retain" or "forget"
     * @param index the sample index within the set
     * @param rows the matrix as rows, not modified
     * @return the validated Hessian
     * @throws InputException when the matrix is empty, not square, not finite, not symmetric or not PSD
     */
    public DenseHessian dense(String set, int index, double[][] rows) {
        int d = rows.length;
        requireNonEmpty(set, index, d);
        double maxAbs = 0.0;
        for (int i = 0; i < d; i++) {
            double[] row = rows[i];
            if (row.length != d) {
                throw reject(set, index, "not square: row " + i + " has length " + row.length + ", expected " + d);
            }
            for (int j = 0; j < d; j++) {
                requireFinite(set, index, row[j], "H[" + i + "][" + j + "]");
                maxAbs = Math.max(maxAbs, Math.abs(row[j]));
            }
        }
        double[][] symmetric = symmetricPart(set, index, rows, SYMMETRY_TOLERANCE * Math.max(1.0, maxAbs));
        requireSemidefinite(set, index, symmetric);
        return DenseHessian.of(symmetric);
    }

    private double[][] symmetricPart(String set, int index, double[][] rows, double tolerance) {
        int d = rows.length;
        double[][] symmetric = new double[d][d];
        for (int i = 0; i < d; i++) {
            symmetric[i][i] = rows[i][i];
            for (int j = i + 1; j < d; j++) {
                double upper = rows[i][j];
                double lower = rows[j][i];
                double gap = Math.abs(upper - lower);
                if (gap > tolerance) {
                    throw reject(set, index, "not symmetric: |H[" + i + "][" + j + "] - H[" + j + "][" + i + "]| = "
                            + gap + " > tolerance " + tolerance);
                }
                // upper + (lower - upper) / 2 cannot overflow for finite entries this close.
                double mean = upper == lower ? upper : upper + 0.5 * (lower - upper);
                symmetric[i][j] = mean;
                symmetric[j][i] = mean;
            }
        }
        return symmetric;
    }

    private void requireSemidefinite(String set, int index, double[][] symmetric) {
        double[] eigenvalues = SymmetricEigen.of(symmetric).eigenvalues();
        double lambdaMin = Double.POSITIVE_INFINITY;
        double lambdaMax = Double.NEGATIVE_INFINITY;
        for (double lambda : eigenvalues) {
            lambdaMin = Math.min(lambdaMin, lambda);
            lambdaMax = Math.max(lambdaMax, lambda);
        }
        if (!Double.isFinite(lambdaMin) || !Double.isFinite(lambdaMax)) {
            throw reject(set, index, "eigenvalues overflow: entries too large for the PSD check (lambda range "
                    + lambdaMin + " .. " + lambdaMax + ")");
        }
        double tolerance = PSD_TOLERANCE * Math.max(1.0, lambdaMax);
        String bound = PSD_TOLERANCE + " * max(1, lambda_max = " + lambdaMax + ")";
        if (float32) {
            double storage = FLOAT32_STORAGE_TOLERANCE * frobeniusNorm(symmetric);
            if (storage > tolerance) {
                tolerance = storage;
                bound = "2^-23 * ||H||_F, the float32 storage bound";
            }
        }
        if (lambdaMin < -tolerance) {
            throw reject(set, index, "not positive semidefinite: lambda_min = " + lambdaMin + " < -" + tolerance
                    + " (tolerance = " + bound + ")");
        }
    }

    private static double frobeniusNorm(double[][] rows) {
        double sum = 0.0;
        for (double[] row : rows) {
            for (double v : row) {
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * Checks a diagonal Hessian diag(h).
     *
     * @param set "retain" or "forget"
     * @param index the sample index within the set
     * @param diagonal the diagonal entries, not modified
     * @return the validated Hessian
     * @throws InputException when the diagonal is empty, not finite or has an entry below -tol
     */
    public DiagonalHessian diagonal(String set, int index, double[] diagonal) {
        requireNonEmpty(set, index, diagonal.length);
        double max = 0.0;
        for (int i = 0; i < diagonal.length; i++) {
            requireFinite(set, index, diagonal[i], "diagonal[" + i + "]");
            max = Math.max(max, diagonal[i]);
        }
        double tolerance = PSD_TOLERANCE * Math.max(1.0, max);
        for (int i = 0; i < diagonal.length; i++) {
            if (diagonal[i] < -tolerance) {
                throw reject(set, index, "not positive semidefinite: diagonal[" + i + "] = " + diagonal[i] + " < -"
                        + tolerance + " (tolerance = " + PSD_TOLERANCE + " * max(1, max entry = " + max + "))");
            }
        }
        return DiagonalHessian.of(diagonal);
    }

    /**
     * Checks a factor G given as d rows of length k, for H = G G^T.
     *
     * @param set "retain" or "forget"
     * @param index the sample index within the set
     * @param factorRows G as rows, not modified
     * @return the validated Hessian
     * @throws InputException when G has no rows, ragged rows or a non-finite entry
     */
    public FactorHessian factorRows(String set, int index, double[][] factorRows) {
        requireNonEmpty(set, index, factorRows.length);
        int k = factorRows[0].length;
        for (int i = 0; i < factorRows.length; i++) {
            double[] row = factorRows[i];
            if (row.length != k) {
                throw reject(set, index, "ragged factor: row " + i + " of G has length " + row.length
                        + ", expected " + k + " (the length of row 0)");
            }
            for (int c = 0; c < k; c++) {
                requireFinite(set, index, row[c], "G[" + i + "][" + c + "]");
            }
        }
        return FactorHessian.ofRows(factorRows);
    }

    /**
     * Checks a factor G given as its k columns of length d, for H = G G^T.
     *
     * @param set "retain" or "forget"
     * @param index the sample index within the set
     * @param dimension d
     * @param columns the columns of G, not modified
     * @return the validated Hessian
     * @throws InputException when d is 0, a column has the wrong length or an entry is not finite
     */
    public FactorHessian factorColumns(String set, int index, int dimension, double[][] columns) {
        requireNonEmpty(set, index, dimension);
        for (int c = 0; c < columns.length; c++) {
            double[] column = columns[c];
            if (column.length != dimension) {
                throw reject(set, index, "ragged factor: column " + c + " of G has length " + column.length
                        + ", expected " + dimension);
            }
            for (int i = 0; i < dimension; i++) {
                requireFinite(set, index, column[i], "G[" + i + "][" + c + "]");
            }
        }
        return FactorHessian.ofColumns(dimension, columns);
    }

    /**
     * Assembles a family from validated sets, checking that both are non-empty and that every
     * Hessian has the dimension d of the first retain Hessian.
     *
     * @param retain the retain set, checked by a validator for its file
     * @param retainValidator the validator of the retain file (names it in errors)
     * @param forget the forget set
     * @param forgetValidator the validator of the forget file (the same one for a JSON family)
     * @return the family
     * @throws InputException naming the first empty set or the first sample of another dimension
     */
    public static HessianFamily family(List<Hessian> retain, FamilyValidator retainValidator,
                                       List<Hessian> forget, FamilyValidator forgetValidator) {
        retainValidator.requireNonEmptySet("retain", retain);
        forgetValidator.requireNonEmptySet("forget", forget);
        int d = retain.get(0).dimension();
        String reference = "retain sample 0";
        retainValidator.requireDimension("retain", retain, d, reference);
        if (!forgetValidator.source.equals(retainValidator.source)) {
            reference += " in " + retainValidator.source;
        }
        forgetValidator.requireDimension("forget", forget, d, reference);
        return new HessianFamily(new ArrayList<>(retain), new ArrayList<>(forget));
    }

    private void requireNonEmptySet(String set, List<Hessian> hessians) {
        if (hessians.isEmpty()) {
            throw new InputException(source, set, -1, "empty set: at least one Hessian is needed");
        }
    }

    private void requireDimension(String set, List<Hessian> hessians, int d, String reference) {
        for (int i = 0; i < hessians.size(); i++) {
            int dimension = hessians.get(i).dimension();
            if (dimension != d) {
                throw reject(set, i, "dimension " + dimension + " differs from d = " + d + " of " + reference);
            }
        }
    }

    private void requireNonEmpty(String set, int index, int d) {
        if (d == 0) {
            throw reject(set, index, "empty matrix: d must be at least 1");
        }
    }

    private void requireFinite(String set, int index, double value, String where) {
        if (!Double.isFinite(value)) {
            throw reject(set, index, "not finite: " + where + " = " + value);
        }
    }

    private InputException reject(String set, int index, String reason) {
        return new InputException(source, set, index, reason);
    }
}
