package org.unlearnstability;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package order written down in {@code org/unlearnstability/package-info.java}: every package
 * depends only on the layers below it (and a package never on a sibling of its own layer), so the
 * package graph has no cycles. Only main code is checked; tests may reach across layers.
 */
class PackageLayersTest {
    private static final String ROOT = "org.unlearnstability";
    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** The layers, bottom to top; each line's packages may use only the lines above it in this list. */
    static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("kernels").definedBy(pkg("linalg"), pkg("rng"), pkg("engine"))
                .layer("definitions").definedBy(pkg("definitions"))
                .layer("io").definedBy(pkg("io"))
                .layer("family").definedBy(pkg("family"))
                .layer("coherence").definedBy(pkg("coherence"))
                .layer("dynamics").definedBy(pkg("dynamics"))
                .layer("theory").definedBy(pkg("theory"))
                .layer("report").definedBy(pkg("report"))
                .layer("audit").definedBy(pkg("audit"))
                .layer("cnn").definedBy(pkg("cnn"))
                .layer("frontier").definedBy(pkg("frontier"))
                .layer("api").definedBy(pkg("api"))
                .layer("experiment").definedBy(pkg("experiment"))
                .layer("bench").definedBy(pkg("bench"))
                .layer("cli").definedBy(pkg("cli"))
                .whereLayer("kernels").mayNotAccessAnyLayer()
                .whereLayer("definitions").mayOnlyAccessLayers("kernels")
                .whereLayer("io").mayNotAccessAnyLayer()
                .whereLayer("family").mayOnlyAccessLayers("kernels", "definitions", "io")
                .whereLayer("coherence").mayOnlyAccessLayers("kernels", "definitions", "family")
                .whereLayer("dynamics").mayOnlyAccessLayers("kernels", "definitions", "family")
                .whereLayer("theory").mayOnlyAccessLayers("kernels", "definitions", "family", "coherence", "dynamics")
                .whereLayer("report").mayOnlyAccessLayers("io")
                .whereLayer("audit").mayOnlyAccessLayers(
                        "kernels", "definitions", "family", "coherence", "dynamics", "theory")
                .whereLayer("cnn").mayOnlyAccessLayers(
                        "kernels", "definitions", "io", "family", "coherence", "dynamics", "theory", "report")
                .whereLayer("frontier").mayOnlyAccessLayers(
                        "kernels", "definitions", "io", "family", "coherence", "dynamics", "theory", "report")
                .whereLayer("api").mayOnlyAccessLayers(
                        "kernels", "definitions", "io", "family", "coherence", "dynamics", "theory", "report")
                .whereLayer("experiment").mayOnlyAccessLayers("kernels", "definitions", "io", "family", "coherence",
                        "dynamics", "theory", "report", "audit", "cnn", "frontier")
                .whereLayer("bench").mayOnlyAccessLayers("kernels", "definitions", "io", "family", "coherence",
                        "dynamics", "theory", "report", "cnn", "frontier", "experiment")
                .whereLayer("cli").mayOnlyAccessLayers("kernels", "definitions", "io", "family", "coherence",
                        "dynamics", "theory", "report", "audit", "cnn", "frontier", "api", "bench", "experiment");
    }

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() {
        layers().check(mainClasses);
    }

    @Test
    void thePackageGraphHasNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(mainClasses);
    }

    @Test
    void experimentsDoNotDependOnEachOther() {
        slices().matching(ROOT + ".experiment.(*)..").should().notDependOnEachOther()
                .because("each experiment (spec, computation, report) uses only the shared experiment code")
                .check(mainClasses);
    }

    @Test
    void theClaimClassesSitAboveTheRestOfTheory() {
        noClasses().that().resideInAPackage(ROOT + ".theory").should()
                .dependOnClassesThat().resideInAPackage(ROOT + ".theory.claims..")
                .because("theory.claims (one class per claim and the registry) uses theory, not the other way round")
                .check(mainClasses);
    }

    @Test
    void everyPackageHasItsPlaceInTheOrder() {
        String[] placed = Stream.of("linalg", "rng", "engine", "definitions", "io", "family", "coherence",
                "dynamics", "theory", "report", "audit", "cnn", "frontier", "api", "experiment", "bench", "cli")
                .map(PackageLayersTest::pkg).toArray(String[]::new);
        classes().that().doNotHaveSimpleName("package-info").should().resideInAnyPackage(placed)
                .because("a new top-level package needs a place in package-info's layer order")
                .check(mainClasses);
    }
}
