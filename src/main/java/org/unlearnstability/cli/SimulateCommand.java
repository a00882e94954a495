package org.unlearnstability.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.dynamics.CriticalLearningRate;
import org.unlearnstability.dynamics.SimulationConfig;
import org.unlearnstability.dynamics.SimulationResult;
import org.unlearnstability.dynamics.UnlearningSimulation;
import org.unlearnstability.experiment.SamplerName;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.report.JsonNumbers;
import org.unlearnstability.report.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code simulate}: Monte Carlo of the unlearning update (2)-(3) under the paper's section 3.1
 * protocol (R runs of K steps, a run diverges when ||w_K|| / ||w_0|| reaches the threshold, majority
 * vote), with the mean-square estimate, the growth-rate estimate and the exact rho and etaStar of the
 * same batch sampler beside it. The family and hyper-parameters are read as by {@code analyze}
 * (--family FILE.json, or --retain/--forget .npy files). Prints one JSON object; keys in specs/dynamics.md.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = """
        Simulate gradient unlearning (eq. 2) on a Hessian family and report the paper's divergence verdict, \
        E||w_k||^2 with an interval, the growth rate and the exact rho.""")
public final class SimulateCommand implements Callable<Integer> {
    /** Runs of at least this many steps in all (steps x repeats) show progress. */
    private static final double PROGRESS_STEPS = 1e7;

    @Mixin
    private FamilyInput input = new FamilyInput();

    @Mixin
    private HyperparameterOptions hyperOptions = new HyperparameterOptions();

    @Mixin
    private Console console = new Console();

    @Option(names = "--sampler", defaultValue = "bernoulli", converter = SamplerConverter.class,
            completionCandidates = SamplerConverter.class,
            description = "bernoulli (the paper's model) or without-replacement, any case (default: "
                    + "${DEFAULT-VALUE}).")
    private BatchSampler sampler = BatchSampler.BERNOULLI;

