package org.unlearnstability.theory.claims;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimSpec;

/**
 * The registry lists one class per claim in the order of specs/claims/index.json, each named by its spec, and
 * nothing outside the claim classes tells claims apart: no switch or equality test on a claim, no reference to a
 * concrete claim class.
 */
class ClaimsRegistryTest {
    private static final Path SPECS = Path.of("specs", "claims");
    private static final Path MAIN = Path.of("src", "main", "java");
    /** Dispatch on a claim's identity: a switch, an equality test, a lookup of one claim by a literal slug. */
    private static final Pattern DISPATCH = Pattern.compile(
            "\\bClaimId\\b|switch \\(claim|claim(\\(\\))? [!=]=|[!=]= claim\\b|Claims\\.bySlug\\(\""
                    + "|\\.slug\\(\\)\\.equals\\(\"|instanceof (Lemma21|Theorem2|SingleSet)");

    @Test
    void theRegistryFollowsTheIndexAndEachSpecNamesItsClass() throws IOException {
        String[] index = JsonMapper.builder().build().readValue(SPECS.resolve("index.json").toFile(), String[].class);
        List<String> slugs = Claims.all().stream().map(Claim::slug).toList();
        assertEquals(List.of(index), slugs);
        try (Stream<Path> files = Files.list(SPECS)) {
            List<String> specs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .filter(n -> !n.equals("index.json")).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertEquals(specs, slugs.stream().sorted().toList(), "every spec is in the index, once");
        }
        for (int i = 0; i < Claims.all().size(); i++) {
            Claim claim = Claims.all().get(i);
            assertEquals(i, claim.index(), claim.slug());
            assertSame(claim, Claims.bySlug(claim.slug()));
            assertEquals(claim.getClass().getName(), claim.spec().implementation(), claim.slug());
        }
    }

    /** The flags the audit reads, as the claims had them before they became classes. */
    @Test
    void everyClaimKeepsItsFlags() {
        List<String> expected = List.of(
                "lemma21-lower-bound eta tested searched",
                "lemma21-divergence-corollary eta tested searched",
                "lemma21-upper-bound-mean-j eta tested searched",
                "lemma21-upper-bound-every-jk eta tested searched",
                "lemma21-upper-bound-repaired eta tested searched",
                "lemma21-convergence-as-printed eta boundary",
                "lemma21-convergence-r-ge-1 eta boundary tested searched",
                "theorem22-divergence boundary tested searched",
                "theorem22-divergence-strict tested searched",
                "theorem23-existence eta boundary tested",
                "theorem23-convergence boundary tested searched",
                "theorem23-convergence-strict tested searched",
                "single-set-reduction tested searched alpha-fixed");
        List<String> actual = new ArrayList<>();
        for (Claim c : Claims.all()) {
            actual.add(c.slug() + (c.etaDependent() ? " eta" : "") + (c.boundaryViolates() ? " boundary" : "")
                    + (c.testable() ? " tested" : "") + (c.searched() ? " searched" : "")
                    + (c.alphaFree() ? "" : " alpha-fixed"));
        }
        assertEquals(expected, actual);
    }

    @Test
    void aDeserialisedClaimIsTheRegistryInstance() throws IOException, ClassNotFoundException {
        for (Claim claim : Claims.all()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(claim);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertSame(claim, in.readObject(), claim.slug());
            }
        }
    }

    @Test
    void aSpecNamingAnotherClassIsRefusedWithItsField() throws IOException {
        ClaimSpec spec = Claims.bySlug("theorem22-divergence").spec();
        ClaimSpec wrong = withImplementation(spec, Theorem22DivergenceStrict.class.getName());
        assertTrue(assertThrows(IllegalStateException.class, () -> Claims.instantiate(wrong)).getMessage()
                .contains("theorem22-divergence-strict"));
        ClaimSpec missing = withImplementation(spec, "org.unlearnstability.theory.claims.NoSuchClaim");
        assertTrue(assertThrows(IllegalStateException.class, () -> Claims.instantiate(missing)).getMessage()
                .contains("'implementation'"));
    }

    private static ClaimSpec withImplementation(ClaimSpec s, String implementation) {
        return new ClaimSpec(s.id(), s.title(), s.source(), s.statementAsPrinted(), s.readingTested(),
                s.hypotheses(), s.check(), s.tolerance(), s.verdict(), s.verdictReason(), s.notes(), s.strength(),
                s.proof(), implementation);
    }

    @Test
    void noMainCodeOutsideTheClaimClassesDispatchesOnAClaim() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(MAIN.resolve(Path.of("org", "unlearnstability", "theory", "claims"))))
                    .toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (DISPATCH.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "claims are told apart only inside their own classes");
    }

    @Test
    void noMainCodeOutsideTheClaimsPackageNamesAClaimClass() {
        noClasses().that().resideOutsideOfPackage("org.unlearnstability.theory.claims..")
                .should().dependOnClassesThat().implement(Claim.class)
                .because("the audit and the reports reach a claim only through the Claim interface and the registry")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.unlearnstability"));
    }
}
