/**
 * The paper's definitions that need no Hessians: the hyper-parameters of update (2)
 * ({@link org.unlearnstability.definitions.Hyperparameters}), the set sizes n_r, n_f
 * ({@link org.unlearnstability.definitions.SetSizes}), the constants C_r, C_f, C_r', C_f' of Definition 2
 * ({@link org.unlearnstability.definitions.NoiseConstants}) and the weights of the mix-Hessian, eq. (5)
 * ({@link org.unlearnstability.definitions.MixHessianWeights}), and in {@code definitions.units} the paper's
 * physical units.
 *
 * <h2>Units</h2>
 * Checked by the Units Checker in {@code mvn verify} (execution {@code units-check}) where the table names an
 * annotation; the dimensionless quantities carry the checker's unannotated default.
 * <table>
 *   <caption>Each quantity of sections 2-3, its unit and where it is declared</caption>
 *   <tr><th>Quantity</th><th>Unit</th><th>Declared in</th></tr>
 *   <tr><td>H_i, A = (1-alpha) H_R - alpha H_F, lambda_max(D), lambda_max(D_rf), lambda_max(S),
 *       lambda_min(A)</td><td>{@code @Curvature}</td>
 *       <td>coherence.CoherenceAnalysis, dynamics.StabilityAnalysis, dynamics.DriftSpectrum</td></tr>
 *   <tr><td>right-hand sides of (7) and (8)</td><td>{@code @Curvature}</td>
 *       <td>theory.StabilityThresholds (threshold7, threshold8)</td></tr>
 *   <tr><td>eta, eta7, eta8, etaStar, etaCoherenceFree</td><td>{@code @InverseCurvature}</td>
 *       <td>Hyperparameters, theory.StabilityThresholds, dynamics.StabilityAnalysis</td></tr>
 *   <tr><td>C_r, C_f (Definition 2, ~ eta^2)</td><td>{@code @InverseCurvatureSquared}</td>
 *       <td>NoiseConstants</td></tr>
 *   <tr><td>Tr(H_i H_j) (Definitions 1-3)</td><td>{@code @CurvatureSquared}</td>
 *       <td>(coherence.FamilyGeometry is not annotated yet)</td></tr>
 *   <tr><td>alpha, B, n_r, n_f, C_r', C_f', sigma, sigma^single, K7, sigma8, eta lambda, ||J||, rho, Tr(T^k(I)),
 *       Tr(N_k), Tr(J^{2k}), Tr(M_k)</td><td>dimensionless</td><td>(default)</td></tr>
 * </table>
 *
 * <h2>Where sections 2-3 live</h2>
 * <table>
 *   <caption>Each statement of the paper, the class that implements it and the test that pins it</caption>
 *   <tr><th>Paper</th><th>Class</th><th>Test</th></tr>
 *   <tr><td>(1) SGD step, (2) unlearning update, (3) J_k</td>
 *       <td>dynamics.UnlearningRun, dynamics.UnlearningSimulation, dynamics.BatchSampler</td>
 *       <td>dynamics.UnlearningSimulationTest</td></tr>
 *   <tr><td>(4) E||w_k||^2 = E Tr(J_{k-1}..J_0 J_0^T..J_{k-1}^T)</td>
 *       <td>dynamics.MeanSquareOperator (exact), dynamics.StabilityAnalysis (rho, etaStar)</td>
 *       <td>dynamics.MeanSquareOperatorTest, dynamics.StabilityAnalysisGoldenTest,
 *           experiment.DynamicsCrossCheckTest</td></tr>
 *   <tr><td>Definition 1 (single-set coherence)</td><td>coherence.SingleSetCoherence</td>
 *       <td>coherence.CoherenceAnalysisTest</td></tr>
 *   <tr><td>Definition 2 (C_r, C_f; mix-Hessian D, eq. (5))</td>
 *       <td>definitions.NoiseConstants, definitions.MixHessianWeights, coherence.CoherenceAnalysis#mixHessian</td>
 *       <td>coherence.CoherenceAnalysisTest, theory.ExactAgreementTest</td></tr>
 *   <tr><td>Definition 3 (mix-coherence matrix S)</td>
 *       <td>coherence.MixCoherenceMatrix, coherence.PerronRoot, coherence.PairMixHessians</td>
 *       <td>coherence.CoherenceAnalysisTest, coherence.PerronRootTest</td></tr>
 *   <tr><td>Definition 4 (unlearning coherence sigma)</td><td>coherence.CoherenceAnalysis</td>
 *       <td>coherence.CoherenceAnalysisTest</td></tr>
 *   <tr><td>Lemma 2.1, eq. (6) (N_k, M_k, both parts)</td>
 *       <td>dynamics.Lemma21, dynamics.NoiseOperator; exact twins theory.ExactMatrixFamily,
 *           theory.ExactScalarFamily</td>
 *       <td>dynamics.Lemma21Test, audit.LemmaVerdictTest, theory.ExactAgreementTest</td></tr>
 *   <tr><td>Theorem 2.2, condition (7); Theorem 2.3, condition (8), C_r'</td>
 *       <td>theory.StabilityThresholds (eta7, eta8, sigma8, etaCoherenceFree), theory.claims.Theorem22Reading,
 *           theory.claims.Theorem23Reading</td>
 *       <td>theory.StabilityThresholdsTest, audit.TheoremVerdictTest, audit.RepairedBoundVerdictTest</td></tr>
 *   <tr><td>Definition 5 (data), (9) (two-layer CNN), Theorem 2.4</td>
 *       <td>cnn.PatchData, cnn.SpanCnn, cnn.DirectCnn, cnn.CnnHessians, cnn.Theorem24Bounds</td>
 *       <td>cnn.SpanCnnTest, cnn.CnnHessiansTest, experiment.fig2.Fig2ExperimentTest</td></tr>
 *   <tr><td>Section 3.1, Figure 1 (construction, protocol, verdicts)</td>
 *       <td>family.PaperConstruction, dynamics.Verdict, experiment.fig1.Fig1Computation,
 *           experiment.fig1.PhaseBoundaries, experiment.fig1.Section31Law</td>
 *       <td>experiment.fig1.Fig1QuickTest, experiment.fig1.PhaseBoundariesTest, experiment.fig1.Section31LawTest</td></tr>
 *   <tr><td>Section 3.2, Figure 2</td><td>experiment.fig2.Fig2Computation, experiment.fig2.Fig2Experiment</td>
 *       <td>experiment.fig2.Fig2ExperimentTest, experiment.fig2.Fig2CacheTest</td></tr>
 * </table>
 */
package org.unlearnstability.definitions;
