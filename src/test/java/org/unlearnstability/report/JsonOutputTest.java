package org.unlearnstability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonOutputTest {
    @TempDir
    Path dir;

    @Test
    void writesTwoSpaceIndentedJsonWithUnixNewlinesAndAFinalNewline() throws IOException {
        ObjectNode tree = JsonOutput.mapper().createObjectNode();
        tree.put("claim", "Theorem 2.2");
        tree.putArray("sides").add(1.5).add(2);
        String text = JsonOutput.toText(tree);
        assertEquals("{\n  \"claim\" : \"Theorem 2.2\",\n  \"sides\" : [\n    1.5,\n    2\n  ]\n}\n", text);
        Path file = dir.resolve("c.json");
        JsonOutput.write(file, tree);
        assertEquals(text, Files.readString(file));
    }

    @Test
    void refusesNonFiniteNumbersNamingWhereTheyAre() {
        ObjectNode tree = JsonOutput.mapper().createObjectNode();
        tree.putArray("cells").addObject().put("eta7", Double.POSITIVE_INFINITY);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JsonOutput.toText(tree));
        assertTrue(error.getMessage().contains("$.cells[0].eta7"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonOutput.write(dir.resolve("x.json"), tree));
        assertTrue(!Files.exists(dir.resolve("x.json")));
    }
}
