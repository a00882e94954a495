package org.unlearnstability.experiment.fig1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hipparchus.util.FastMath;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.coherence.FamilyGeometry;
import org.unlearnstability.coherence.MixCoherenceBracket;
import org.unlearnstability.coherence.MixCoherenceMatrix;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.MeanSquareOperator;
import org.unlearnstability.experiment.SamplerName;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.rng.RandomStreams;
import org.unlearnstability.theory.StabilityThresholds;

/**
 * The computations behind one Figure 1 spec: the coherence quantities of a row of fixed Q (computed
 * once per Q, see {@link #coherence(int)}) and the cells of that row ({@link #cell(StaticCell, HessianFamily)}).
 *
 * <p>Random streams: run r of cell (Q, B) under sampler s draws w_0 and its batches from
 * {@code RandomStreams.stream(seed, Q, B, code(s), r)}, with code 1 for Bernoulli and 2 without
 * replacement. Every learning rate of the spec reuses that run (common random numbers), so no stream
 * depends on eta, on the order in which cells are computed or on the number of threads.
 */
final class Fig1Computation {
    private final Fig1Spec spec;
    private final Fig1Construction construction;
    private final double[] etas;
    private final List<BatchSampler> samplers;

    /** @param spec a spec of the section 3.1 construction */
    Fig1Computation(Fig1Spec spec) {
        this(spec, new Section31Construction());
    }

    /**
     * @param spec the spec (grid, protocol, seed)
     * @param construction where the samples put their curvature
     */
    Fig1Computation(Fig1Spec spec, Fig1Construction construction) {
        this.spec = spec;
        this.construction = construction;
        this.etas = spec.etaValues();
        this.samplers = spec.samplerValues();
    }

    /**
     * The eta-free quantities of one cell.
     *
     * @param q Q
     * @param batch B
     * @param dimension d
     * @param sigma the unlearning coherence
     * @param lambdaMaxD lambda_max(D)
     * @param cRPrime C_r'
     * @param eta7 the learning rate from which (7) holds
     * @param eta8 the learning rate up to which (8) holds
     * @param etaCoherenceFree (7) with sigma at its floor
     * @param cond7 whether (7) holds, per learning rate of the spec
     * @param cond8 whether (8) holds, per learning rate of the spec
     */
    record StaticCell(int q, int batch, int dimension, double sigma, double lambdaMaxD, double cRPrime,
            double eta7, double eta8, double etaCoherenceFree, boolean[] cond7, boolean[] cond8) {
    }

    /**
     * A row of fixed Q: its family and the static quantities of its cells.
     *
     * @param family the section 3.1 family at Q
     * @param cells one per B of the spec, in order
     */
    record Row(HessianFamily family, List<StaticCell> cells) {
    }

    /**
     * The coherence analysis of the construction at Q for every B of the spec. sigma, D and C_r'
     * depend on B only through (C_r', C_f'), so one analysis serves every B with the same C_r' (to the
     * bit); with n_r = n_f that is every B &lt; n, and B = n (where C_r = C_f = 0 and C_r' is the limit
     * value 1 - alpha, see NoiseConstants) needs at most one more.
     *
     * @param q Q
     * @return the row
     */
    Row coherence(int q) {
        int n = spec.nRetain();
        HessianFamily family = construction.family(n, q);
        FamilyGeometry geometry = FamilyGeometry.of(family);
        Map<Long, CoherenceAnalysis> byMixWeight = new HashMap<>();
        List<StaticCell> row = new ArrayList<>();
        // The second (C_r', C_f') of a row starts its power steps from the first one's Perron vector: the bracket
        // is certified from any positive start, and on this construction the two S differ little (fewer products).
        double[][] perron = new double[1][];
        Function<MixCoherenceMatrix, MixCoherenceBracket> warmStarted = s -> {
            MixCoherenceBracket bracket = MixCoherenceBracket.exactFrom(s, perron[0]);
            perron[0] = bracket.perronVector();
            return bracket;
        };
        for (int b : spec.batch().values()) {
            Hyperparameters hyper = new Hyperparameters(1.0, spec.alpha(), b);
            long key = Double.doubleToLongBits(NoiseConstants.of(hyper, n, n).cRPrime());
            CoherenceAnalysis analysis = byMixWeight.computeIfAbsent(key,
                    k -> CoherenceAnalysis.of(geometry, hyper, warmStarted));
            StabilityThresholds thresholds = StabilityThresholds.of(analysis, hyper, n, n);
            boolean[] cond7 = new boolean[etas.length];
            boolean[] cond8 = new boolean[etas.length];
            for (int e = 0; e < etas.length; e++) {
                StabilityThresholds atEta = StabilityThresholds.of(analysis, hyper.withEta(etas[e]), n, n);
                cond7[e] = atEta.condition7();
                cond8[e] = atEta.condition8();
            }
            row.add(new StaticCell(q, b, family.dimension(), analysis.sigma(), analysis.lambdaMaxD(),
                    analysis.noise().cRPrime(), thresholds.eta7(), thresholds.eta8(), thresholds.etaCoherenceFree(),
                    cond7, cond8));
        }
        return new Row(family, row);
    }

