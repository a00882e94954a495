package org.unlearnstability.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.dynamics.Hyperparameters;
import org.unlearnstability.family.FamilyFile;
import org.unlearnstability.family.FamilyReader;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.NpyLayout;
import picocli.CommandLine.Option;

/**
 * Where a command reads its Hessian family: a JSON family file, or one NumPy .npy file per set
 * (the formats of specs/family.md).
 */
public final class FamilyInput {
    @Option(names = "--family", paramLabel = "FILE", description = "JSON family file (see specs/family.md).")
    private @Nullable Path family;

    @Option(names = "--retain", paramLabel = "FILE",
            description = ".npy file of retain Hessians, shape (n, d, d) or (n, d, k).")
    private @Nullable Path retain;

    @Option(names = "--forget", paramLabel = "FILE",
            description = ".npy file of forget Hessians, shape (n, d, d) or (n, d, k).")
    private @Nullable Path forget;

    @Option(names = "--npy-layout", defaultValue = "AUTO",
            description = "How to read .npy shapes: ${COMPLETION-CANDIDATES} (AUTO: (n,d,d) dense, else factor).")
    private NpyLayout layout = NpyLayout.AUTO;

    /**
     * A loaded family and the hyper-parameters its file carried, if any.
     *
     * @param family the family
     * @param hyperparameters hyper-parameters stored in the JSON file
     */
    public record Loaded(HessianFamily family, Optional<Hyperparameters> hyperparameters) {
    }

    /** @return the files the family is read from, as given */
    public List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (@Nullable Path p : new @Nullable Path[] {family, retain, forget}) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** @return the family named on the command line */
    public Loaded load() {
        Path json = family;
        Path retainFile = retain;
        Path forgetFile = forget;
        if (json != null && retainFile == null && forgetFile == null) {
            FamilyFile file = FamilyReader.readJson(json);
            return new Loaded(file.family(), file.hyperparameters());
        }
        if (json == null && retainFile != null && forgetFile != null) {
            return new Loaded(FamilyReader.readNpy(retainFile, forgetFile, layout), Optional.empty());
        }
        throw new UsageException("give either --family FILE.json or both --retain R.npy and --forget F.npy");
    }
}
