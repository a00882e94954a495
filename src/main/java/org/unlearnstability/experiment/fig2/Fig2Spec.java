package org.unlearnstability.experiment.fig2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.unlearnstability.cnn.CnnProtocol;
import org.unlearnstability.experiment.SpecBinding;
import org.unlearnstability.family.InputException;

/**
 * The Figure 2 sweep (section 3.2) as read from specs/experiments/fig2.json: the grid d x ||mu||,
 * repeats per cell, the seed every stream derives from, whether to run the coherence analysis,
 * the protocol, and a sigma0 sensitivity run (the paper does not give sigma0). Every field is
 * required and unknown fields are rejected; an "experiment" field, if present, must be "fig2" (variant specs
 * outside specs/experiments/ name their experiment, e.g. specs/variants/fig2-near-zero-loss.json).
 *
 * @param seed the experiment seed
 * @param dimensions the patch dimensions d
 * @param signalNorms the signal strengths ||mu||
 * @param repeats repeats per cell
 * @param coherence whether to analyse the Hessians at every trained solution
 * @param protocol the protocol of section 3.2
 * @param sensitivity other sigma0 values, run on a subset of dimensions over all signal norms
 */
public record Fig2Spec(long seed, List<Integer> dimensions, List<Double> signalNorms, int repeats, boolean coherence,
        CnnProtocol protocol, Sensitivity sensitivity) {
    /** The value of the optional "experiment" field. */
    public static final String EXPERIMENT = "fig2";
    private static final String EXPERIMENT_FIELD = "experiment";

    /** The most repeats per cell: each repeat trains a network (also the limit of {@code cnn --repeats}). */
    public static final int MAX_REPEATS = 10_000;
    /** The largest patch dimension d: the data are dense arrays of samples x d (also the limit of {@code cnn --d}). */
    public static final int MAX_DIMENSION = 1_000_000;

    /** Copies the lists and rejects an empty grid, bad values and sizes that cannot fit (the limit named). */
    public Fig2Spec {
        dimensions = List.copyOf(dimensions);
        signalNorms = List.copyOf(signalNorms);
        if (dimensions.isEmpty() || signalNorms.isEmpty()) {
            throw new IllegalArgumentException("dimensions and signalNorms must not be empty");
        }
        for (int d : dimensions) {
            requireDimension("dimensions", d);
        }
        for (double mu : signalNorms) {
            if (!(mu >= 0.0) || Double.isInfinite(mu)) {
                throw new IllegalArgumentException("signalNorms: every ||mu|| must be finite and >= 0, got " + mu);
            }
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        if (repeats > MAX_REPEATS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "repeats = %d exceeds the limit %,d",
                    repeats, MAX_REPEATS));
        }
    }

    private static void requireDimension(String field, int d) {
        if (d < 1) {
            throw new IllegalArgumentException(field + ": every d must be >= 1, got " + d);
        }
        if (d > MAX_DIMENSION) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: d = %d exceeds the limit %,d", field, d,
                    MAX_DIMENSION));
        }
    }

    /**
     * The sigma0 sensitivity run.
     *
     * @param initSigmas the other sigma0 values (may be empty)
     * @param dimensions the dimensions to run them at
     */
    public record Sensitivity(List<Double> initSigmas, List<Integer> dimensions) {

        /** Copies the lists and rejects bad values. */
        public Sensitivity {
            initSigmas = List.copyOf(initSigmas);
            dimensions = List.copyOf(dimensions);
            for (double s : initSigmas) {
                if (!(s >= 0.0) || Double.isInfinite(s)) {
                    throw new IllegalArgumentException("sensitivity.initSigmas: must be finite and >= 0, got " + s);
                }
            }
            for (int d : dimensions) {
                requireDimension("sensitivity.dimensions", d);
            }
        }
    }

    /**
     * @param file a JSON spec
     * @return the spec
     * @throws InputException naming the file and field on any problem
     */
    public static Fig2Spec read(Path file) {
        JsonNode tree;
        try {
            tree = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            throw new InputException(file.toString(), null, -1, message.lines().findFirst().orElse(message));
        }
        if (tree instanceof ObjectNode object && object.has(EXPERIMENT_FIELD)) {
            // Specs outside specs/experiments/fig2*.json name their experiment; it is not a field of the record.
            if (!EXPERIMENT.equals(object.get(EXPERIMENT_FIELD).asText())) {
                throw new InputException(file.toString(), EXPERIMENT_FIELD, -1, "must be \"" + EXPERIMENT + "\"");
            }
            object.remove(EXPERIMENT_FIELD);
        }
        return SpecBinding.bind(file.toString(), tree, Fig2Spec.class);
    }
}
