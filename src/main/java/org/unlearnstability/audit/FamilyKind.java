package org.unlearnstability.audit;

/**
 * The shapes of Hessian family the claims audit draws its cases from (dense, low-rank,
 * diagonal, commuting and non-commuting, nearly aligned, identical, orthogonal and the paper's
 * section 3.1 construction). Each kind keeps its structure under local search (see {@link FamilyShape}).
 */
public enum FamilyKind {
    /** Dense G G^T with a Gaussian d x d factor G. */
    DENSE,
    /** Rank-1 or rank-2 Gaussian factors. */
    LOW_RANK,
    /** Nonnegative diagonals with some zero entries (commuting, and the d = 1 families). */
    DIAGONAL,
    /** Q diag(h_i) Q^T with one random orthogonal Q for every sample: commuting but not diagonal. */
    COMMUTING,
    /** Rank-1 g g^T with independent Gaussian directions: no two Hessians commute. */
    NON_COMMUTING,
    /** Rank-1 along one shared direction plus a perturbation of relative size 0.05. */
    NEARLY_ALIGNED,
    /** The forget set is a copy of the retain set (dense factors). */
    IDENTICAL,
    /** Retain Hessians diagonal on the first coordinates, forget Hessians on the others. */
    ORTHOGONAL,
    /** The section 3.1 construction (H_i = m e_1 e_1^T for i <= Q, m = 2n/Q) with n <= 12, d = n - Q + 1 <= 8. */
    SECTION31
}
