package org.unlearnstability.theory;

import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;

/**
 * Theorem 2.2 with a strict inequality in (7), for every d (the proof is written out in the spec
 * theorem22-divergence-strict). Two parts, with pairs p = (r, f), N = n_r n_f, D_p = C_r' H_r + C_f' H_f:
 * <ol>
 *   <li><b>Coherence floor.</b> With v a unit top eigenvector of D (so sum_p D_p v = N lambda_max(D) v = L v)
 *       and the test vector x_p = ||D_p^{1/2} v|| = sqrt(v^T D_p v): x_p x_q S_pq >= |v^T D_p D_q v| (S_pq is a
 *       Frobenius norm, at least the bilinear form at two unit vectors), so x^T S x >= sum_pq v^T D_p D_q v = L^2
 *       while ||x||^2 = L; hence lambda_max(S) >= L = N lambda_max(D), i.e. eta7 >= etaCoherenceFree.</li>
 *   <li><b>Test matrix.</b> With p* maximising lambda_max(D_p), u its unit top eigenvector and X = u u^T:
 *       T is self-adjoint for the Frobenius product, so rho(T) >= &lt;X, T X&gt; >= C_r h_r^2 + C_f h_f^2 >=
 *       (sqrt(C_r) h_r + sqrt(C_f) h_f)^2 / 2 = ((sqrt(C_r) + sqrt(C_f)) lambda_max(D_p*))^2 / 2 =
 *       (eta / etaCoherenceFree)^2, with h = u^T H u at the pair's two samples.</li>
 * </ol>
 * So for eta > eta7 >= etaCoherenceFree, rho(T) > 1, and E||w_k||^2 -> infinity (T preserves the PSD cone, so
 * its Perron eigenvector V is PSD and Tr T^k(I) >= rho^k Tr V / ||V||). Every step is evaluated on a case at
 * eta = eta7 (where it gives rho(T) >= (eta7 / etaCoherenceFree)^2 >= 1), and the conclusion at 1.001 eta7.
 */
public final class DivergenceProof extends ClaimProof {
    /** How far beyond eta7 the strict conclusion rho(T) > 1 is also checked. */
    static final double BEYOND = 1.001;

    /** The written proof's steps. */
    public DivergenceProof() {
        super(
                ProofStep.atLeast("1", "x_p x_q S_pq >= |v^T D_p D_q v| for every pair of pairs (worst pair)"),
                ProofStep.equal("2", "sum_pq v^T D_p D_q v = ||sum_p D_p v||^2 = (N lambda_max(D))^2"),
                ProofStep.atLeast("3", "x^T S x >= sum_pq v^T D_p D_q v (sum of step 1)"),
                ProofStep.equal("4", "||x||^2 = sum_p v^T D_p v = N lambda_max(D)"),
                ProofStep.atLeast("5", "lambda_max(S) >= x^T S x / ||x||^2 (Rayleigh quotient)"),
                ProofStep.atLeast("6", "lambda_max(S) >= N lambda_max(D) (steps 2-5)"),
                ProofStep.atLeast("7",
                        "eta7 >= etaCoherenceFree (step 6 divided by K7 lambda_max(D) max_p lambda_max(D_p))"),
                ProofStep.atLeast("8",
                        "rho(T) >= <X, T X>, X = u u^T (Rayleigh quotient of the self-adjoint T), at eta7"),
                ProofStep.atLeast("9", "<X, T X> >= C_r h_r^2 + C_f h_f^2 (drop (u^T J u)^2 and the other samples)"),
                ProofStep.atLeast("10",
                        "C_r h_r^2 + C_f h_f^2 >= (sqrt(C_r) h_r + sqrt(C_f) h_f)^2 / 2 (Cauchy-Schwarz)"),
                ProofStep.equal("11", "sqrt(C_r) h_r + sqrt(C_f) h_f = (sqrt(C_r) + sqrt(C_f)) lambda_max(D_p*)"),
                ProofStep.equal("12", "(sqrt(C_r) + sqrt(C_f)) lambda_max(D_p*) = sqrt(2) eta / etaCoherenceFree"),
                ProofStep.atLeast("13", "rho(T) >= 1 at eta = eta7 (steps 8-12 and 7)"),
                ProofStep.above("14", "rho(T) > 1 at eta = 1.001 eta7 (strict (7))"));
    }

