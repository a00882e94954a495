package org.unlearnstability.family;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads a Hessian family (paper, section 2.1) from user files, validated by {@link FamilyValidator}:
 * a JSON family file, or one NumPy .npy file per set. The formats are specified in specs/family.md.
 * Every rejection is an {@link InputException} naming the file, the set, the sample index and the
 * reason, which the command line prints as one line before exiting with status 2.
 */
public final class FamilyReader {
    private FamilyReader() {
    }

    /**
     * Reads a JSON family file: an object with arrays "retain" and "forget" of Hessians, each a dense
     * matrix (array of rows), {"diagonal": [...]} or {"factor": [[...], ...]}, and the optional
     * fields "description", "hyperparameters" and "violation".
     *
     * @param file the JSON file
     * @return the family and its optional fields
     * @throws InputException when the file cannot be read or is not a valid family file
     */
    public static FamilyFile readJson(Path file) {
        return new JsonFamilyParser(file).parse();
    }

    /**
     * Reads one .npy file per set, each of shape (n, d, d) or (n, d, k), float64 or float32,
     * either byte order, C or Fortran order.
     *
     * @param retain the retain-set file
     * @param forget the forget-set file
     * @param layout whether samples are dense matrices or factors G (H = G G^T)
     * @return the family
     * @throws InputException when a file cannot be read, is not an accepted array, or the sets differ in d
     */
    public static HessianFamily readNpy(Path retain, Path forget, NpyLayout layout) {
        NpyReader.FileSet retainSet = NpyReader.read(retain, "retain", layout);
        NpyReader.FileSet forgetSet = NpyReader.read(forget, "forget", layout);
        return FamilyValidator.family(retainSet.hessians(), retainSet.validator(),
                forgetSet.hessians(), forgetSet.validator());
    }

    /**
     * Reads an .npz bundle (numpy.savez): {@code retain} and {@code forget} arrays of a {@code layout}
     * (dense (n, d, d), factor (n, d, k) or diagonal (n, d)), or the Gram matrix {@code factor_gram} of all
     * factor columns with {@code n_retain}, {@code n_forget}, {@code rank} and {@code dimension} (the family is
     * then returned in span coordinates, see {@link FactorGram}); optional {@code eta}, {@code alpha},
     * {@code batch} and {@code description}. Schema and limits: specs/family.md.
     *
     * @param bundle the .npz file
     * @param fallback the layout used when the bundle has no {@code layout} key
     * @return the family and its optional fields
     * @throws InputException naming the file, the key and the reason when the bundle is not accepted
     */
    public static FamilyFile readNpz(Path bundle, NpyLayout fallback) {
        return NpzReader.read(bundle, fallback);
    }

    /**
     * @param bundle an .npz bundle that {@link #readNpz} accepted
     * @return whether it holds a factor Gram (the family is then known up to a rotation of R^d only)
     * @throws InputException when the archive cannot be read
     */
    public static boolean isFactorGramBundle(Path bundle) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(bundle.toFile())) {
            return zip.getEntry("factor_gram.npy") != null;
        } catch (IOException e) {
            throw unreadable(bundle.toString(), e);
        }
    }

    /**
     * @param source the file
     * @param e why it could not be read
     * @return the one-line rejection "cannot read: ..."
     */
    static InputException unreadable(String source, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else {
            String message = e.getMessage();
            reason = e.getClass().getSimpleName() + (message == null ? "" : " " + message);
        }
        return new InputException(source, null, -1, "cannot read: " + reason);
    }
}
