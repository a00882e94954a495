package org.unlearnstability.family;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unlearnstability.family.HessianAssertions.assertRejected;
import static org.unlearnstability.family.HessianAssertions.numberAfter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;

/** The JSON family file of specs/family.md: every accepted form and every rejection rule. */
class FamilyReaderJsonTest {
    private static final String GOOD_FORGET = "\"forget\": [[[1, 0], [0, 1]]]";

    @TempDir
    Path dir;

    private Path json(String text) throws IOException {
        Path file = dir.resolve("family.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A family whose retain set is the given JSON array text and whose forget set is one 2 x 2 identity. */
    private Path retain(String retainArray) throws IOException {
        return json("{\"retain\": " + retainArray + ", " + GOOD_FORGET + "}");
    }

    @Test
    void readsAllThreeFormsAndOptionalFields() throws IOException {
        Path file = json("""
                {"description": "three forms",
                 "hyperparameters": {"eta": 0.5, "alpha": 0.25, "batch": 1},
                 "violation": {"claim": "Theorem 2.2", "ratio": 1.5},
                 "retain": [[[2, 1], [1, 2]], {"diagonal": [1, 0]}],
                 "forget": [{"factor": [[1, 0, 2], [0, 1, 0]]}]}
                """);
        FamilyFile read = FamilyReader.readJson(file);
        HessianFamily family = read.family();
        assertEquals(2, family.dimension());
        assertEquals(2, family.nRetain());
        assertEquals(1, family.nForget());
        assertArrayEquals(new double[][] {{2, 1}, {1, 2}}, ((DenseHessian) family.retain().get(0)).rows());
        assertArrayEquals(new double[] {1, 0}, ((DiagonalHessian) family.retain().get(1)).diagonal());
        FactorHessian factor = (FactorHessian) family.forget().get(0);
        assertEquals(3, factor.rank());
        assertArrayEquals(new double[][] {{1, 0}, {0, 1}, {2, 0}}, factor.columns());
        assertEquals(new Hyperparameters(0.5, 0.25, 1), read.hyperparameters().orElseThrow());
        assertEquals("three forms", read.description().orElseThrow());
        assertEquals(1.5, read.violation().orElseThrow().get("ratio").asDouble());
    }

    @Test
    void optionalFieldsMayBeAbsent() throws IOException {
        FamilyFile read = FamilyReader.readJson(retain("[[[1, 0], [0, 1]]]"));
        assertTrue(read.hyperparameters().isEmpty());
        assertTrue(read.description().isEmpty());
        assertTrue(read.violation().isEmpty());
    }

    @Test
    void symmetrizesWithinTolerance() throws IOException {
        FamilyFile read = FamilyReader.readJson(retain("[[[1, 0.5], [0.50000000001, 1]]]"));
        DenseHessian h = (DenseHessian) read.family().retain().get(0);
        assertEquals(h.entry(0, 1), h.entry(1, 0));
        assertEquals(0.500000000005, h.entry(0, 1), 1e-15);
    }

    @Test
    void rejectsAsymmetry() throws IOException {
        Path file = retain("[[[1, 0], [0, 1]], [[1, 0, 0.5], [0, 1, 0], [0.2, 0, 1]]]");
        InputException e = assertRejected(() -> FamilyReader.readJson(file), file.toString(), "retain", 1,
                "not symmetric: |H[0][2] - H[2][0]| = 0.3 > tolerance 1.0E-10");
        assertEquals("not symmetric: |H[0][2] - H[2][0]| = 0.3 > tolerance 1.0E-10", e.reason());
    }

    @Test
    void symmetryToleranceScalesWithTheLargestEntry() throws IOException {
        // max|H| = 1e6, so the tolerance is 1e-4: a gap of 2e-4 is rejected, one of 5e-5 accepted.
        Path bad = retain("[[[1e6, 0.0002], [0, 1e6]]]");
        assertRejected(() -> FamilyReader.readJson(bad), bad.toString(), "retain", 0,
                "not symmetric: |H[0][1] - H[1][0]| = 2.0E-4 > tolerance 1.0E-4");
        FamilyReader.readJson(retain("[[[1e6, 0.00005], [0, 1e6]]]"));
    }

    @Test
    void rejectsIndefiniteDense() throws IOException {
        Path file = json("{\"retain\": [[[1, 0], [0, 1]]], \"forget\": [[[1, 0], [0, 1]], [[1, 2], [2, 1]]]}");
        InputException e = assertRejected(() -> FamilyReader.readJson(file), file.toString(), "forget", 1,
                "not positive semidefinite: lambda_min = ");
        // The eigenvalues of [[1, 2], [2, 1]] are -1 and 3: the reason states both and the bound 1e-9 * 3.
        assertEquals(-1.0, numberAfter(e, "lambda_min = "), 1e-12);
        assertEquals(-3e-9, numberAfter(e, " < "), 1e-20);
        assertEquals(3.0, numberAfter(e, "lambda_max = "), 1e-12);
        assertTrue(e.reason().contains("(tolerance = 1.0E-9 * max(1, lambda_max = "), e.reason());
    }

    @Test
    void acceptsNegativeEigenvalueWithinTolerance() throws IOException {
        // lambda = 1e6 and -5e-4: the tolerance is 1e-9 * 1e6 = 1e-3.
        FamilyReader.readJson(retain("[[[1e6, 0], [0, -5e-4]]]"));
        Path bad = retain("[[[1e6, 0], [0, -2e-3]]]");
        assertRejected(() -> FamilyReader.readJson(bad), bad.toString(), "retain", 0,
                "not positive semidefinite: lambda_min = -0.002 < -0.001");
    }

    @Test
    void rejectsNegativeDiagonal() throws IOException {
        Path file = retain("[{\"diagonal\": [1, -0.5]}]");
        assertRejected(() -> FamilyReader.readJson(file), file.toString(), "retain", 0,
                "not positive semidefinite: diagonal[1] = -0.5 < -1.0E-9");
    }

    @Test
    void rejectsNonFiniteValuesInEveryForm() throws IOException {
        Path nan = retain("[[[1, 0], [0, NaN]]]");
        assertRejected(() -> FamilyReader.readJson(nan), nan.toString(), "retain", 0, "not finite: H[1][1] = NaN");
        Path overflow = retain("[[[1, 0], [0, 1]], {\"diagonal\": [1e400, 1]}]");
        assertRejected(() -> FamilyReader.readJson(overflow), overflow.toString(), "retain", 1,
                "not finite: diagonal[0] = Infinity");
        Path factor = retain("[{\"factor\": [[1], [-Infinity]]}]");
        assertRejected(() -> FamilyReader.readJson(factor), factor.toString(), "retain", 0,
                "not finite: G[1][0] = -Infinity");
    }

    @Test
    void rejectsNonSquareAndRaggedMatrices() throws IOException {
        Path dense = retain("[[[1, 0], [0, 1, 0]]]");
        assertRejected(() -> FamilyReader.readJson(dense), dense.toString(), "retain", 0,
                "not square: row 1 has length 3, expected 2");
        Path factor = retain("[{\"factor\": [[1, 0], [1]]}]");
        assertRejected(() -> FamilyReader.readJson(factor), factor.toString(), "retain", 0,
                "ragged factor: row 1 of G has length 1, expected 2 (the length of row 0)");
        Path empty = retain("[[]]");
        assertRejected(() -> FamilyReader.readJson(empty), empty.toString(), "retain", 0,
                "empty matrix: d must be at least 1");
    }

    @Test
    void rejectsUnequalDimensions() throws IOException {
        Path file = json("{\"retain\": [[[1, 0], [0, 1]]], \"forget\": [[[1, 0], [0, 1]], {\"diagonal\": [1, 2, 3]}]}");
        assertRejected(() -> FamilyReader.readJson(file), file.toString(), "forget", 1,
                "dimension 3 differs from d = 2 of retain sample 0");
    }

    @Test
    void rejectsEmptyAndMissingSets() throws IOException {
        Path empty = json("{\"retain\": [], " + GOOD_FORGET + "}");
        assertRejected(() -> FamilyReader.readJson(empty), empty.toString(), "retain", -1,
                "empty set: at least one Hessian is needed");
        Path missing = json("{\"retain\": [[[1]]]}");
        assertRejected(() -> FamilyReader.readJson(missing), missing.toString(), "forget", -1,
                "missing required field");
    }

    @Test
    void rejectsWrongStructure() throws IOException {
        Path top = json("[1, 2]");
        assertRejected(() -> FamilyReader.readJson(top), top.toString(), null, -1,
                "the top level must be an object");
        Path set = json("{\"retain\": {\"diagonal\": [1]}, " + GOOD_FORGET + "}");
        assertRejected(() -> FamilyReader.readJson(set), set.toString(), "retain", -1,
                "expected an array of Hessians, found an object");
        Path element = retain("[[[1, 0], [0, 1]], \"identity\"]");
        assertRejected(() -> FamilyReader.readJson(element), element.toString(), "retain", 1,
                "expected " + JsonFamilyParser.FORMS + ", found a string");
        assertEquals("a matrix (array of rows), {\"diagonal\": [...]} or {\"factor\": [[...], ...]}",
                JsonFamilyParser.FORMS);
        Path flat = retain("[[1, 0, 0, 1]]");
        assertRejected(() -> FamilyReader.readJson(flat), flat.toString(), "retain", 0,
                "H[0] is not an array of numbers (found a number)");
        Path text = retain("[[[1, 0], [0, \"1\"]]]");
        assertRejected(() -> FamilyReader.readJson(text), text.toString(), "retain", 0,
                "H[1][1] is not a number (found a string)");
    }

    @Test
    void rejectsUnknownOrDoubledForms() throws IOException {
        Path unknown = retain("[{\"eigenvalues\": [1, 2]}]");
        assertRejected(() -> FamilyReader.readJson(unknown), unknown.toString(), "retain", 0,
                "unknown form \"eigenvalues\"");
        Path two = retain("[{\"diagonal\": [1, 2], \"factor\": [[1], [2]]}]");
        assertRejected(() -> FamilyReader.readJson(two), two.toString(), "retain", 0,
                "a Hessian object has exactly one field, \"diagonal\", found also \"factor\"");
        Path none = retain("[{}]");
        assertRejected(() -> FamilyReader.readJson(none), none.toString(), "retain", 0, "empty object");
        Path diagonal = retain("[{\"diagonal\": 3}]");
        assertRejected(() -> FamilyReader.readJson(diagonal), diagonal.toString(), "retain", 0,
                "\"diagonal\" must be an array of numbers, found a number");
    }

    @Test
    void rejectsUnknownAndMistypedTopLevelFields() throws IOException {
        Path unknown = json("{\"retain\": [[[1]]], \"forget\": [[[1]]], \"comment\": \"x\"}");
        assertRejected(() -> FamilyReader.readJson(unknown), unknown.toString(), "comment", -1,
                "unknown top-level field (allowed: retain, forget, description, hyperparameters, violation)");
        Path description = json("{\"description\": 3, \"retain\": [[[1]]], \"forget\": [[[1]]]}");
        assertRejected(() -> FamilyReader.readJson(description), description.toString(), "description", -1,
                "expected a string, found a number");
        Path violation = json("{\"violation\": [1], \"retain\": [[[1]]], \"forget\": [[[1]]]}");
        assertRejected(() -> FamilyReader.readJson(violation), violation.toString(), "violation", -1,
                "expected an object, found an array");
    }

    @Test
    void rejectsBadHyperparameters() throws IOException {
        String sets = "\"retain\": [[[1]], [[1]]], \"forget\": [[[1]], [[1]], [[1]]]";
        Path unknown = json("{\"hyperparameters\": {\"eta\": 1, \"alpha\": 0.5, \"batch\": 1, \"lr\": 2}, "
                + sets + "}");
        assertRejected(() -> FamilyReader.readJson(unknown), unknown.toString(), "hyperparameters.lr", -1,
                "unknown field (allowed: eta, alpha, batch)");
        Path missing = json("{\"hyperparameters\": {\"alpha\": 0.5, \"batch\": 1}, " + sets + "}");
        assertRejected(() -> FamilyReader.readJson(missing), missing.toString(), "hyperparameters.eta", -1,
                "expected a number, found nothing");
        Path fraction = json("{\"hyperparameters\": {\"eta\": 1, \"alpha\": 0.5, \"batch\": 1.5}, " + sets + "}");
        assertRejected(() -> FamilyReader.readJson(fraction), fraction.toString(), "hyperparameters.batch", -1,
                "expected an integer batch size B, found 1.5");
        Path alpha = json("{\"hyperparameters\": {\"eta\": 1, \"alpha\": 1.5, \"batch\": 1}, " + sets + "}");
        assertRejected(() -> FamilyReader.readJson(alpha), alpha.toString(), "hyperparameters", -1,
                "alpha must lie in [0, 1], got 1.5");
        Path batch = json("{\"hyperparameters\": {\"eta\": 1, \"alpha\": 0.5, \"batch\": 3}, " + sets + "}");
        assertRejected(() -> FamilyReader.readJson(batch), batch.toString(), "hyperparameters.batch", -1,
                "batch size B = 3 exceeds min(n_r, n_f) = 2");
    }

    @Test
    void malformedJsonNamesTheSetAndSampleBeingRead() throws IOException {
        Path file = retain("[[[1, 0], [0, 1]], [[1, 0], [0 1]]]");
        InputException e = assertRejected(() -> FamilyReader.readJson(file), file.toString(), "retain", 1,
                "malformed JSON at line 1, column ");
        assertTrue(e.reason().contains("expecting comma"), e.reason());
        Path duplicate = json("{\"retain\": [[[1]]], \"retain\": [[[1]]], \"forget\": [[[1]]]}");
        assertRejected(() -> FamilyReader.readJson(duplicate), duplicate.toString(), null, -1,
                "malformed JSON at line 1, column ");
        Path trailing = json("{\"retain\": [[[1]]], \"forget\": [[[1]]]} {}");
        assertRejected(() -> FamilyReader.readJson(trailing), trailing.toString(), null, -1,
                "unexpected content after the top-level object");
    }

    @Test
    void missingFileIsAnInputError() {
        Path file = dir.resolve("absent.json");
        assertRejected(() -> FamilyReader.readJson(file), file.toString(), null, -1, "cannot read: no such file");
    }

    @Test
    void plainDenseFormIsAlwaysAccepted() throws IOException {
        FamilyFile read = FamilyReader.readJson(json("{\"retain\": [[[3]]], \"forget\": [[[0]]]}"));
        assertInstanceOf(DenseHessian.class, read.family().retain().get(0));
        assertEquals(1, read.family().dimension());
    }
}
