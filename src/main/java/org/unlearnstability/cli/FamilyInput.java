package org.unlearnstability.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.FamilyFile;
import org.unlearnstability.family.FamilyReader;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.NpyLayout;
import picocli.CommandLine.Option;

/**
 * Where a command reads its Hessian family: a JSON family file, one NumPy .npy file per set, or one
 * NumPy .npz bundle (the formats of specs/family.md).
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

    @Option(names = "--npz", paramLabel = "BUNDLE",
            description = ".npz bundle: retain, forget and layout, or factor_gram with n_retain, n_forget, rank and "
                    + "dimension (tools/export_curvature.py writes both; see specs/family.md).")
    private @Nullable Path npz;

    @Option(names = "--npy-layout", defaultValue = "AUTO",
            description = "How to read .npy shapes (and .npz without a layout key): ${COMPLETION-CANDIDATES}, "
                    + "case-insensitive (AUTO: (n,d) diagonal, (n,d,d) dense, else factor).")
    private NpyLayout layout = NpyLayout.AUTO;

    /**
     * A loaded family and the hyper-parameters its file carried, if any.
     *
     * @param family the family
     * @param hyperparameters hyper-parameters stored in the JSON file
     * @param fromFactorGram whether the family was rebuilt from a factor Gram bundle: then it is known only up to
     *     a rotation of R^d (in span coordinates), enough for every quantity of analyze, not for simulate
     */
    public record Loaded(HessianFamily family, Optional<Hyperparameters> hyperparameters, boolean fromFactorGram) {
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
        Path bundle = npz;
        if (bundle != null && json == null && retainFile == null && forgetFile == null) {
            FamilyFile file = FamilyReader.readNpz(bundle, layout);
            return new Loaded(file.family(), file.hyperparameters(), FamilyReader.isFactorGramBundle(bundle));
        }
        if (bundle != null) {
            throw new UsageException("give --npz BUNDLE alone, not with --family, --retain or --forget");
        }
        if (json != null && retainFile == null && forgetFile == null) {
            FamilyFile file = FamilyReader.readJson(json);
            return new Loaded(file.family(), file.hyperparameters(), false);
        }
        if (json == null && retainFile != null && forgetFile != null) {
            return new Loaded(FamilyReader.readNpy(retainFile, forgetFile, layout), Optional.empty(), false);
        }
        throw new UsageException(
                "give --family FILE.json, --npz BUNDLE.npz, or both --retain R.npy and --forget F.npy");
    }
}
