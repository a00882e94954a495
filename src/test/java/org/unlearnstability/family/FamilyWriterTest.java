package org.unlearnstability.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.unlearnstability.family.HessianAssertions.assertSameFamily;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;

/** Writing a family file and reading it back gives the same Hessians in the same forms. */
class FamilyWriterTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsAllThreeFormsAndTheOptionalFields() throws IOException {
        List<Hessian> retain = List.of(
                DenseHessian.of(new double[][] {{2.0, 0.1}, {0.1, 1.0 / 3.0}}),
                DiagonalHessian.of(new double[] {0.0, Math.PI}));
        List<Hessian> forget = List.of(
                FactorHessian.ofRows(new double[][] {{1e-300, -2.5, 7.0}, {Math.E, 0.0, -0.0}}),
                FactorHessian.ofRows(new double[][] {{}, {}}));
        ObjectNode violation = JsonNodeFactory.instance.objectNode().put("claim", "Theorem 2.3").put("ratio", 1.25);
        FamilyFile written = new FamilyFile(new HessianFamily(retain, forget),
                Optional.of(new Hyperparameters(0.1, 0.3, 1)), Optional.of("a \"quoted\" note"),
                Optional.of(violation));
        Path file = dir.resolve("family.json");
        FamilyWriter.write(file, written);
        FamilyFile read = FamilyReader.readJson(file);
        assertSameFamily(written.family(), read.family());
        assertEquals(written.hyperparameters(), read.hyperparameters());
        assertEquals(written.description(), read.description());
        assertEquals(violation, read.violation().orElseThrow());
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("out.json");
        Files.writeString(file, "old contents");
        HessianFamily family = new HessianFamily(List.of(DiagonalHessian.of(new double[] {1.0})),
                List.of(DiagonalHessian.of(new double[] {2.0})));
        FamilyWriter.write(file, FamilyFile.of(family));
        assertSameFamily(family, FamilyReader.readJson(file).family());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void streamOutputIsOneJsonObject() throws IOException {
        HessianFamily family = new HessianFamily(List.of(DenseHessian.of(new double[][] {{1.0}})),
                List.of(FactorHessian.rankOne(new double[] {2.0})));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FamilyWriter.write(out, FamilyFile.of(family));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{") && text.endsWith("}\n"), text);
        assertTrue(text.contains("\"factor\""), text);
    }

    /**
     * Property: for random PSD families (dense A A^T, nonnegative diagonals, factors of 0..d+1
     * columns, entries scaled by 1e-3..1e3), writing then reading gives bit-identical Hessians in
     * the same representation, hence identical Frobenius products Tr(H_i H_j). QuickTheories prints
     * the falsifying (seed, d, n_r, n_f).
     */
    @Test
    void writingThenReadingGivesIdenticalHessians() {
        qt().withExamples(150).forAll(longs().all(), integers().between(1, 7), integers().between(1, 5),
                integers().between(1, 5)).checkAssert((seed, d, nRetain, nForget) -> {
                    HessianFamily family = new SeededHessians(seed).mixed(d, nRetain, nForget);
                    Path file = dir.resolve("property.json");
                    try {
                        FamilyWriter.write(file, FamilyFile.of(family));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    assertSameFamily(family, FamilyReader.readJson(file).family());
                });
    }
}
