package org.unlearnstability.experiment.fig1;

import static org.unlearnstability.experiment.SpecBinding.require;
import static org.unlearnstability.experiment.SpecBinding.requireAtMost;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.List;
import org.hipparchus.util.FastMath;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.experiment.IntegerRange;
import org.unlearnstability.experiment.SamplerName;
import org.unlearnstability.experiment.SpecBinding;
import org.unlearnstability.family.InputException;

/**
 * Every parameter of the Figure 1 experiment (paper, section 3.1): the section 3.1 construction with
 * n_r = n_f, the forget weight alpha, the grids of Q and B, the learning rates (one panel each), the
 * Monte Carlo protocol (K steps, repeats, divergence when ||w_K|| / ||w_0|| &gt;= divergenceRatio, majority
 * vote), the batch samplers and the seed every random stream derives from. Read with Jackson; unknown
 * and missing fields are errors.
 *
 * @param experiment always "fig1"
 * @param description what the spec is for (free text)
 * @param construction always "section31" (H_i = m e_1 e_1^T for i &lt;= Q, else m e_{i-Q+1} e_{i-Q+1}^T,
 *     m = 2n/Q, both sets alike, d = n - Q + 1)
 * @param nRetain n_r
 * @param nForget n_f (the construction builds both sets alike, so n_f = n_r)
 * @param alpha the forget weight
 * @param q the values of Q, within 1..n
 * @param batch the values of B, within 1..n
 * @param etas the learning rates, one panel each
 * @param steps K, the updates per run
 * @param repeats runs per cell, learning rate and sampler
 * @param divergenceRatio a run diverges when ||w_K|| / ||w_0|| &gt;= this
 * @param samplers "bernoulli" and/or "without-replacement"
 * @param seed the root of every random stream
 */
public record Fig1Spec(
        String experiment,
        String description,
        String construction,
        int nRetain,
        int nForget,
        double alpha,
        IntegerRange q,
        IntegerRange batch,
        List<Double> etas,
        int steps,
        int repeats,
        double divergenceRatio,
        List<String> samplers,
        long seed) implements Serializable, SpecBinding.Validated {

    /** The value of the "experiment" field that selects this spec. */
    public static final String EXPERIMENT = "fig1";
    /**
     * The most samples per set: the exact mean square and the Lyapunov exponent of every cell work on the n coordinate
     * directions of the construction (each Hessian is m e_c e_c^T), and the grid has up to n^2 cells.
     */
    public static final int MAX_SAMPLES = 2_000;
    /** The most steps of update (2) per run: the Monte Carlo walks every step of every run. */
    public static final int MAX_STEPS = 10_000_000;
    /** The most runs per cell: the majority vote keeps one outcome per run. */
    public static final int MAX_REPEATS = 100_000;
    /** The most cells (Q x B x learning rates x samplers): one row of the report and of the cache per cell. */
    public static final long MAX_CELLS = 1_000_000L;

    /** Copies the lists. */
    public Fig1Spec {
        etas = List.copyOf(etas);
        samplers = List.copyOf(samplers);
    }

    /**
     * @param source the file name, for messages
     * @param tree the parsed JSON
     * @return the validated spec
     * @throws InputException naming the file, the field and the reason
     */
    public static Fig1Spec read(String source, JsonNode tree) {
        return SpecBinding.read(source, tree, Fig1Spec.class);
    }

    @Override
    public void validate(String source) {
        SpecBinding.requireExperiment(source, EXPERIMENT, experiment);
        require(source, "construction", "section31".equals(construction),
                "only \"section31\" (the paper's section 3.1 construction) is supported, got \"" + construction + "\"");
        validateProtocol(source);
    }

    /**
     * Every check but the construction's (the variants build their specs with other constructions).
     *
     * @param source the file name, for messages
     * @throws InputException naming the file, the field and the reason
     */
    void validateProtocol(String source) {
        require(source, "nRetain", nRetain >= 1, "must be at least 1, got " + nRetain);
        requireAtMost(source, "nRetain", nRetain, MAX_SAMPLES);
        require(source, "nForget", nForget == nRetain,
                "the section 3.1 construction builds both sets alike, so n_f must equal n_r = " + nRetain);
        require(source, "alpha", alpha >= 0.0 && alpha <= 1.0, "must lie in [0, 1], got " + alpha);
        require(source, "q", q.from() >= 1 && q.to() <= nRetain, "Q must lie in 1.." + nRetain + ", got " + q);
        require(source, "batch", batch.from() >= 1 && batch.to() <= nRetain,
                "B must lie in 1.." + nRetain + ", got " + batch);
        SpecBinding.requireEach(source, "etas", etas, eta -> eta > 0.0 && Double.isFinite(eta), "must be positive",
                "needs at least one learning rate");
        require(source, "etas", etas.stream().distinct().count() == etas.size(), "learning rates must be distinct");
        require(source, "steps", steps >= 1, "must be at least 1, got " + steps);
        requireAtMost(source, "steps", steps, MAX_STEPS);
        require(source, "repeats", repeats >= 1, "must be at least 1, got " + repeats);
        requireAtMost(source, "repeats", repeats, MAX_REPEATS);
        require(source, "divergenceRatio", divergenceRatio > 0.0 && Double.isFinite(divergenceRatio),
                "must be positive, got " + divergenceRatio);
        require(source, "samplers", !samplers.isEmpty(), "needs at least one sampler");
        for (int i = 0; i < samplers.size(); i++) {
            try {
                SamplerName.parse(samplers.get(i));
            } catch (IllegalArgumentException e) {
                throw new InputException(source, "samplers[" + i + "]", -1, String.valueOf(e.getMessage()));
            }
        }
        require(source, "samplers", samplers.stream().distinct().count() == samplers.size(),
                "samplers must be distinct");
        long cells = (long) (q.to() - q.from() + 1) * (batch.to() - batch.from() + 1) * etas.size() * samplers.size();
        require(source, "q", cells <= MAX_CELLS, String.format(java.util.Locale.ROOT,
                "the grid Q x B x etas x samplers has %,d cells, more than the limit %,d", cells, MAX_CELLS));
    }

    /** @return the learning rates as an array */
    public double[] etaValues() {
        return etas.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return the samplers, in spec order */
    public List<BatchSampler> samplerValues() {
        return samplers.stream().map(SamplerName::parse).toList();
    }

    /** @return ln(divergenceRatio) / steps, the smallest growth rate a run can show as divergence */
    public double visibleGrowthRate() {
        return FastMath.log(divergenceRatio) / steps;
    }

    /** @return the spec as a JSON tree (the canonical form hashed by the cell cache) */
    public JsonNode toJson() {
        return SpecBinding.toTree(this);
    }
}
