package org.unlearnstability.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.coherence.CoherenceAnalysis;
import org.unlearnstability.coherence.FamilyGeometry;
import org.unlearnstability.coherence.MixCoherenceBracket;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.StabilityAnalysis;
import org.unlearnstability.family.FactorGram;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.report.JsonNumbers;
import org.unlearnstability.theory.StabilityThresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code analyze}: every static quantity of section 2.2 and the thresholds of Theorems 2.2 and
 * 2.3 for a user's Hessian family, as one JSON object (keys documented in specs/analyze.md).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = """
        Coherence measures (Defs. 1-4), mix-Hessian, thresholds of Theorems 2.2-2.3, the exact mean-square rate rho, \
        etaStar and Lemma 2.1 sequences for a Hessian family, printed as JSON.""")
public final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    private FamilyInput input = new FamilyInput();

    @Mixin
    private HyperparameterOptions hyperOptions = new HyperparameterOptions();

    @Option(names = "--steps", defaultValue = "5",
            description = "K: Lemma 2.1 sequences and the exact E||w_k||^2 for k = 1..K (default 5).")
    private int steps = StabilityAnalysis.DEFAULT_STEPS;

    @Option(names = "--sigma-width", paramLabel = "WIDTH",
            description = "Requested relative width of the certified bracket of lambda_max(S) (and sigma): structured "
                    + "bounds first, exact products of S only as far as needed and affordable (default 1e-9).")
    private double sigmaWidth = MixCoherenceBracket.DEFAULT_WIDTH;

    @Option(names = "--no-dynamics",
            description = "Coherence and thresholds only: skip rho, etaStar, the inertia of A and the Lemma 2.1 "
                    + "sequences (the exact dynamics cost O(m^3) in span coordinates, m = total factor columns).")
    private boolean noDynamics;

    @Mixin
    private Console console = new Console();

    @Override
    public Integer call() throws Exception {
        FamilyInput.Loaded loaded = input.load();
        HessianFamily family = loaded.family();
        Hyperparameters hyper = hyperOptions.resolve(loaded);
        SizeLimits.requireCount("--steps", steps, SizeLimits.ANALYZE_STEPS);
        if (!(sigmaWidth > 0.0 && sigmaWidth < 1.0)) {
            throw new UsageException("--sigma-width must lie in (0, 1), got " + sigmaWidth);
        }
        ObjectNode json = analysis(family, hyper, noDynamics ? 0 : steps, sigmaWidth);
        ObjectNode options = new ObjectMapper().createObjectNode();
        JsonNumbers.put(options, "eta", hyper.eta());
        JsonNumbers.put(options, "alpha", hyper.alpha());
        options.put("batch", hyper.batch());
        options.put("steps", steps);
        JsonNumbers.put(options, "sigmaWidth", sigmaWidth);
        options.put("dynamics", !noDynamics);
        RunProvenance.attach(json, input.files(), options, null, 1);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        console.out().println(mapper.writeValueAsString(json));
        console.out().flush();
        return 0;
    }

    /**
     * @param family the family
     * @param hyper validated hyper-parameters that fit it
     * @param steps K for the Lemma 2.1 sequences
     * @return the analyze JSON object at the default bracket width
     */
    static ObjectNode analysis(HessianFamily family, Hyperparameters hyper, int steps) {
        return analysis(family, hyper, steps, MixCoherenceBracket.DEFAULT_WIDTH);
    }

    /**
     * @param family the family
     * @param hyper validated hyper-parameters that fit it
     * @param steps K for the Lemma 2.1 sequences; 0 leaves the dynamics out ({@code --no-dynamics})
     * @param sigmaWidth the requested relative width of the bracket of lambda_max(S)
     * @return the analyze JSON object
     */
    static ObjectNode analysis(HessianFamily family, Hyperparameters hyper, int steps, double sigmaWidth) {
        // A factor family is analysed in span coordinates: the same answers without d-dimensional work.
        HessianFamily compact = FactorGram.inSpanCoordinates(family);
        ObjectNode json = coherenceAnalysis(compact, hyper, sigmaWidth);
        if (steps > 0) {
            addDynamics(json, StabilityAnalysis.of(compact, hyper, steps));
        }
        return json;
    }

    private static ObjectNode coherenceAnalysis(HessianFamily family, Hyperparameters hyper, double sigmaWidth) {
        CoherenceAnalysis coherence = CoherenceAnalysis.of(FamilyGeometry.of(family), hyper, sigmaWidth);
        StabilityThresholds thresholds = StabilityThresholds.of(coherence, hyper, family.nRetain(), family.nForget());
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("d", family.ambientDimension());
        json.put("nRetain", family.nRetain());
        json.put("nForget", family.nForget());
        json.put("batch", hyper.batch());
        JsonNumbers.put(json, "eta", hyper.eta());
        JsonNumbers.put(json, "alpha", hyper.alpha());
        JsonNumbers.put(json, "cR", coherence.noise().cR());
        JsonNumbers.put(json, "cF", coherence.noise().cF());
        JsonNumbers.put(json, "cRPrime", coherence.noise().cRPrime());
        JsonNumbers.put(json, "cFPrime", coherence.noise().cFPrime());
        JsonNumbers.put(json, "k7", thresholds.k7());
        JsonNumbers.put(json, "sigma", coherence.sigma());
        JsonNumbers.put(json, "lambdaMaxS", coherence.lambdaMaxS().estimate());
        ArrayNode bracket = json.putArray("lambdaMaxSBracket");
        JsonNumbers.add(bracket, coherence.lambdaMaxS().lower());
        JsonNumbers.add(bracket, coherence.lambdaMaxS().upper());
        json.put("lambdaMaxSMethod", coherence.lambdaMaxSMethod().key());
        JsonNumbers.put(json, "maxLambdaMaxDrf", coherence.maxLambdaMaxDrf());
        JsonNumbers.put(json, "sigmaSingleRetain", coherence.retainSingle().sigma());
        JsonNumbers.put(json, "sigmaSingleForget", coherence.forgetSingle().sigma());
        JsonNumbers.put(json, "lambdaMaxD", coherence.lambdaMaxD());
        JsonNumbers.put(json, "threshold7", thresholds.threshold7());
        JsonNumbers.put(json, "threshold8", thresholds.threshold8());
        JsonNumbers.put(json, "eta7", thresholds.eta7());
        JsonNumbers.put(json, "eta8", thresholds.eta8());
        JsonNumbers.put(json, "etaCoherenceFree", thresholds.etaCoherenceFree());
        json.put("condition7", thresholds.condition7());
        json.put("condition8", thresholds.condition8());
        return json;
    }

    /**
     * Adds the exact mean-square quantities of section 2.1 and Lemma 2.1 (specs/dynamics.md).
     *
     * @param json the analyze object
     * @param dynamics the stability analysis at the same hyper-parameters
     */
    private static void addDynamics(ObjectNode json, StabilityAnalysis dynamics) {
        JsonNumbers.put(json, "normJ", dynamics.normJ());
        JsonNumbers.put(json, "rho", dynamics.rho());
        JsonNumbers.put(json, "etaStar", dynamics.etaStar());
        json.put("nullSpace", dynamics.nullSpace());
        JsonNumbers.put(json, "lambdaMinA", dynamics.lambdaMinA());
        json.put("negativeCountA", dynamics.negativeCountA());
        putArray(json, "exactMeanSquare", dynamics.exactMeanSquare());
        putArray(json, "traceN", dynamics.traceN());
        putArray(json, "traceJ2k", dynamics.traceJ2k());
        putArray(json, "traceM", dynamics.traceM());
        ArrayNode bound = json.putArray("lemma21UpperBound");
        for (@Nullable Double value : dynamics.lemma21UpperBound()) {
            if (value == null) {
                bound.addNull();
            } else {
                JsonNumbers.add(bound, value);
            }
        }
    }

    private static void putArray(ObjectNode json, String key, double[] values) {
        ArrayNode array = json.putArray(key);
        for (double v : values) {
            JsonNumbers.add(array, v);
        }
    }
}
