package org.unlearnstability.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.FamilyReader;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.report.GoldenFile;

/**
 * Regression of {@code analyze} against golden/analyze/*.json (relative tolerance 1e-9, absolute
 * 1e-12; rewritten only with -Dgolden.update=true).
 */
class AnalyzeGoldenTest {

    static Stream<Arguments> fixedFamilies() {
        Hyperparameters paper = new Hyperparameters(0.5, 0.1, 10);
        return Stream.of(
                Arguments.of("section31-q1", PaperConstruction.section31(50, 1), paper),
                Arguments.of("section31-q10", PaperConstruction.section31(50, 10), paper),
                Arguments.of("section31-q50", PaperConstruction.section31(50, 50), paper),
                Arguments.of("tiny", FamilyReader.readJson(Path.of("specs/examples/tiny.json")).family(),
                        new Hyperparameters(0.5, 0.1, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixedFamilies")
    void analyzeOutputMatchesGolden(String name, HessianFamily family, Hyperparameters hyper) throws Exception {
        JsonNode json = AnalyzeCommand.analysis(family, hyper, 5);
        GoldenFile.at(Path.of("golden", "analyze", name + ".json")).assertMatches(json);
    }
}
