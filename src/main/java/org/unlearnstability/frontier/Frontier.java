package org.unlearnstability.frontier;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.coherence.FamilyGeometry;
import org.unlearnstability.coherence.MixCoherenceBracket;
import org.unlearnstability.coherence.PerronChain;
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
 * eigenbasis of A once per alpha ({@link AlphaDynamics}). Those are independent tasks on a {@link TaskEngine}: the
 * distinct weights in order of C_r' cut into chains of neighbours, in which each certified bracket of lambda_max(S)
 * starts Lanczos from the Perron vectors of the previous weights ({@link PerronChain}), and one task per alpha.
 * None of the thresholds depends on eta (C_r' and C_f' do not), so a missing --eta only drops the rho column.
 *
 * @param spec the grid
 * @param nRetain n_r
 * @param nForget n_f
 * @param dimension d
 * @param cells one cell per (alpha, B), alpha-major
 */
public record Frontier(FrontierSpec spec, int nRetain, int nForget, int dimension, List<FrontierCell> cells) {
    /**
     * Longest chain of mixing weights in one task: long chains start fewer brackets cold (each cold start costs
     * the structured bounds and two or three more exact products), short ones spread over more executors.
     */
    static final int CHAIN_LENGTH = 12;
    /**
     * Default requested relative width of the certified bracket of lambda_max(S) in every cell: eta7 and eta8 are
     * proportional to sigma, so they are certified to about four digits, and the cells print the bracket. The
     * estimate itself is a Ritz value, far closer than the bracket's width: on the rank-one benchmark family it
     * agrees with the estimate at 1e-9 to 2.3e-9 in every cell, for 2.4 times less time (50.7 s against 121.3 s).
     * {@code analyze} keeps {@link MixCoherenceBracket#DEFAULT_WIDTH}.
     */
    public static final double DEFAULT_SIGMA_WIDTH = 1e-4;

    /** Copies the cells. */
    public Frontier {
        cells = List.copyOf(cells);
    }

    /**
     * @param family the family
     * @param spec the grid (every B at most min(n_r, n_f))
     * @param progress advanced once per task (see {@link #tasks})
     * @return the frontier, computed in this JVM with the default width {@link #DEFAULT_SIGMA_WIDTH} of the bracket
     *     of lambda_max(S)
     */
    public static Frontier compute(HessianFamily family, FrontierSpec spec, Progress progress) {
        try (TaskEngine engine = new LocalTaskEngine(Runtime.getRuntime().availableProcessors())) {
            return compute(family, spec, DEFAULT_SIGMA_WIDTH, engine, progress);
        }
    }

    /**
     * The frontier as independent tasks on an engine: one per chain of neighbouring mixing weights (C_r', C_f') (the
     * brackets of lambda_max(S), max lambda_max(D_rf) and lambda_max(D)) and one per alpha (the reduction of the
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
        // and columns of a grid share them (alpha = 0 or B = n_f: (1, 0); alpha = 1 or B = n_r: (0, 1)). Each
        // distinct pair is computed once, in a chain of neighbouring weights.
        // One map over both kinds, so that the single-threaded dynamics of one alpha overlaps the chains' products.
        List<Task> tasks = new ArrayList<>();
        for (double alpha : spec.alphas()) {
            tasks.add(new AlphaTask(compact, alpha, batches, eta.isPresent() ? eta.getAsDouble() : Double.NaN));
        }
        for (List<Hyperparameters> chain : chains(firstCellOfEachWeights(family, spec), family)) {
            tasks.add(new ChainTask(geometry, chain, sigmaWidth));
        }
        List<Result> results = engine.map(tasks, Task::run, done -> progress.advance());
        List<AlphaRow> rows = new ArrayList<>();
        Map<List<Double>, CoherenceAnalysis> shared = new LinkedHashMap<>();
        for (Result result : results) {
            if (result instanceof AlphaRow row) {
                rows.add(row);
            } else if (result instanceof ChainResult chain) {
                for (CoherenceAnalysis analysis : chain.analyses()) {
                    shared.put(weightKey(analysis.noise()), analysis);
                }
            }
        }
        List<FrontierCell> cells = new ArrayList<>();
        for (int i = 0; i < spec.alphas().size(); i++) {
            double alpha = spec.alphas().get(i);
            AlphaRow dynamics = rows.get(i);
            for (int j = 0; j < batches.length; j++) {
                Hyperparameters hyper = new Hyperparameters(eta.orElse(1.0), alpha, batches[j]);
                NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
                CoherenceAnalysis weights = shared.get(weightKey(noise));
                if (weights == null) {
                    // Cannot happen: the chains cut the distinct weights of this very grid.
                    throw new IllegalStateException("no chain computed the weights of alpha " + alpha + ", B "
                            + batches[j]);
                }
                CoherenceAnalysis coherence = new CoherenceAnalysis(noise, weights.lambdaMaxS(),
                        weights.maxLambdaMaxDrf(), weights.sigma(), weights.retainSingle(), weights.forgetSingle(),
                        weights.lambdaMaxD(), weights.lambdaMaxSMethod());
                StabilityThresholds thresholds = StabilityThresholds.of(coherence, hyper, family.nRetain(),
                        family.nForget());
                double[] sigma = coherence.sigmaBracket();
                cells.add(new FrontierCell(alpha, batches[j], dynamics.etaStar()[j], thresholds.eta7(),
                        thresholds.eta8(), thresholds.etaCoherenceFree(), coherence.sigma(), sigma[0], sigma[1],
                        coherence.lambdaMaxD(), dynamics.rho()[j], dynamics.lambdaMinA(), dynamics.negativeCountA()));
            }
        }
        return new Frontier(spec, family.nRetain(), family.nForget(), family.ambientDimension(), cells);
    }

    /**
     * @param family the family
     * @param spec the grid
     * @return how many tasks {@link #compute} runs (and advances its progress by): one per chain of mixing weights
     *     and one per alpha
     */
    public static long tasks(HessianFamily family, FrontierSpec spec) {
        return chains(firstCellOfEachWeights(family, spec), family).size() + (long) spec.alphas().size();
    }

