package org.unlearnstability.frontier;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.coherence.FamilyGeometry;
import org.unlearnstability.coherence.MixCoherenceBracket;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.dynamics.AlphaDynamics;
import org.unlearnstability.dynamics.DriftSpectrum;
import org.unlearnstability.engine.LocalTaskEngine;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.family.FactorGram;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.report.Progress;
import org.unlearnstability.theory.StabilityThresholds;

/**
 * The stability frontier of a family: for every (alpha, B) of a {@link FrontierSpec}, whether and up to
 * which learning rate unlearning by update (2) is mean-square stable (etaStar, section 2.1), beside the
 * thresholds of Theorems 2.2 and 2.3 and the inertia of the drift A.
 *
 * <p>Work that does not depend on the cell is done once: a factor family is put in span coordinates
 * ({@link FactorGram}) and its Frobenius geometry computed once for the whole grid; the coherence
 * quantities once per distinct pair of mixing weights (C_r', C_f'); the reduction of the dynamics to the
 * eigenbasis of A once per alpha ({@link AlphaDynamics}). Those are independent tasks on a {@link TaskEngine}. None of the thresholds depends
 * on eta (C_r' and C_f' do not), so a missing --eta only drops the rho column.
 *
 * @param spec the grid
 * @param nRetain n_r
 * @param nForget n_f
 * @param dimension d
 * @param cells one cell per (alpha, B), alpha-major
 */
public record Frontier(FrontierSpec spec, int nRetain, int nForget, int dimension, List<FrontierCell> cells) {

    /** Copies the cells. */
    public Frontier {
        cells = List.copyOf(cells);
    }

    /**
     * @param family the family
     * @param spec the grid (every B at most min(n_r, n_f))
     * @param progress advanced once per task (see {@link #tasks})
     * @return the frontier, computed in this JVM with the default width of the bracket of lambda_max(S)
     */
    public static Frontier compute(HessianFamily family, FrontierSpec spec, Progress progress) {
        try (TaskEngine engine = new LocalTaskEngine(Runtime.getRuntime().availableProcessors())) {
            return compute(family, spec, MixCoherenceBracket.DEFAULT_WIDTH, engine, progress);
        }
    }

    /**
     * The frontier as independent tasks on an engine: one per distinct pair of mixing weights (C_r', C_f') (the
     * bracket of lambda_max(S), max lambda_max(D_rf) and lambda_max(D)) and one per alpha (the reduction of the
     * dynamics and etaStar, rho and the inertia of A for every B). Each task starts from the same data whatever
     * the engine, so the frontier is the same on every engine and thread count.
     *
     * @param family the family
     * @param spec the grid (every B at most min(n_r, n_f))
     * @param sigmaWidth the requested relative width of the bracket of lambda_max(S)
     * @param engine where the tasks run
     * @param progress advanced once per task (see {@link #tasks})
     * @return the frontier
     */
    public static Frontier compute(HessianFamily family, FrontierSpec spec, double sigmaWidth, TaskEngine engine,
            Progress progress) {
        int[] batches = spec.batchValues();
        int maxBatch = Math.min(family.nRetain(), family.nForget());
        if (batches[batches.length - 1] > maxBatch) {
            throw new IllegalArgumentException("batch size " + batches[batches.length - 1]
                    + " exceeds min(n_r, n_f) = " + maxBatch);
        }
        HessianFamily compact = FactorGram.inSpanCoordinates(family);
        FamilyGeometry geometry = FamilyGeometry.of(compact);
        OptionalDouble eta = spec.eta();
        // The coherence quantities depend on (alpha, B) only through the mixing weights (C_r', C_f'); whole rows
        // and columns of a grid share them (alpha = 0 or B = n_f: (1, 0); alpha = 1 or B = n_r: (0, 1)).
        Map<List<Double>, Hyperparameters> firstCells = firstCellOfEachWeights(family, spec);
        List<List<Double>> weightKeys = new ArrayList<>(firstCells.keySet());
        List<WeightTask> weightTasks = new ArrayList<>();
        for (Hyperparameters hyper : firstCells.values()) {
            weightTasks.add(new WeightTask(geometry, hyper, sigmaWidth));
        }
        List<CoherenceAnalysis> shared = engine.map(weightTasks, WeightTask::analyse, done -> progress.advance());
        List<AlphaTask> alphaTasks = new ArrayList<>();
        for (double alpha : spec.alphas()) {
            alphaTasks.add(new AlphaTask(compact, alpha, batches, eta.isPresent() ? eta.getAsDouble() : Double.NaN));
        }
        List<AlphaRow> rows = engine.map(alphaTasks, AlphaTask::compute, done -> progress.advance());
        List<FrontierCell> cells = new ArrayList<>();
        for (int i = 0; i < spec.alphas().size(); i++) {
            double alpha = spec.alphas().get(i);
            AlphaRow row = rows.get(i);
            for (int j = 0; j < batches.length; j++) {
                Hyperparameters hyper = new Hyperparameters(eta.orElse(1.0), alpha, batches[j]);
                NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
                CoherenceAnalysis weights = shared.get(weightKeys.indexOf(List.of(noise.cRPrime(), noise.cFPrime())));
                CoherenceAnalysis coherence = new CoherenceAnalysis(noise, weights.lambdaMaxS(),
                        weights.maxLambdaMaxDrf(), weights.sigma(), weights.retainSingle(), weights.forgetSingle(),
                        weights.lambdaMaxD(), weights.lambdaMaxSMethod());
                StabilityThresholds thresholds = StabilityThresholds.of(coherence, hyper, family.nRetain(),
                        family.nForget());
                cells.add(new FrontierCell(alpha, batches[j], row.etaStar()[j], thresholds.eta7(), thresholds.eta8(),
                        thresholds.etaCoherenceFree(), coherence.sigma(), coherence.lambdaMaxD(), row.rho()[j],
                        row.lambdaMinA(), row.negativeCountA()));
            }
        }
        return new Frontier(spec, family.nRetain(), family.nForget(), family.ambientDimension(), cells);
    }

