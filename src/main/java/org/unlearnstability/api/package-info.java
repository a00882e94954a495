/**
 * The public, stable API of unlearn-stability as a library: load a Hessian family ({@link
 * org.unlearnstability.api.UnlearnStability#loadJson}, {@link org.unlearnstability.api.UnlearnStability#loadNpy})
 * and analyse it at (eta, alpha, B) ({@link org.unlearnstability.api.UnlearnStability#analyze}) into a
 * {@link org.unlearnstability.api.Analysis}: the coherence sigma (Definitions 1-4), the thresholds eta7 and eta8
 * of Theorems 2.2 and 2.3, and the exact mean-square rate rho and critical learning rate etaStar of the update
 * (2) (section 2.1, Lemma 2.1) -- the quantities the {@code analyze} command prints.
 *
 * <p>Every other package ({@code org.unlearnstability.cli}, {@code .audit}, {@code .coherence},
 * {@code .dynamics}, {@code .experiment}, {@code .family}, {@code .linalg}, {@code .report}, {@code .theory},
 * {@code .cnn}, {@code .rng}) is internal: public for the command line and the tests, and free to change
 * between versions. The library needs the SLF4J API only; it brings no logging binding.
 */
package org.unlearnstability.api;
