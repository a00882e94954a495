/**
 * unlearn-stability: the paper's sections 2-3 as typed, tested Java.
 *
 * <h2>Package order</h2>
 * Dependencies point one way, from each line to the lines above it; packages on one line do not use
 * each other. {@code PackageLayersTest} (ArchUnit) enforces this order and the absence of cycles, and
 * asks every new top-level package to take its place here.
 * <ol>
 *   <li>{@code linalg}, {@code rng}, {@code engine}: numeric kernels (Hessian forms, vector operations,
 *       Lanczos tridiagonals, largest eigenvalues), the seeded random streams, and the engines independent
 *       tasks run on (threads, or Apache Spark through a service); nothing of the paper.</li>
 *   <li>{@code definitions}: the paper's definitions that need no Hessians (hyper-parameters of
 *       update (2), the constants of Definition 2, the mix-Hessian weights); its package-info maps
 *       every definition, lemma, theorem and equation of sections 2-3 to its class and test.</li>
 *   <li>{@code io}: atomic file output.</li>
 *   <li>{@code family}: the Hessian family, its readers, writers and constructions.</li>
 *   <li>{@code coherence} (Definitions 1-4) | {@code dynamics} (update (2), Lemma 2.1, the exact
 *       mean-square operator, Monte Carlo).</li>
 *   <li>{@code theory}: the thresholds (7)/(8) and the claims with their exact twins; one class per claim in
 *       {@code theory.claims}, listed by its registry (the rest of {@code theory} does not use it).</li>
 *   <li>{@code report}: output formats (CSV, JSON, Markdown, PNG/SVG plots, golden files, progress);
 *       it knows nothing of the paper and uses only {@code io}.</li>
 *   <li>{@code audit} (the claims audit's search: cases, local search, shrinking) | {@code cnn} (Definition 5's model, data and training) | {@code frontier} (the stability frontier of a family over alpha and B) | {@code api}
 *       (the public facade for library users; every other package is internal).</li>
 *   <li>{@code experiment}: the reproduction jobs (Figures 1-3, the claims) and their shared cell cache;
 *       one subpackage per experiment ({@code experiment.fig1}, {@code experiment.fig2}, {@code experiment.fig3},
 *       {@code experiment.claims}),
 *       each with its spec record, computation and report, none depending on another.</li>
 *   <li>{@code bench}: the benchmarks of the {@code bench} command (they time experiments too).</li>
 *   <li>{@code cli}: the picocli commands.</li>
 * </ol>
 */
package org.unlearnstability;
