package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.family.FamilyReader;

/**
 * A counterexample family file gets its provenance in a sidecar: the file stays byte for byte what the golden
 * comparisons pin and what {@code analyze} reads (the family parser refuses unknown top-level keys).
 */
class ProvenanceSidecarTest {
    @TempDir
    Path dir;

    @Test
    void theSidecarCarriesVersionFingerprintAndSeedAndTheFamilyFileIsUntouched() throws IOException {
        Path golden = Path.of("golden", "counterexamples", "theorem22-divergence.json");
        Path file = Files.copy(golden, dir.resolve(golden.getFileName()));
        Provenance provenance = Provenance.of("f".repeat(64), List.of(), new ObjectMapper().createObjectNode(),
                20240611L, 2);
        List<Path> sidecars = provenance.writeJsonSidecars(List.of(file));
        assertEquals(List.of(dir.resolve("theorem22-divergence.provenance.json")), sidecars);
        assertTrue(Provenance.isJsonSidecar(sidecars.get(0)));
        assertFalse(Provenance.isJsonSidecar(file));
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(file), "the family file is not rewritten");
        FamilyReader.readJson(file);
        JsonNode sidecar = new ObjectMapper().readTree(sidecars.get(0).toFile());
        assertEquals("theorem22-divergence.json", sidecar.get("describes").asText());
        JsonNode block = sidecar.get(Provenance.KEY);
        assertEquals("f".repeat(64), block.get("buildFingerprint").asText());
        assertEquals(20240611L, block.get("seed").asLong());
        assertEquals(Provenance.currentVersion(), block.get("toolVersion").asText());
    }
}