    /**
     * @param family the family
     * @param spec the grid
     * @return how many tasks {@link #compute} runs (and advances its progress by): one per distinct pair of mixing
     *     weights and one per alpha
     */
    public static long tasks(HessianFamily family, FrontierSpec spec) {
        return firstCellOfEachWeights(family, spec).size() + (long) spec.alphas().size();
    }

    /** Each distinct pair (C_r', C_f') of the grid with the first cell that has it, in cell order. */
    private static Map<List<Double>, Hyperparameters> firstCellOfEachWeights(HessianFamily family, FrontierSpec spec) {
        Map<List<Double>, Hyperparameters> first = new LinkedHashMap<>();
        for (double alpha : spec.alphas()) {
            for (int batch : spec.batches()) {
                // The weights do not depend on eta; any positive value serves when none is given.
                Hyperparameters hyper = new Hyperparameters(spec.eta().orElse(1.0), alpha, batch);
                NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
                first.putIfAbsent(List.of(noise.cRPrime(), noise.cFPrime()), hyper);
            }
        }
        return first;
    }

    /** The coherence quantities of one pair of mixing weights, from the first cell that has them. */
    private record WeightTask(FamilyGeometry geometry, Hyperparameters hyper, double sigmaWidth)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        CoherenceAnalysis analyse() {
            return CoherenceAnalysis.of(geometry, hyper, sigmaWidth);
        }
    }

    /** The dynamics of one alpha: reduced once, then etaStar (and rho at eta when given) for every B. */
    private record AlphaTask(HessianFamily compact, double alpha, int[] batches, double eta) implements Serializable {
        private static final long serialVersionUID = 1L;

        AlphaRow compute() {
            AlphaDynamics dynamics = AlphaDynamics.of(compact, alpha);
            DriftSpectrum drift = dynamics.drift();
            double[] etaStar = new double[batches.length];
            double[] rho = new double[batches.length];
            for (int j = 0; j < batches.length; j++) {
                etaStar[j] = dynamics.etaStar(batches[j]);
                rho[j] = Double.isNaN(eta) ? Double.NaN : dynamics.rho(eta, batches[j]);
            }
            return new AlphaRow(etaStar, rho, drift.lambdaMin(), drift.negativeCount());
        }
    }

    /** One alpha's dynamics, per B in grid order. */
    private record AlphaRow(double[] etaStar, double[] rho, double lambdaMinA, int negativeCountA)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** @return the findings in words */
    public FrontierSummary summary() {
        return FrontierSummary.of(this);
    }
}
