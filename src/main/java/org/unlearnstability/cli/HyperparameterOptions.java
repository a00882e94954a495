package org.unlearnstability.cli;

import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.definitions.Hyperparameters;
import picocli.CommandLine.Option;

/**
 * The hyper-parameters of update (2) on the command line. Each may be omitted when the family file
 * carries a "hyperparameters" object (as the audit's counterexample files do); the command line wins.
 */
public final class HyperparameterOptions {
    @Option(names = "--eta", description = "Learning rate eta > 0.")
    private @Nullable Double eta;

    @Option(names = "--alpha", description = "Forget weight alpha in [0, 1].")
    private @Nullable Double alpha;

    @Option(names = {"--batch", "-B"}, description = "Batch size B, 1 <= B <= min(n_r, n_f).")
    private @Nullable Integer batch;

    /**
     * @param loaded the family and the hyper-parameters its file carried, if any
     * @return the validated hyper-parameters, which fit the family (B at most min(n_r, n_f))
     * @throws UsageException naming the option when a value is missing or out of range
     */
    public Hyperparameters resolve(FamilyInput.Loaded loaded) {
        Optional<Hyperparameters> fromFile = loaded.hyperparameters();
        @Nullable Double e = eta != null ? eta : fromFile.map(Hyperparameters::eta).orElse(null);
        @Nullable Double a = alpha != null ? alpha : fromFile.map(Hyperparameters::alpha).orElse(null);
        @Nullable Integer b = batch != null ? batch : fromFile.map(Hyperparameters::batch).orElse(null);
        if (e == null || a == null || b == null) {
            throw new UsageException("--eta, --alpha and --batch are required (the family file has no "
                    + "\"hyperparameters\" object to take them from)");
        }
        try {
            Hyperparameters hyper = new Hyperparameters(e, a, b);
            hyper.requireFits(loaded.family());
            return hyper;
        } catch (IllegalArgumentException invalid) {
            // Hyperparameters states the valid range; here it is the user's option value that is out of it.
            throw new UsageException(String.valueOf(invalid.getMessage()));
        }
    }
}
