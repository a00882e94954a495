package org.unlearnstability.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.unlearnstability.cnn.CnnProtocol;
import org.unlearnstability.experiment.fig2.CellSummary;
import org.unlearnstability.experiment.fig2.Fig2Cell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cnn}: one cell (d, ||mu||) of the Figure 2 experiment (section 3.2, Definition 5, eq. (9))
 * with the paper's protocol, printed as JSON with the mean and standard deviation over the repeats of
 * every metric. With the same seed it reproduces the corresponding cell of the sweep exactly.
 */
@Command(name = "cnn", mixinStandardHelpOptions = true,
        description = """
        Train the two-layer ReLU CNN of eq. (9) on Definition 5 data, unlearn the first 25 samples with update (2), \
        and print train/test/forget metrics and the coherence of the per-sample Hessians (Theorem 2.4) as JSON: \
        {"mean": .., "std": ..} per metric.""")
public final class CnnCommand implements Callable<Integer> {
    /** The default seed, also the seed of specs/experiments/fig2.json. */
    public static final long DEFAULT_SEED = 20250901L;

    @Mixin
    private Console console;

    @Option(names = "--d", required = true, description = "Patch dimension d (>= 1).")
    private int d;

    @Option(names = "--mu", required = true, description = "Signal strength ||mu|| (>= 0).")
    private double mu;

    @Option(names = "--repeats", defaultValue = "20", description = "Repeats (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--sigma0", defaultValue = "0.01",
            description = "Initialisation scale sigma0 (not in the paper; default: ${DEFAULT-VALUE}).")
    private double sigma0;

    @Option(names = "--seed", defaultValue = "20250901", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--no-coherence", description = "Skip the Hessian coherence analysis.")
    private boolean noCoherence;

    /** Creates the command; picocli injects the fields. */
    public CnnCommand() {
        this.console = new Console();
    }

    @Override
    public Integer call() throws Exception {
        if (d < 1) {
            throw new UsageException("--d must be >= 1, got " + d);
        }
        if (!(mu >= 0.0) || Double.isInfinite(mu)) {
            throw new UsageException("--mu must be finite and >= 0, got " + mu);
        }
        SizeLimits.requireCount("--repeats", repeats, SizeLimits.CNN_REPEATS);
        SizeLimits.requireCount("--d", d, SizeLimits.CNN_DIMENSION);
        if (!(sigma0 >= 0.0) || Double.isInfinite(sigma0)) {
            throw new UsageException("--sigma0 must be finite and >= 0, got " + sigma0);
        }
        CnnProtocol protocol = CnnProtocol.paper().withInitSigma(sigma0);
        CellSummary cell = Fig2Cell.run(protocol, d, mu, seed, repeats, !noCoherence);
        ObjectNode json = cell.toJson();
        json.put("sigma0", sigma0);
        json.put("seed", seed);
        ObjectNode options = json.objectNode();
        options.put("d", d);
        options.put("mu", mu);
        options.put("repeats", repeats);
        options.put("sigma0", sigma0);
        options.put("coherence", !noCoherence);
        RunProvenance.attach(json, java.util.List.of(), options, seed, 1);
        PrintWriter out = console.out();
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        out.flush();
        return 0;
    }
}