    /**
     * One row of fixed Q, every cell of it: a pure function of the spec and Q (no shared state, no clock), so
     * rows can be computed in any order, on any thread or machine.
     *
     * @param q Q
     * @return the row's cells in the spec's order of B
     */
    List<Fig1Cell> row(int q) {
        Row coherence = coherence(q);
        List<Fig1Cell> cells = new ArrayList<>();
        for (StaticCell cell : coherence.cells()) {
            cells.add(cell(cell, coherence.family()));
        }
        return cells;
    }

    /**
     * rho and etaStar come from the general mean-square operator of the dynamics package
     * ({@link MeanSquareOperator}, {@link CriticalLearningRate}, both samplers); the Lyapunov exponent
     * and E||w_K||^2 after K steps from the closed-form law of the construction ({@link Section31Law},
     * whose rho and etaStar the tests check against the operator's).
     *
     * @param cell the static quantities of the cell
     * @param family the family of its row
     * @return the cell's Monte Carlo runs and exact dynamics on top of its static quantities
     */
    Fig1Cell cell(StaticCell cell, HessianFamily family) {
        List<Fig1Cell.Run> runs = new ArrayList<>();
        for (BatchSampler sampler : samplers) {
            CoordinateLaw law = construction.law(spec.nRetain(), cell.q(), cell.batch(), spec.alpha(), sampler);
            double[][] growth = monteCarlo(law, sampler);
            double etaStar = CriticalLearningRate.of(family, spec.alpha(), cell.batch(), sampler).etaStar();
            for (int e = 0; e < etas.length; e++) {
                Hyperparameters hyper = new Hyperparameters(etas[e], spec.alpha(), cell.batch());
                double rho = MeanSquareOperator.of(family, hyper, sampler).rho().rho();
                runs.add(run(law, sampler, etas[e], rho, etaStar, growth[e], cell.cond7()[e], cell.cond8()[e]));
            }
        }
        return new Fig1Cell(cell.q(), cell.batch(), cell.dimension(), cell.sigma(), cell.lambdaMaxD(),
                cell.cRPrime(), cell.eta7(), cell.eta8(), cell.etaCoherenceFree(), runs);
    }

    /** @return ln(||w_K|| / ||w_0||) indexed [eta][repeat] */
    private double[][] monteCarlo(CoordinateLaw law, BatchSampler sampler) {
        double[][] growth = new double[etas.length][spec.repeats()];
        for (int r = 0; r < spec.repeats(); r++) {
            double[] one = law.logGrowth(etas, spec.steps(),
                    RandomStreams.stream(spec.seed(), law.q(), law.batch(), streamCode(sampler), r));
            for (int e = 0; e < etas.length; e++) {
                growth[e][r] = one[e];
            }
        }
        return growth;
    }

    /** @return the sampler's fixed place in the stream address (never its position in the spec) */
    static long streamCode(BatchSampler sampler) {
        return sampler == BatchSampler.BERNOULLI ? 1 : 2;
    }

    private Fig1Cell.Run run(CoordinateLaw law, BatchSampler sampler, double eta, double rho, double etaStar,
            double[] growth, boolean cond7, boolean cond8) {
        double threshold = FastMath.log(spec.divergenceRatio());
        int diverged = 0;
        double sum = 0.0;
        for (double g : growth) {
            if (g >= threshold) {
                diverged++;
            }
            sum += g;
        }
        double[] sorted = growth.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        double median = m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
        double mean = sum / growth.length;
        return new Fig1Cell.Run(SamplerName.of(sampler), eta, rho, etaStar,
                law.log10MeanSquareGrowth(eta, spec.steps()), law.lyapunov(eta), growth.length, diverged,
                mean / spec.steps(), standardError(growth, mean) / spec.steps(), median / FastMath.log(10), cond7,
                cond8);
    }

    /** @return the standard error of the mean of the values (NaN for one value or a non-finite one) */
    private static double standardError(double[] values, double mean) {
        if (values.length < 2 || !Double.isFinite(mean)) {
            return Double.NaN;
        }
        double squares = 0.0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1) / values.length);
    }
}