    @Option(names = "--steps", defaultValue = "1000", description = "Steps K per run (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--repeats", defaultValue = "10", description = "Runs R (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--threshold", defaultValue = "1000",
            description = "Divergence ratio ||w_K|| / ||w_0|| (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of every random stream (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores); results do not depend on it.")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--mean-square-steps", defaultValue = "10",
            description = "Estimate E||w_k||^2 for k = 1..H, H <= K (default: ${DEFAULT-VALUE}).")
    private int meanSquareSteps;

    @Option(names = "--no-progress", description = "Do not print progress on stderr (shown for runs of more than "
            + "10^7 steps in all).")
    private boolean noProgress;

    @Option(names = "--no-early-stop",
            description = "Run every run to K and judge ||w_K|| / ||w_0|| only (default: stop once a run crosses).")
    private boolean noEarlyStop;

    @Override
    public Integer call() throws IOException {
        FamilyInput.Loaded loaded = input.load();
        HessianFamily hessians = loaded.family();
        if (loaded.fromFactorGram()) {
            throw new UsageException("simulate runs update (2) on the Hessians themselves; a factor_gram "
                    + "bundle fixes them only up to a rotation of R^d (use analyze, or give the factors)");
        }
        Hyperparameters hyper = hyperOptions.resolve(loaded);
        BatchSampler batchSampler = sampler;
        requireSizes();
        SimulationConfig config = new SimulationConfig(batchSampler, steps, repeats, threshold, seed, threads,
                Math.min(meanSquareSteps, steps), !noEarlyStop);
        SimulationResult result;
        // Progress on stderr (one unit per run) when the runs are long enough to wait for.
        if (!noProgress && (double) steps * repeats >= PROGRESS_STEPS) {
            try (Progress progress = Progress.onStderr("simulate runs", repeats)) {
                result = UnlearningSimulation.runWithProgress(hessians, hyper, config, progress::advance);
            }
        } else {
            result = UnlearningSimulation.run(hessians, hyper, config);
        }
        double etaStar = CriticalLearningRate.of(hessians, hyper.alpha(), hyper.batch(), batchSampler).etaStar();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        PrintWriter out = console.out();
        ObjectNode json = json(mapper, hessians, hyper, result, etaStar);
        ObjectNode options = json.deepCopy();
        options.retain("eta", "alpha", "batch", "sampler", "steps", "repeats", "threshold", "seed", "earlyStop",
                "meanSquareSteps");
        RunProvenance.attach(json, input.files(), options, seed, threads);
        out.println(mapper.writeValueAsString(json));
        out.flush();
        return 0;
    }

    /** Sizes that cannot fit are refused before any run starts (the limits are in {@link SizeLimits}). */
    private void requireSizes() {
        SizeLimits.requireCount("--steps", steps, Integer.MAX_VALUE);
        SizeLimits.requireCount("--repeats", repeats, SizeLimits.SIMULATE_REPEATS);
        UsageException.require(threads >= 1, "--threads must be at least 1, got " + threads);
        UsageException.require(threshold > 1.0 && !Double.isInfinite(threshold),
                "--threshold must be a finite number above 1, got " + threshold);
        UsageException.require(meanSquareSteps >= 0, "--mean-square-steps must be at least 0, got " + meanSquareSteps);
        long held = (long) repeats * Math.min(meanSquareSteps, steps);
        UsageException.require(held <= SizeLimits.SIMULATE_MEAN_SQUARE_VALUES, String.format(Locale.ROOT,
                "--repeats x --mean-square-steps = %d exceeds the limit %,d values held in memory", held,
                SizeLimits.SIMULATE_MEAN_SQUARE_VALUES));
    }

    /** Reads a sampler by its spec name (without-replacement) or enum name (WITHOUT_REPLACEMENT), any case. */
    static final class SamplerConverter implements CommandLine.ITypeConverter<BatchSampler>, Iterable<String> {
        @Override
        public BatchSampler convert(String value) {
            String name = value.toLowerCase(Locale.ROOT).replace('_', '-');
            for (BatchSampler s : BatchSampler.values()) {
                if (SamplerName.of(s).equals(name)) {
                    return s;
                }
            }
            throw new CommandLine.TypeConversionException("--sampler must be bernoulli or without-replacement, got '"
                    + value + "'");
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(BatchSampler.values()).map(SamplerName::of).iterator();
        }
    }

    static ObjectNode json(ObjectMapper mapper, HessianFamily family, Hyperparameters hyper, SimulationResult result,
            double etaStar) {
        ObjectNode json = mapper.createObjectNode();
        putSetting(json, family, hyper, result.config());
        putOutcome(json, result, etaStar);
        return json;
    }

    /** What was run: the family's sizes, the hyper-parameters and the simulation's configuration. */
    private static void putSetting(ObjectNode json, HessianFamily family, Hyperparameters hyper,
            SimulationConfig config) {
        json.put("d", family.dimension());
        json.put("nRetain", family.nRetain());
        json.put("nForget", family.nForget());
        json.put("eta", hyper.eta());
        json.put("alpha", hyper.alpha());
        json.put("batch", hyper.batch());
        json.put("sampler", SamplerName.of(config.sampler()));
        json.put("steps", config.steps());
        json.put("repeats", config.repeats());
        JsonNumbers.put(json, "threshold", config.threshold());
        json.put("seed", config.seed());
        json.put("earlyStop", config.earlyStop());
        json.put("meanSquareSteps", config.meanSquareSteps());
    }

    /** What came out: the run counts, the verdict, the mean-square curves and the exact rates. */
    private static void putOutcome(ObjectNode json, SimulationResult result, double etaStar) {
        json.put("divergedRuns", result.divergedRuns());
        json.put("convergedRuns", result.convergedRuns());
        json.put("collapsedRuns", result.collapsedRuns());
        json.put("verdict", result.verdict().id());
        array(json, "meanSquare", result.meanSquare());
        array(json, "meanSquareLower", result.meanSquareLower());
        array(json, "meanSquareUpper", result.meanSquareUpper());
        array(json, "log10MeanSquare", result.log10MeanSquare());
        array(json, "exactMeanSquare", result.exactMeanSquare());
        JsonNumbers.put(json, "lyapunov", result.lyapunov());
        JsonNumbers.put(json, "lyapunovLower", result.lyapunovLower());
        JsonNumbers.put(json, "lyapunovUpper", result.lyapunovUpper());
        JsonNumbers.put(json, "rho", result.rho().rho());
        json.put("nullSpace", result.rho().nullSpace());
        JsonNumbers.put(json, "etaStar", etaStar);
        json.put("simulatedSteps", result.simulatedSteps());
    }

    private static void array(ObjectNode json, String key, double[] values) {
        ArrayNode array = json.putArray(key);
        for (double v : values) {
            JsonNumbers.add(array, v);
        }
    }
}