    /**
     * The distinct mixing weights in order of C_r', cut into chains of at most {@link #CHAIN_LENGTH} neighbours of
     * about equal length: the cut depends on the grid only, never on the thread count, so neither do the brackets.
     */
    private static List<List<Hyperparameters>> chains(Map<List<Double>, Hyperparameters> firstCells,
            HessianFamily family) {
        List<Hyperparameters> sorted = new ArrayList<>(firstCells.values());
        sorted.sort(Comparator.comparingDouble(
                h -> NoiseConstants.of(h, family.nRetain(), family.nForget()).cRPrime()));
        int count = (sorted.size() + CHAIN_LENGTH - 1) / CHAIN_LENGTH;
        List<List<Hyperparameters>> chains = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            chains.add(List.copyOf(sorted.subList(c * sorted.size() / count, (c + 1) * sorted.size() / count)));
        }
        return chains;
    }

    private static List<Double> weightKey(NoiseConstants noise) {
        return List.of(noise.cRPrime(), noise.cFPrime());
    }

    /** Each distinct pair (C_r', C_f') of the grid with the first cell that has it, in cell order. */
    private static Map<List<Double>, Hyperparameters> firstCellOfEachWeights(HessianFamily family, FrontierSpec spec) {
        Map<List<Double>, Hyperparameters> first = new LinkedHashMap<>();
        for (double alpha : spec.alphas()) {
            for (int batch : spec.batches()) {
                // The weights do not depend on eta; any positive value serves when none is given.
                Hyperparameters hyper = new Hyperparameters(spec.eta().orElse(1.0), alpha, batch);
                NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
                first.putIfAbsent(weightKey(noise), hyper);
            }
        }
        return first;
    }

    /**
     * The coherence quantities of a chain of neighbouring mixing weights, each bracket of lambda_max(S) started from
     * the Perron vectors of the previous ones ({@link PerronChain}).
     */
    private record ChainTask(FamilyGeometry geometry, List<Hyperparameters> weights, double sigmaWidth)
            implements Task {
        private static final long serialVersionUID = 1L;

        @Override
        public ChainResult run() {
            PerronChain chain = new PerronChain();
            List<CoherenceAnalysis> analyses = new ArrayList<>();
            for (Hyperparameters hyper : weights) {
                analyses.add(CoherenceAnalysis.of(geometry, hyper, s -> chain.next(s, sigmaWidth)));
            }
            return new ChainResult(analyses);
        }
    }

    /** The coherence quantities of one chain, in its order. */
    private record ChainResult(List<CoherenceAnalysis> analyses) implements Result {
        private static final long serialVersionUID = 1L;
    }

    /** The dynamics of one alpha: reduced once, then etaStar (and rho at eta when given) for every B. */
    private record AlphaTask(HessianFamily compact, double alpha, int[] batches, double eta) implements Task {
        private static final long serialVersionUID = 1L;

        @Override
        public AlphaRow run() {
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

    /** A task of {@link #compute}: a chain of mixing weights or the dynamics of one alpha. */
    private sealed interface Task extends Serializable permits ChainTask, AlphaTask {
        Result run();
    }

    /** What a task returns. */
    private sealed interface Result extends Serializable permits ChainResult, AlphaRow {
    }

    /** One alpha's dynamics, per B in grid order. */
    private record AlphaRow(double[] etaStar, double[] rho, double lambdaMinA, int negativeCountA)
            implements Result {
        private static final long serialVersionUID = 1L;
    }

    /** @return the findings in words */
    public FrontierSummary summary() {
        return FrontierSummary.of(this);
    }
}
