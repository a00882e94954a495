/**
 * The claims of sections 2.2-2.3, one class per reading (Lemma 2.1 parts 1 and 2 and its convergence
 * statement, Theorems 2.2 and 2.3, the single-set reduction), each implementing {@link
 * org.unlearnstability.theory.Claim}, and their registry {@link org.unlearnstability.theory.claims.Claims},
 * which instantiates the class named by each spec of specs/claims/index.json. Only this package tells claims
 * apart; the audit reaches them through the interface. It uses the rest of {@code theory} (thresholds, exact
 * twins, proofs), never the other way round.
 */
package org.unlearnstability.theory.claims;
