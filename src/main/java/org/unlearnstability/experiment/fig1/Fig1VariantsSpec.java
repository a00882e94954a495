package org.unlearnstability.experiment.fig1;

import static org.unlearnstability.experiment.SpecBinding.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.unlearnstability.experiment.IntegerRange;
import org.unlearnstability.experiment.SamplerName;
import org.unlearnstability.experiment.SpecBinding;
import org.unlearnstability.family.InputException;

/**
 * The Figure 1 variants: the protocol of Figure 1 (same exact mean-square, Monte Carlo and almost-sure layers) on
 * the {@link ClusterConstruction} for every forget overlap and forget weight alpha listed, so that the
 * retain-forget coherence axis is varied (overlap 1 is the section 3.1 construction). Sized to add little to
 * {@code reproduce}: a small n, a coarse grid, one sampler. Read with Jackson; unknown and missing fields are
 * errors.
 *
 * @param experiment always "fig1-variants"
 * @param description what the spec is for (free text)
 * @param nRetain n_r = n_f
 * @param overlaps the forget overlaps, each in [0, 1]
 * @param alphas the forget weights, each in [0, 1)
 * @param q the values of Q (each variant keeps those its construction admits)
 * @param batch the values of B, within 1..n
 * @param etas the learning rates, one heatmap each
 * @param steps K
 * @param repeats runs per cell, learning rate and sampler
 * @param divergenceRatio a run diverges when ||w_K|| / ||w_0|| &gt;= this
 * @param samplers "bernoulli" and/or "without-replacement"
 * @param seed the root of every random stream
 */
public record Fig1VariantsSpec(
        String experiment,
        String description,
        int nRetain,
        List<Double> overlaps,
        List<Double> alphas,
        IntegerRange q,
        IntegerRange batch,
        List<Double> etas,
        int steps,
        int repeats,
        double divergenceRatio,
        List<String> samplers,
        long seed) implements SpecBinding.Validated {

    /** The value of the "experiment" field that selects this spec. */
    public static final String EXPERIMENT = "fig1-variants";

    /** Copies the lists. */
    public Fig1VariantsSpec {
        overlaps = List.copyOf(overlaps);
        alphas = List.copyOf(alphas);
        etas = List.copyOf(etas);
        samplers = List.copyOf(samplers);
    }

    /**
     * One variant: its construction and the Figure 1 spec that runs it.
     *
     * @param name the folder name, e.g. "overlap0.5-alpha0.3"
     * @param construction the cluster construction
     * @param spec the Figure 1 spec (construction "clusters", alpha, Q clipped to what the construction admits)
     * @param canonical the JSON hashed by the cell cache (the Figure 1 spec with the overlap)
     */
    public record Variant(String name, ClusterConstruction construction, Fig1Spec spec, JsonNode canonical) {
    }

    /**
     * @param source the file name, for messages
     * @param tree the parsed JSON
     * @return the validated spec
     * @throws InputException naming the file, the field and the reason
     */
    public static Fig1VariantsSpec read(String source, JsonNode tree) {
        return SpecBinding.read(source, tree, Fig1VariantsSpec.class);
    }

    @Override
    public void validate(String source) {
        SpecBinding.requireExperiment(source, EXPERIMENT, experiment);
        require(source, "nRetain", nRetain >= 2, "must be at least 2, got " + nRetain);
        SpecBinding.requireEach(source, "overlaps", overlaps, o -> o >= 0.0 && o <= 1.0, "must lie in [0, 1]",
                "needs at least one overlap");
        SpecBinding.requireEach(source, "alphas", alphas, a -> a >= 0.0 && a < 1.0, "must lie in [0, 1)",
                "needs at least one alpha");
        require(source, "q", q.from() >= 1 && q.to() <= nRetain, "Q must lie in 1.." + nRetain + ", got " + q);
        require(source, "batch", batch.from() >= 1 && batch.to() <= nRetain,
                "B must lie in 1.." + nRetain + ", got " + batch);
        for (int i = 0; i < overlaps.size(); i++) {
            int maxQ = new ClusterConstruction(overlaps.get(i)).maxQ(nRetain);
            require(source, "q", q.from() <= maxQ, "overlap " + overlaps.get(i) + " admits Q up to " + maxQ
                    + " at n = " + nRetain + ", but the grid starts at " + q.from());
        }
        for (String sampler : samplers) {
            try {
                SamplerName.parse(sampler);
            } catch (IllegalArgumentException e) {
                throw new InputException(source, "samplers", -1, String.valueOf(e.getMessage()));
            }
        }
        // The protocol fields are checked where Figure 1 checks them, on each variant's spec.
        for (Variant variant : variants()) {
            variant.spec().validateProtocol(source);
        }
    }

    /** @return one variant per overlap and alpha, overlaps outermost, in spec order */
    public List<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        for (double overlap : overlaps) {
            ClusterConstruction construction = new ClusterConstruction(overlap);
            IntegerRange grid = new IntegerRange(q.from(), Math.min(q.to(), construction.maxQ(nRetain)));
            for (double alpha : alphas) {
                Fig1Spec spec = new Fig1Spec(Fig1Spec.EXPERIMENT, description, ClusterConstruction.NAME, nRetain,
                        nRetain, alpha, grid, batch, etas, steps, repeats, divergenceRatio, samplers, seed);
                ObjectNode canonical = (ObjectNode) spec.toJson();
                canonical.put("overlap", overlap);
                variants.add(new Variant("overlap" + overlap + "-alpha" + alpha, construction, spec, canonical));
            }
        }
        return variants;
    }

    /** @return the spec as a JSON tree */
    public JsonNode toJson() {
        return SpecBinding.toTree(this);
    }
}