    @Override
    public Optional<List<StepValue>> evaluate(HessianFamily family, Hyperparameters hyper) {
        CoherenceAnalysis analysis = CoherenceAnalysis.of(family, hyper);
        StabilityThresholds thresholds = StabilityThresholds.of(analysis, hyper, family.nRetain(), family.nForget());
        double eta7 = thresholds.eta7();
        if (!(eta7 > 0.0) || !Double.isFinite(eta7) || !Double.isFinite(analysis.sigma())) {
            return Optional.empty();
        }
        Pairs pairs = new Pairs(family, analysis.noise());
        RealVector v = SecondMomentMaps.topVector(CoherenceAnalysis.mixHessian(family, analysis.noise().cRPrime(),
                analysis.noise().cFPrime()).toMatrix());
        int n = pairs.size();
        double[][] w = new double[n][];
        double[] x = new double[n];
        double[] sumW = new double[family.dimension()];
        double normX = 0.0;
        for (int p = 0; p < n; p++) {
            w[p] = pairs.d(p).operate(v).toArray();
            x[p] = Math.sqrt(Math.max(0.0, dot(v.toArray(), w[p])));
            normX += dot(v.toArray(), w[p]);
            for (int i = 0; i < sumW.length; i++) {
                sumW[i] += w[p][i];
            }
        }
        ProofStep pairwise = step(0);
        @Nullable StepValue worstPair = null;
        double xSx = 0.0;
        double sumForms = 0.0;
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double s = pairs.coherence(p, q);
                double form = dot(w[p], w[q]);
                xSx += x[p] * x[q] * s;
                sumForms += form;
                StepValue value = new StepValue(x[p] * x[q] * s, Math.abs(form), Math.abs(normX) * Math.abs(normX));
                worstPair = pairwise.worse(worstPair, value);
            }
        }
        double big = n * analysis.lambdaMaxD();
        double lambdaS = analysis.lambdaMaxS().estimate();
        TestMatrix test = TestMatrix.at(family, hyper.withEta(eta7), pairs);
        double etaFree = thresholds.etaCoherenceFree();
        double beyond = new SecondMomentMaps(family, hyper.withEta(BEYOND * eta7)).rho();
        return Optional.of(List.of(worstPair == null ? StepValue.of(0.0, 0.0) : worstPair,
                StepValue.of(dot(sumW, sumW), big * big),
                StepValue.of(xSx, sumForms),
                StepValue.of(normX, big),
                StepValue.of(lambdaS, xSx / normX),
                StepValue.of(lambdaS, big),
                StepValue.of(eta7, etaFree),
                StepValue.of(test.rho, test.quotient),
                StepValue.of(test.quotient, test.noiseTerms),
                StepValue.of(test.noiseTerms, test.linear * test.linear / 2),
                StepValue.of(test.linear, test.rootSum * pairs.maxLambda()),
                StepValue.of(test.rootSum * pairs.maxLambda(), Math.sqrt(2) * eta7 / etaFree),
                StepValue.of(test.rho, 1.0),
                StepValue.of(beyond, 1.0)));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The retain-forget pairs, their dense D_p and their coherence entries from the Frobenius Gram matrix. */
    static final class Pairs {
        private final HessianFamily family;
        private final double a;
        private final double b;
        private final double[][] gram;
        private final RealMatrix[] d;
        private int best;
        private double maxLambda = Double.NEGATIVE_INFINITY;

        Pairs(HessianFamily family, NoiseConstants noise) {
            this.family = family;
            this.a = noise.cRPrime();
            this.b = noise.cFPrime();
            List<Hessian> all = family.all();
            gram = new double[all.size()][all.size()];
            for (int i = 0; i < all.size(); i++) {
                for (int j = i; j < all.size(); j++) {
                    gram[i][j] = all.get(i).frobeniusInner(all.get(j));
                    gram[j][i] = gram[i][j];
                }
            }
            d = new RealMatrix[family.nRetain() * family.nForget()];
            for (int p = 0; p < d.length; p++) {
                d[p] = family.retain().get(retain(p)).toMatrix().scalarMultiply(a)
                        .add(family.forget().get(p % family.nForget()).toMatrix().scalarMultiply(b));
                double top = SecondMomentMaps.lambdaMax(d[p]);
                if (top > maxLambda) {
                    maxLambda = top;
                    best = p;
                }
            }
        }

        int size() {
            return d.length;
        }

        int retain(int p) {
            return p / family.nForget();
        }

        /** @return the index of the forget sample of pair p among all samples */
        int forget(int p) {
            return family.nRetain() + p % family.nForget();
        }

        RealMatrix d(int p) {
            return d[p];
        }

        /** @return S_pq = sqrt(Tr(D_p D_q)), from the Gram matrix of the samples */
        double coherence(int p, int q) {
            int r = retain(p);
            int s = retain(q);
            int f = forget(p);
            int g = forget(q);
            double inner = a * a * gram[r][s] + a * b * (gram[r][g] + gram[f][s]) + b * b * gram[f][g];
            return Math.sqrt(Math.max(0.0, inner));
        }

        int best() {
            return best;
        }

        double maxLambda() {
            return maxLambda;
        }
    }

    /** The values of part 2 at one learning rate. */
    private record TestMatrix(double rho, double quotient, double noiseTerms, double linear, double rootSum) {
        static TestMatrix at(HessianFamily family, Hyperparameters hyper, Pairs pairs) {
            RealVector u = SecondMomentMaps.topVector(pairs.d(pairs.best()));
            RealMatrix x = u.outerProduct(u);
            SecondMomentMaps maps = new SecondMomentMaps(family, hyper);
            double quotient = u.dotProduct(maps.t(x).operate(u));
            double hr = quadratic(family.retain().get(pairs.retain(pairs.best())), u);
            double hf = quadratic(family.all().get(pairs.forget(pairs.best())), u);
            NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
            double cr = noise.cR();
            double cf = noise.cF();
            return new TestMatrix(maps.rho(), quotient, cr * hr * hr + cf * hf * hf,
                    Math.sqrt(cr) * hr + Math.sqrt(cf) * hf, Math.sqrt(cr) + Math.sqrt(cf));
        }

        private static double quadratic(Hessian h, RealVector u) {
            double[] out = new double[u.getDimension()];
            h.multiply(u.toArray(), out);
            return new ArrayRealVector(out, false).dotProduct(u);
        }
    }
}
