package org.unlearnstability.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unlearnstability.family.HessianAssertions.assertRejected;
import static org.unlearnstability.family.HessianAssertions.assertSameFamily;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;

/** .npz bundles: every layout, the factor Gram form, optional keys, and every rejection with its one line. */
class NpzReaderTest {
    private static final double[][][] FACTORS = {{{1, 0}, {0, 2}, {1, 1}}, {{0.5, 0}, {0, 0}, {2, 1}}};
    private static final double[][][] FORGET_FACTORS = {{{0, 1}, {1, 0}, {0, 0}}};

    @TempDir
    Path dir;

    private NpzBundles bundle() {
        return NpzBundles.in(dir);
    }

    private Path factorBundle() throws IOException {
        return bundle().array("retain", FACTORS).array("forget", FORGET_FACTORS).text("layout", "factor")
                .write(dir.resolve("f.npz"));
    }

    @Test
    void factorBundleGivesTheSameFamilyAsNpyFiles() throws IOException {
        FamilyFile read = FamilyReader.readNpz(factorBundle(), NpyLayout.AUTO);
        Path retain = dir.resolve("r.npy");
        Path forget = dir.resolve("f.npy");
        NpyFixture.write(retain, FACTORS, NpyFixture.Dtype.FLOAT64, java.nio.ByteOrder.LITTLE_ENDIAN, false, 1);
        NpyFixture.write(forget, FORGET_FACTORS, NpyFixture.Dtype.FLOAT64, java.nio.ByteOrder.BIG_ENDIAN, true, 2);
        assertSameFamily(FamilyReader.readNpy(retain, forget, NpyLayout.FACTOR), read.family());
        assertInstanceOf(FactorHessian.class, read.family().retain().get(0));
        assertTrue(read.hyperparameters().isEmpty());
    }

    @Test
    void layoutIsCaseInsensitiveAndDenseAndDiagonalLayoutsAreRead() throws IOException {
        double[][][] dense = {{{2, 1}, {1, 2}}};
        Path denseBundle = bundle().array("retain", dense).array("forget", dense).text("layout", "DENSE")
                .write(dir.resolve("d.npz"));
        assertInstanceOf(DenseHessian.class,
                FamilyReader.readNpz(denseBundle, NpyLayout.AUTO).family().forget().get(0));
        Path diagonalBundle = bundle().matrix("retain", new double[][] {{1, 2, 0}, {0, 0, 3}})
                .matrix("forget", new double[][] {{1, 1, 1}}).text("layout", "Diagonal").write(dir.resolve("g.npz"));
        HessianFamily family = FamilyReader.readNpz(diagonalBundle, NpyLayout.AUTO).family();
        DiagonalHessian second = assertInstanceOf(DiagonalHessian.class, family.retain().get(1));
        assertEquals(3.0, second.diagonal()[2]);
        assertEquals(3, family.dimension());
    }

    @Test
    void optionalHyperparametersAndDescriptionAreRead() throws IOException {
        Path file = bundle().array("retain", FACTORS).array("forget", FORGET_FACTORS).text("layout", "factor")
                .real("eta", 0.25).real("alpha", 0.5).integer("batch", 1).text("description", "tiny MLP")
                .write(dir.resolve("h.npz"));
        FamilyFile read = FamilyReader.readNpz(file, NpyLayout.AUTO);
        assertEquals(new Hyperparameters(0.25, 0.5, 1), read.hyperparameters().orElseThrow());
        assertEquals("tiny MLP", read.description().orElseThrow());
    }

