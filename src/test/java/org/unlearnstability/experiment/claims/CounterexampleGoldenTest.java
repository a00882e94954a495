package org.unlearnstability.experiment.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.FamilyFile;
import org.unlearnstability.family.FamilyReader;
import org.unlearnstability.theory.Claim;
import org.unlearnstability.theory.ClaimVerdict;
import org.unlearnstability.theory.Violation;
import org.unlearnstability.theory.claims.Claims;

/**
 * Re-checks every stored counterexample (golden/counterexamples/*.json, family files that {@code analyze}
 * accepts): the claim it names must still be violated at the stored hyper-parameters, in exact arithmetic
 * when the file says so, with the stored sides; its claim must be pinned FAILS; and every claim pinned
 * FAILS must have one. So a verdict cannot drift without this test failing.
 */
class CounterexampleGoldenTest {
    private static final Path DIRECTORY = Path.of("golden", "counterexamples");

    @Test
    void everyStoredCounterexampleStillViolatesItsClaim() throws IOException {
        Set<Claim> covered = new HashSet<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(DIRECTORY)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no counterexamples in " + DIRECTORY);
        for (Path file : files) {
            FamilyFile contents = FamilyReader.readJson(file);
            JsonNode stored = contents.violation().orElseThrow(() -> new AssertionError(file + " has no violation"));
            Claim claim = Claims.bySlug(stored.get("claim").asText());
            assertEquals(claim.slug() + ".json", file.getFileName().toString(), "file name names its claim");
            Hyperparameters hyper = contents.hyperparameters().orElseThrow();
            Violation v = claim.check(contents.family(), hyper);
            assertTrue(v.violated(), file + " no longer violates " + claim.slug() + ": " + v);
            boolean exact = stored.get("exact").asBoolean();
            assertEquals(exact, v.exact(), file + ": exactness of the decision");
            JsonNode sides = stored.get("violatedInequality");
            assertSide(file, sides.get("lhs"), v.lhs().value(), v.lhs().exact(), exact);
            assertSide(file, sides.get("rhs"), v.rhs().value(), v.rhs().exact(), exact);
            assertEquals(ClaimVerdict.FAILS, claim.spec().verdict(), file + ": its claim must be pinned FAILS");
            covered.add(claim);
        }
        for (Claim claim : Claims.all()) {
            if (claim.spec().verdict() == ClaimVerdict.FAILS) {
                assertTrue(covered.contains(claim), claim.slug() + " is pinned FAILS without a stored counterexample");
            }
        }
    }

    private static void assertSide(Path file, JsonNode side, double value, String exactValue, boolean exact) {
        if (exact) {
            assertEquals(side.get("exact").asText(), exactValue, file + ": exact side " + side);
        } else {
            assertEquals(side.get("value").asDouble(), value, 1e-9 * Math.abs(value), file + ": side " + side);
        }
    }
}
