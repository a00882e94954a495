/**
 * The paper's physical dimensions as Checker Framework units. A Hessian's eigenvalues are curvatures
 * ({@link org.unlearnstability.definitions.units.Curvature}); a learning rate is an inverse curvature
 * ({@link org.unlearnstability.definitions.units.InverseCurvature}), so that eta times a curvature is
 * dimensionless (J = I - eta A); C_r and C_f of Definition 2 scale as eta^2
 * ({@link org.unlearnstability.definitions.units.InverseCurvatureSquared}); Tr(H_i H_j) is a
 * {@link org.unlearnstability.definitions.units.CurvatureSquared}. Everything else (alpha, sigma, C_r', C_f', rho,
 * K7, the Lemma 2.1 traces) is dimensionless: the checker's unannotated default.
 *
 * <p>The Units Checker ({@code PaperUnitsChecker}, a test-scope plug-in run by the {@code units-check} execution
 * of {@code mvn verify}) multiplies and divides these units by their powers of curvature, and reports a
 * comparison, sum or difference of two different units, and any value of the wrong unit assigned, passed or
 * returned where a unit is declared. The literal 0 and the constants infinity and NaN fit every unit.
 * {@link org.unlearnstability.definitions.units.Units} is where numbers from the unit-free kernels acquire their
 * unit.
 */
package org.unlearnstability.definitions.units;