    @Test
    void factorGramBundleGivesTheFamilyInSpanCoordinates() throws IOException {
        HessianFamily factors = FamilyReader.readNpz(factorBundle(), NpyLayout.AUTO).family();
        double[][] gram = gram(factors);
        Path file = bundle().matrix("factor_gram", gram).integer("n_retain", 2).integer("n_forget", 1)
                .integer("rank", 2).integer("dimension", 3).write(dir.resolve("k.npz"));
        HessianFamily span = FamilyReader.readNpz(file, NpyLayout.AUTO).family();
        assertEquals(3, span.ambientDimension());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(factors.all().get(i).frobeniusInner(factors.all().get(j)),
                        span.all().get(i).frobeniusInner(span.all().get(j)), 1e-12, "Tr(H_i H_j)");
            }
        }
    }

    private static double[][] gram(HessianFamily family) {
        java.util.List<double[]> columns = new java.util.ArrayList<>();
        for (var h : family.all()) {
            columns.addAll(java.util.Arrays.asList(((FactorHessian) h).columns()));
        }
        double[][] gram = new double[columns.size()][columns.size()];
        for (int i = 0; i < gram.length; i++) {
            for (int j = 0; j < gram.length; j++) {
                for (int p = 0; p < columns.get(i).length; p++) {
                    gram[i][j] += columns.get(i)[p] * columns.get(j)[p];
                }
            }
        }
        return gram;
    }

    @Test
    void missingKeysAreNamed() throws IOException {
        Path noForget = bundle().array("retain", FACTORS).write(dir.resolve("m.npz"));
        assertRejected(() -> FamilyReader.readNpz(noForget, NpyLayout.AUTO), noForget.toString(), "forget", -1,
                "missing key");
        Path noRank = bundle().matrix("factor_gram", new double[][] {{1}}).integer("n_retain", 1)
                .integer("n_forget", 1).integer("dimension", 2).write(dir.resolve("n.npz"));
        assertRejected(() -> FamilyReader.readNpz(noRank, NpyLayout.AUTO), noRank.toString(), "rank", -1,
                "missing key");
        Path partialHyper = bundle().array("retain", FACTORS).array("forget", FORGET_FACTORS).real("eta", 0.5)
                .write(dir.resolve("p.npz"));
        assertRejected(() -> FamilyReader.readNpz(partialHyper, NpyLayout.AUTO), partialHyper.toString(), "alpha", -1,
                "missing key: eta, alpha and batch come together");
    }

    @Test
    void unexpectedKeysAndUnknownLayoutsAreRejected() throws IOException {
        Path extra = bundle().array("retain", FACTORS).array("forget", FORGET_FACTORS).real("lr", 0.5)
                .write(dir.resolve("x.npz"));
        assertRejected(() -> FamilyReader.readNpz(extra, NpyLayout.AUTO), extra.toString(), "lr", -1,
                "unexpected key (accepted: retain, forget, layout");
        Path layout = bundle().array("retain", FACTORS).array("forget", FORGET_FACTORS).text("layout", "sparse")
                .write(dir.resolve("l.npz"));
        assertRejected(() -> FamilyReader.readNpz(layout, NpyLayout.AUTO), layout.toString(), "layout", -1,
                "unknown layout 'sparse'");
    }

    @Test
    void wrongShapesAndDtypesAreRejected() throws IOException {
        Path flat = bundle().raw("retain", "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", new byte[32])
                .array("forget", FORGET_FACTORS).write(dir.resolve("s.npz"));
        assertRejected(() -> FamilyReader.readNpz(flat, NpyLayout.AUTO), flat.toString(), "retain", -1,
                "layout auto expects an array of shape (n, d, d), (n, d, k) or (n, d), found shape (4,)");
        Path ints = bundle().raw("retain", "{'descr': '<i8', 'fortran_order': False, 'shape': (1, 1, 1), }",
                new byte[8]).array("forget", FORGET_FACTORS).write(dir.resolve("i.npz"));
        assertRejected(() -> FamilyReader.readNpz(ints, NpyLayout.AUTO), ints.toString(), "retain", -1,
                "malformed .npy header: unsupported dtype '<i8': expected float64 or float32");
        Path gramShape = bundle().matrix("factor_gram", new double[][] {{1, 0}, {0, 1}}).integer("n_retain", 2)
                .integer("n_forget", 1).integer("rank", 1).integer("dimension", 5).write(dir.resolve("q.npz"));
        assertRejected(() -> FamilyReader.readNpz(gramShape, NpyLayout.AUTO), gramShape.toString(), "factor_gram", -1,
                "expected shape (3, 3)");
        Path batch = bundle().array("retain", FACTORS).array("forget", FORGET_FACTORS).real("eta", 0.5)
                .real("alpha", 0.5).real("batch", 1.0).write(dir.resolve("b.npz"));
        assertRejected(() -> FamilyReader.readNpz(batch, NpyLayout.AUTO), batch.toString(), "batch", -1,
                "expected an integer, found dtype '<f8'");
    }

    @Test
    void nonFiniteValuesAreRejected() throws IOException {
        double[][][] nan = {{{1, 0}, {0, Double.NaN}, {1, 1}}};
        Path factors = bundle().array("retain", nan).array("forget", FORGET_FACTORS).text("layout", "factor")
                .write(dir.resolve("nan.npz"));
        assertRejected(() -> FamilyReader.readNpz(factors, NpyLayout.AUTO), factors.toString(), "retain", 0,
                "not finite: G[1][1] = NaN");
        Path gram = bundle().matrix("factor_gram", new double[][] {{1, Double.POSITIVE_INFINITY},
            {Double.POSITIVE_INFINITY, 1}}).integer("n_retain", 1).integer("n_forget", 1).integer("rank", 1)
                .integer("dimension", 2).write(dir.resolve("inf.npz"));
        assertRejected(() -> FamilyReader.readNpz(gram, NpyLayout.AUTO), gram.toString(), "factor_gram", -1,
                "not finite: [0][1] = Infinity");
        Path eta = bundle().array("retain", FACTORS).array("forget", FORGET_FACTORS).real("eta", Double.NaN)
                .real("alpha", 0.5).integer("batch", 1).write(dir.resolve("eta.npz"));
        assertRejected(() -> FamilyReader.readNpz(eta, NpyLayout.AUTO), eta.toString(), "eta", -1, "not finite");
    }

    @Test
    void gramThatIsNoGramMatrixIsRejected() throws IOException {
        Path indefinite = bundle().matrix("factor_gram", new double[][] {{1, 2}, {2, 1}}).integer("n_retain", 1)
                .integer("n_forget", 1).integer("rank", 1).integer("dimension", 2).write(dir.resolve("neg.npz"));
        assertRejected(() -> FamilyReader.readNpz(indefinite, NpyLayout.AUTO), indefinite.toString(), "factor_gram",
                -1, "not positive semidefinite: lambda_min = -0.99");
        Path tooLowD = bundle().matrix("factor_gram", new double[][] {{1, 0}, {0, 1}}).integer("n_retain", 1)
                .integer("n_forget", 1).integer("rank", 1).integer("dimension", 1).write(dir.resolve("rk.npz"));
        assertRejected(() -> FamilyReader.readNpz(tooLowD, NpyLayout.AUTO), tooLowD.toString(), "factor_gram", -1,
                "rank 2 exceeds dimension d = 1");
    }

    @Test
    void pickledObjectArraysAreNeverLoaded() throws IOException {
        Path pickled = bundle().raw("retain", "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }",
                "\u0080\u0004cos\nsystem\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .array("forget", FORGET_FACTORS).write(dir.resolve("o.npz"));
        assertRejected(() -> FamilyReader.readNpz(pickled, NpyLayout.AUTO), pickled.toString(), "retain", -1,
                "malformed .npy header: dtype '|O' is a pickled Python object array (numpy's allow_pickle): rejected");
    }

    @Test
    void zipBombsStopWhileInflating() throws IOException {
        // 4 MiB of zeros deflate about 1000-fold: past a 1 MiB cap, and past a ratio of 100 beyond 64 KiB.
        double[][][] zeros = new double[1][512][1024];
        Path file = bundle().array("retain", zeros).array("forget", zeros).write(dir.resolve("z.npz"));
        assertRejected(() -> NpzReader.read(file, NpyLayout.AUTO, new NpzReader.Limits(1 << 20, 100_000, 1 << 16)),
                file.toString(), "retain", -1, "declares 4194432 uncompressed bytes, more than the cap of 1048576");
        assertRejected(() -> NpzReader.read(file, NpyLayout.AUTO, new NpzReader.Limits(1L << 30, 100, 1 << 16)),
                file.toString(), "retain", -1, "inflates more than 100 times its");
        // Pure zeros deflate slightly more than 1000-fold, so the default ratio cap stops them too.
        assertRejected(() -> NpzReader.read(file, NpyLayout.AUTO), file.toString(), "retain", -1,
                "inflates more than 1000 times its");
    }

    @Test
    void notAZipArchiveIsRejected() throws IOException {
        Path text = dir.resolve("t.npz");
        java.nio.file.Files.writeString(text, "retain,forget\n");
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> FamilyReader.readNpz(text, NpyLayout.AUTO));
        assertTrue(e.getMessage().startsWith(text + ": not a readable .npz (zip) archive"), e.getMessage());
    }
}
