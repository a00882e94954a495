package org.unlearnstability.frontier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.coherence.FamilyGeometry;
import org.unlearnstability.coherence.MixCoherenceBracket;
import org.unlearnstability.coherence.MixCoherenceMatrix;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.dynamics.AlphaDynamics;
import org.unlearnstability.dynamics.DriftSpectrum;
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
 * eigenbasis of A once per alpha ({@link AlphaDynamics}). None of the thresholds depends
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
     * @param progress advanced once per cell
     * @return the frontier
     */
    public static Frontier compute(HessianFamily family, FrontierSpec spec, Progress progress) {
        int[] batches = spec.batches();
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
        Map<List<Double>, CoherenceAnalysis> byWeights = new HashMap<>();
        // Neighbouring cells have nearby S: each exact bracket starts from the last Perron vector (cells in order).
        List<double[]> lastVector = new ArrayList<>();
        Function<MixCoherenceMatrix, MixCoherenceBracket> warmStarted = s -> {
            MixCoherenceBracket bracket = MixCoherenceBracket.of(s, MixCoherenceBracket.DEFAULT_WIDTH,
                    MixCoherenceBracket.EXACT_PAIRS_LIMIT, lastVector.isEmpty() ? null : lastVector.get(0));
            lastVector.clear();
            lastVector.add(bracket.perronVector());
            return bracket;
        };
        List<FrontierCell> cells = new ArrayList<>();
        for (double alpha : spec.alphas()) {
            AlphaDynamics dynamics = AlphaDynamics.of(compact, alpha);
            DriftSpectrum drift = dynamics.drift();
            for (int batch : batches) {
                // The thresholds do not depend on eta; any positive value serves when none is given.
                Hyperparameters hyper = new Hyperparameters(eta.orElse(1.0), alpha, batch);
                NoiseConstants noise = NoiseConstants.of(hyper, family.nRetain(), family.nForget());
                CoherenceAnalysis shared = byWeights.computeIfAbsent(List.of(noise.cRPrime(), noise.cFPrime()),
                        weights -> CoherenceAnalysis.of(geometry, hyper, warmStarted));
                CoherenceAnalysis coherence = new CoherenceAnalysis(noise, shared.lambdaMaxS(),
                        shared.maxLambdaMaxDrf(), shared.sigma(), shared.retainSingle(), shared.forgetSingle(),
                        shared.lambdaMaxD());
                StabilityThresholds thresholds = StabilityThresholds.of(coherence, hyper, family.nRetain(),
                        family.nForget());
                double rho = eta.isPresent() ? dynamics.rho(eta.getAsDouble(), batch) : Double.NaN;
                cells.add(new FrontierCell(alpha, batch, dynamics.etaStar(batch), thresholds.eta7(), thresholds.eta8(),
                        thresholds.etaCoherenceFree(), coherence.sigma(), coherence.lambdaMaxD(), rho,
                        drift.lambdaMin(), drift.negativeCount()));
                progress.advance();
            }
        }
        return new Frontier(spec, family.nRetain(), family.nForget(), family.ambientDimension(), cells);
    }

    /** @return the findings in words */
    public FrontierSummary summary() {
        return FrontierSummary.of(this);
    }
}
