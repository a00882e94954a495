package org.unlearnstability.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.unlearnstability.family.HessianAssertions.assertRejected;
import static org.unlearnstability.family.HessianAssertions.assertSameFamily;
import static org.unlearnstability.family.HessianAssertions.assertSameHessian;
import static org.unlearnstability.family.HessianAssertions.numberAfter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unlearnstability.family.NpyFixture.Dtype;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;

/** NumPy .npy input: every dtype, byte order, memory order and layout, and every rejection rule. */
class FamilyReaderNpyTest {
    private static final double[][][] IDENTITY2 = {{{1, 0}, {0, 1}}};

    @TempDir
    Path dir;

    static List<Arguments> storages() {
        List<Arguments> all = new ArrayList<>();
        for (Dtype dtype : Dtype.values()) {
            for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                for (boolean fortran : List.of(false, true)) {
                    for (int version = 1; version <= 3; version++) {
                        all.add(Arguments.of(dtype, order, fortran, version));
                    }
                }
            }
        }
        return all;
    }

    private Path npy(String name, double[][][] values, Dtype dtype, ByteOrder order, boolean fortran, int version)
            throws IOException {
        Path file = dir.resolve(name);
        NpyFixture.write(file, values, dtype, order, fortran, version);
        return file;
    }

    private Path npy(String name, double[][][] values) throws IOException {
        return npy(name, values, Dtype.FLOAT64, ByteOrder.LITTLE_ENDIAN, false, 1);
    }

    private Path identity() throws IOException {
        return npy("identity.npy", IDENTITY2);
    }

    /** Values exactly representable in float32, so every storage must give the same Hessians. */
    private static double[][][] denseSamples() {
        return new double[][][] {
            {{2, 1, 0}, {1, 2, 0.5}, {0, 0.5, 1}},
            {{1, 0, 0}, {0, 0, 0}, {0, 0, 0.25}},
        };
    }

    private static double[][][] factorSamples() {
        return new double[][][] {
            {{1, 2}, {-0.5, 0}, {3, 0.125}},
            {{0, 1}, {1, 0}, {-1, 2}},
            {{4, -4}, {0, 0}, {1, 1}},
        };
    }

    @ParameterizedTest(name = "{0} {1} fortran={2} v{3}")
    @MethodSource("storages")
    void readsDenseAndFactorInEveryStorage(Dtype dtype, ByteOrder order, boolean fortran, int version)
            throws IOException {
        Path dense = npy("dense.npy", denseSamples(), dtype, order, fortran, version);
        Path factor = npy("factor.npy", factorSamples(), dtype, order, fortran, version);
        HessianFamily family = FamilyReader.readNpy(dense, factor, NpyLayout.AUTO);
        assertEquals(3, family.dimension());
        for (int s = 0; s < 2; s++) {
            assertSameHessian(DenseHessian.of(denseSamples()[s]), family.retain().get(s), "retain " + s);
        }
        for (int s = 0; s < 3; s++) {
            assertSameHessian(FactorHessian.ofRows(factorSamples()[s]), family.forget().get(s), "forget " + s);
        }
    }

    /**
     * Files written by numpy itself (np.save and numpy.lib.format.write_array, see
     * make_fixtures.py beside them): G[s][i][c] = (s + 1)(i + 1) - 2c + s / 4, H[s] = G[s] G[s]^T.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyFiles")
    void numpyWrittenFilesAreRead(String name) throws URISyntaxException {
        URL url = getClass().getResource("numpy/" + name);
        if (url == null) {
            throw new AssertionError("missing fixture " + name);
        }
        Path file = Path.of(url.toURI());
        boolean factor = name.startsWith("factor");
        HessianFamily family = FamilyReader.readNpy(file, file, factor ? NpyLayout.FACTOR : NpyLayout.AUTO);
        assertEquals(3, family.nRetain());
        for (int s = 0; s < 3; s++) {
            double[][] g = new double[4][2];
            for (int i = 0; i < 4; i++) {
                for (int c = 0; c < 2; c++) {
                    g[i][c] = (s + 1) * (i + 1) - 2 * c + 0.25 * s;
                }
            }
            FactorHessian expected = FactorHessian.ofRows(g);
            Hessian read = family.retain().get(s);
            if (factor) {
                assertSameHessian(expected, read, name + " sample " + s);
            } else {
                assertSameHessian(DenseHessian.of(expected.toMatrix().getData()), read, name + " sample " + s);
            }
        }
    }

    static List<String> numpyFiles() {
        return List.of("dense_f8_c_le.npy", "dense_f4_f_be.npy", "dense_f8_v2.npy", "factor_f8_f_le.npy",
                "factor_f4_c_be.npy", "factor_f4_v3.npy");
    }

    @Test
    void layoutDecidesDenseOrFactorForSquareSamples() throws IOException {
        Path square = npy("square.npy", denseSamples());
        assertInstanceOf(DenseHessian.class, FamilyReader.readNpy(square, square, NpyLayout.AUTO).retain().get(0));
        assertInstanceOf(DenseHessian.class, FamilyReader.readNpy(square, square, NpyLayout.DENSE).retain().get(0));
        HessianFamily asFactors = FamilyReader.readNpy(square, square, NpyLayout.FACTOR);
        FactorHessian g = (FactorHessian) asFactors.retain().get(0);
        assertSameHessian(FactorHessian.ofRows(denseSamples()[0]), g, "G read as a factor");
        Path factor = npy("factor.npy", factorSamples());
        assertRejected(() -> FamilyReader.readNpy(factor, square, NpyLayout.DENSE), factor.toString(), "retain", -1,
                "layout DENSE needs shape (n, d, d), found (3, 3, 2)");
    }

    /** Shape (n, d) is read as diagonals, in C and in Fortran order, and a negative entry is named. */
    @Test
    void diagonalLayoutReadsTwoDimensionalArrays() throws IOException {
        double[][] diagonals = {{1, 2, 3}, {0, 0.5, 4}};
        java.nio.ByteBuffer c = java.nio.ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        java.nio.ByteBuffer f = java.nio.ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < 3; i++) {
                c.putDouble(diagonals[s][i]);
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int s = 0; s < 2; s++) {
                f.putDouble(diagonals[s][i]);
            }
        }
        Path cOrder = dir.resolve("diag_c.npy");
        NpyFixture.writeRaw(cOrder, 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", c.array());
        Path fOrder = dir.resolve("diag_f.npy");
        NpyFixture.writeRaw(fOrder, 1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", f.array());
        for (NpyLayout layout : List.of(NpyLayout.AUTO, NpyLayout.DIAGONAL)) {
            HessianFamily family = FamilyReader.readNpy(cOrder, fOrder, layout);
            for (int s = 0; s < 2; s++) {
                assertSameHessian(org.unlearnstability.linalg.DiagonalHessian.of(diagonals[s]), family.retain().get(s),
                        "C order sample " + s);
                assertSameHessian(org.unlearnstability.linalg.DiagonalHessian.of(diagonals[s]), family.forget().get(s),
                        "Fortran order sample " + s);
            }
        }
        java.nio.ByteBuffer negative = java.nio.ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        negative.putDouble(1).putDouble(-1);
        Path bad = dir.resolve("diag_neg.npy");
        NpyFixture.writeRaw(bad, 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2), }", negative.array());
        assertRejected(() -> FamilyReader.readNpy(bad, cOrder, NpyLayout.DIAGONAL), bad.toString(), "retain", 0,
                "not positive semidefinite: diagonal[1] = -1.0");
    }

    @Test
    void rejectsUnequalDimensionsAcrossFiles() throws IOException {
        Path retain = npy("r.npy", denseSamples());
        Path forget = identity();
        assertRejected(() -> FamilyReader.readNpy(retain, forget, NpyLayout.AUTO), forget.toString(), "forget", 0,
                "dimension 2 differs from d = 3 of retain sample 0 in " + retain);
    }

    @Test
    void rejectsBadSamplesNamingTheirIndex() throws IOException {
        double[][][] values = denseSamples();
        values[1][2][0] = 0.75;
        Path asymmetric = npy("asym.npy", values);
        assertRejected(() -> FamilyReader.readNpy(identity(), asymmetric, NpyLayout.AUTO), asymmetric.toString(),
                "forget", 1, "not symmetric: |H[0][2] - H[2][0]| = 0.75 > tolerance 1.0E-10");
        double[][][] indefinite = {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}, {{0, 1}, {1, 0}}};
        Path bad = npy("indef.npy", indefinite);
        InputException e = assertRejected(() -> FamilyReader.readNpy(bad, identity(), NpyLayout.AUTO), bad.toString(),
                "retain", 2, "not positive semidefinite: lambda_min = ");
        assertEquals(-1.0, numberAfter(e, "lambda_min = "), 1e-12);
        double[][][] nan = factorSamples();
        nan[2][1][1] = Double.NaN;
        Path factor = npy("nan.npy", nan, Dtype.FLOAT32, ByteOrder.BIG_ENDIAN, true, 2);
        assertRejected(() -> FamilyReader.readNpy(factor, factor, NpyLayout.FACTOR), factor.toString(), "retain", 2,
                "not finite: G[1][1] = NaN");
    }

    @Test
    void rejectsWrongDtypeAndRank() throws IOException {
        Path ints = dir.resolve("ints.npy");
        NpyFixture.writeRaw(ints, 1, "{'descr': '<i8', 'fortran_order': False, 'shape': (1, 1, 1), }", new byte[8]);
        assertRejected(() -> FamilyReader.readNpy(ints, identity(), NpyLayout.AUTO), ints.toString(), "retain", -1,
                "malformed .npy header: unsupported dtype '<i8': expected float64 or float32");
        Path flat = dir.resolve("flat.npy");
        NpyFixture.writeRaw(flat, 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", new byte[32]);
        assertRejected(() -> FamilyReader.readNpy(identity(), flat, NpyLayout.AUTO), flat.toString(), "forget", -1,
                "layout auto expects an array of shape (n, d, d), (n, d, k) or (n, d), found shape (4,)");
        Path square = dir.resolve("square.npy");
        NpyFixture.writeRaw(square, 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", new byte[32]);
        assertRejected(() -> FamilyReader.readNpy(identity(), square, NpyLayout.DENSE), square.toString(), "forget", -1,
                "layout dense expects a 3-dimensional array of shape (n, d, d), found shape (2, 2)");
    }

    @Test
    void rejectsMalformedHeaders() throws IOException {
        Path extraKey = dir.resolve("extra.npy");
        NpyFixture.writeRaw(extraKey, 1,
                "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), 'x': 1}", new byte[8]);
        assertRejected(() -> FamilyReader.readNpy(extraKey, extraKey, NpyLayout.AUTO), extraKey.toString(),
                "retain", -1, "malformed .npy header: unexpected key 'x'");
        Path missing = dir.resolve("missing.npy");
        NpyFixture.writeRaw(missing, 1, "{'descr': '<f8', 'shape': (1, 1, 1)}", new byte[8]);
        assertRejected(() -> FamilyReader.readNpy(missing, missing, NpyLayout.AUTO), missing.toString(),
                "retain", -1, "malformed .npy header: missing key");
        Path expression = dir.resolve("expr.npy");
        NpyFixture.writeRaw(expression, 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 2-1)}",
                new byte[8]);
        assertRejected(() -> FamilyReader.readNpy(expression, expression, NpyLayout.AUTO), expression.toString(),
                "retain", -1, "malformed .npy header: expected ','");
        Path notNpy = dir.resolve("text.npy");
        Files.writeString(notNpy, "retain,forget\n", StandardCharsets.US_ASCII);
        assertRejected(() -> FamilyReader.readNpy(notNpy, notNpy, NpyLayout.AUTO), notNpy.toString(), "retain", -1,
                "not a .npy file");
        Path version = dir.resolve("v4.npy");
        NpyFixture.writeRaw(version, 4, "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }",
                new byte[8]);
        assertRejected(() -> FamilyReader.readNpy(version, version, NpyLayout.AUTO), version.toString(), "retain",
                -1, "unsupported .npy format version 4.0");
    }

    @Test
    void rejectsEmptySetsAndEmptyMatrices() throws IOException {
        Path none = dir.resolve("none.npy");
        NpyFixture.writeRaw(none, 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 2, 2), }", new byte[0]);
        assertRejected(() -> FamilyReader.readNpy(identity(), none, NpyLayout.AUTO), none.toString(), "forget", -1,
                "empty set: shape (0, 2, 2) has no samples");
        Path zero = dir.resolve("zero.npy");
        NpyFixture.writeRaw(zero, 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 0, 2), }", new byte[0]);
        assertRejected(() -> FamilyReader.readNpy(zero, identity(), NpyLayout.FACTOR), zero.toString(), "retain", -1,
                "empty matrices: d = 0 in shape (3, 0, 2)");
    }

    /** A header that claims 10^27 elements must fail on arithmetic, before any allocation. */
    @Test
    void hostileShapeIsRejectedBeforeAllocating() throws IOException {
        Path huge = dir.resolve("huge.npy");
        NpyFixture.writeRaw(huge, 1,
                "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000, 1000000000, 1000000000), }",
                new byte[64]);
        assertRejected(() -> FamilyReader.readNpy(huge, identity(), NpyLayout.AUTO), huge.toString(), "retain", -1,
                "declared shape (1000000000, 1000000000, 1000000000) of float64 little-endian needs more than "
                        + Long.MAX_VALUE + " bytes");
        Path large = dir.resolve("large.npy");
        NpyFixture.writeRaw(large, 2, "{'descr': '>f4', 'fortran_order': True, 'shape': (100000, 1000, 1000), }",
                new byte[400]);
        assertRejected(() -> FamilyReader.readNpy(identity(), large, NpyLayout.AUTO), large.toString(), "forget", -1,
                "declared shape (100000, 1000, 1000) of float32 big-endian needs 400000000000 bytes of data,"
                        + " the file holds 400");
        Path python = dir.resolve("python.npy");
        NpyFixture.writeRaw(python, 1,
                "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999999, 1, 1), }", new byte[8]);
        assertRejected(() -> FamilyReader.readNpy(python, identity(), NpyLayout.AUTO), python.toString(), "retain",
                -1, "malformed .npy header: shape entry 99999999999999999999999 exceeds");
    }

    @Test
    void hostileHeaderLengthIsRejectedBeforeAllocating() throws IOException {
        Path longHeader = dir.resolve("longheader.npy");
        NpyFixture.writePrefix(longHeader, 2, 0xfffffff0L, new byte[16]);
        assertRejected(() -> FamilyReader.readNpy(longHeader, identity(), NpyLayout.AUTO), longHeader.toString(),
                "retain", -1, "header length 4294967280 exceeds 10000 bytes");
        Path pastEnd = dir.resolve("pastend.npy");
        NpyFixture.writePrefix(pastEnd, 1, 5000, new byte[16]);
        assertRejected(() -> FamilyReader.readNpy(pastEnd, identity(), NpyLayout.AUTO), pastEnd.toString(),
                "retain", -1, "header length 5000 runs past the end of the file (26 bytes)");
    }

    @Test
    void rejectsTruncatedAndOverlongData() throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2, 2), }";
        Path truncated = dir.resolve("truncated.npy");
        NpyFixture.writeRaw(truncated, 1, header, new byte[56]);
        assertRejected(() -> FamilyReader.readNpy(truncated, identity(), NpyLayout.AUTO), truncated.toString(),
                "retain", -1, "declared shape (2, 2, 2) of float64 little-endian needs 64 bytes of data,"
                        + " the file holds 56");
        Path overlong = dir.resolve("overlong.npy");
        NpyFixture.writeRaw(overlong, 1, header, new byte[72]);
        assertRejected(() -> FamilyReader.readNpy(overlong, identity(), NpyLayout.AUTO), overlong.toString(),
                "retain", -1, "declared shape (2, 2, 2) of float64 little-endian needs 64 bytes of data,"
                        + " the file holds 72");
    }

    @Test
    void missingFileIsAnInputError() throws IOException {
        Path absent = dir.resolve("absent.npy");
        assertRejected(() -> FamilyReader.readNpy(identity(), absent, NpyLayout.AUTO), absent.toString(), null, -1,
                "cannot read: no such file");
        Path directory = dir.resolve("sub");
        Files.createDirectory(directory);
        assertRejected(() -> FamilyReader.readNpy(directory, identity(), NpyLayout.AUTO), directory.toString(), null,
                -1, "cannot read: IOException Is a directory");
    }

    /**
     * A PSD matrix rounded to float32 is in general slightly indefinite; the float32 storage term
     * of the tolerance accepts it, while a truly indefinite float32 matrix is still rejected.
     */
    @Test
    void float32RoundingOfAPsdMatrixIsAcceptedButIndefinitenessIsNot() throws IOException {
        SeededHessians random = new SeededHessians(20_251_129L);
        double[][][] lowRank = new double[20][][];
        for (int s = 0; s < lowRank.length; s++) {
            lowRank[s] = random.denseRows(12, 3);
        }
        Path rounded = npy("rounded.npy", lowRank, Dtype.FLOAT32, ByteOrder.LITTLE_ENDIAN, false, 1);
        HessianFamily read = FamilyReader.readNpy(rounded, rounded, NpyLayout.DENSE);
        // The same rounded values judged by the float64 bound alone: some fail, which is why the storage term exists.
        FamilyValidator doubles = FamilyValidator.forDoubles("rounded values");
        long failing = read.retain().stream().filter(h -> {
            try {
                doubles.dense("retain", 0, ((DenseHessian) h).rows());
                return false;
            } catch (InputException e) {
                return true;
            }
        }).count();
        assertTrue(failing > 0, "float32 rounding of rank-3 matrices stays within 1e-9 * lambda_max");
        double[][][] indefinite = {random.denseRows(12, 3)};
        double trace = 0.0;
        for (int i = 0; i < 12; i++) {
            trace += indefinite[0][i][i];
        }
        indefinite[0][5][5] -= 1e-3 * trace;
        Path bad = npy("bad32.npy", indefinite, Dtype.FLOAT32, ByteOrder.LITTLE_ENDIAN, false, 1);
        assertRejected(() -> FamilyReader.readNpy(bad, rounded, NpyLayout.DENSE), bad.toString(), "retain", 0,
                "not positive semidefinite");
    }

    /**
     * Property: a random PSD family stored as .npy in a random dtype, byte order, memory order and
     * format version reads back as the same Hessians (after float32 rounding where stored as float32).
     */
    @Test
    void npyRoundTripIsExact() {
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 6), integers().between(0, 15),
                booleans().all()).checkAssert((seed, d, storage, factor) -> {
                    Dtype dtype = (storage & 1) == 0 ? Dtype.FLOAT64 : Dtype.FLOAT32;
                    ByteOrder order = (storage & 2) == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                    boolean fortran = (storage & 4) != 0;
                    int version = 1 + (storage & 8) / 8;
                    SeededHessians random = new SeededHessians(seed);
                    double[][][] retain = factor ? random.factorSamples(3, d, d + 1) : random.denseSamples(3, d);
                    double[][][] forget = factor ? random.factorSamples(2, d, 1) : random.denseSamples(2, d);
                    NpyLayout layout = factor ? NpyLayout.FACTOR : NpyLayout.DENSE;
                    HessianFamily read;
                    try {
                        read = FamilyReader.readNpy(npy("r.npy", retain, dtype, order, fortran, version),
                                npy("f.npy", forget, dtype, order, fortran, version), layout);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    assertSameFamily(expected(retain, forget, dtype == Dtype.FLOAT32, factor), read);
                });
    }

    private static HessianFamily expected(double[][][] retain, double[][][] forget, boolean float32, boolean factor) {
        return new HessianFamily(hessians(retain, float32, factor), hessians(forget, float32, factor));
    }

    private static List<Hessian> hessians(double[][][] samples, boolean float32, boolean factor) {
        List<Hessian> hessians = new ArrayList<>();
        for (double[][] sample : samples) {
            double[][] stored = new double[sample.length][];
            for (int i = 0; i < sample.length; i++) {
                stored[i] = sample[i].clone();
                for (int j = 0; j < stored[i].length && float32; j++) {
                    stored[i][j] = (float) stored[i][j];
                }
            }
            hessians.add(factor ? FactorHessian.ofRows(stored) : DenseHessian.of(stored));
        }
        return hessians;
    }
}
