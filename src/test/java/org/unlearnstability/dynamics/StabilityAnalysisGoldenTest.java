package org.unlearnstability.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.family.RandomFamilies;

/**
 * Golden values of {@link StabilityAnalysis} for fixed families: the paper's section 3.1 construction
 * at n_r = n_f = 50, Q in {1, 10, 50}, and a small dense Wishart family. Compared at a relative
 * tolerance of 1e-9; the file is rewritten only with -Dgolden.update=true.
 */
class StabilityAnalysisGoldenTest {
    private static final Path GOLDEN = Path.of("golden", "dynamics", "stability-analysis.json");
    private static final double TOLERANCE = 1e-9;

    private static Map<String, ObjectNode> compute(ObjectMapper mapper) {
        Map<String, HessianFamily> families = new LinkedHashMap<>();
        families.put("section31-n50-q1", PaperConstruction.section31(50, 1));
        families.put("section31-n50-q10", PaperConstruction.section31(50, 10));
        families.put("section31-n50-q50", PaperConstruction.section31(50, 50));
        families.put("wishart-seed1-n5-d4", RandomFamilies.denseWishart(1, 5, 5, 4));
        Hyperparameters hyper = new Hyperparameters(0.5, 0.1, 5);
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, HessianFamily> entry : families.entrySet()) {
            StabilityAnalysis a = StabilityAnalysis.of(entry.getValue(), hyper, 5);
            ObjectNode node = mapper.createObjectNode();
            node.put("eta", hyper.eta());
            node.put("alpha", hyper.alpha());
            node.put("batch", hyper.batch());
            node.put("normJ", a.normJ());
            node.put("rho", a.rho());
            node.put("etaStar", a.etaStar());
            node.put("nullSpace", a.nullSpace());
            array(node.putArray("exactMeanSquare"), a.exactMeanSquare());
            array(node.putArray("traceN"), a.traceN());
            array(node.putArray("traceJ2k"), a.traceJ2k());
            array(node.putArray("traceM"), a.traceM());
            ArrayNode bound = node.putArray("lemma21UpperBound");
            for (Double b : a.lemma21UpperBound()) {
                if (b == null) {
                    bound.addNull();
                } else {
                    bound.add(b);
                }
            }
            out.put(entry.getKey(), node);
        }
        return out;
    }

    private static void array(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
    }

    @Test
    void analysisMatchesTheGoldenFile() throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, ObjectNode> actual = compute(mapper);
        if (Boolean.getBoolean("golden.update")) {
            ObjectNode root = mapper.createObjectNode();
            actual.forEach(root::set);
            Files.createDirectories(GOLDEN.getParent());
            Path temp = Files.createTempFile(GOLDEN.getParent(), "stability-analysis", ".tmp");
            Files.writeString(temp, mapper.writeValueAsString(root) + "\n");
            Files.move(temp, GOLDEN, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        JsonNode golden = mapper.readTree(GOLDEN.toFile());
        assertEquals(actual.size(), golden.size(), "golden families");
        for (Map.Entry<String, ObjectNode> entry : actual.entrySet()) {
            JsonNode expected = golden.get(entry.getKey());
            assertTrue(expected != null, "golden file lacks " + entry.getKey());
            compare(entry.getKey(), expected, entry.getValue());
        }
    }

    private static void compare(String where, JsonNode expected, JsonNode actual) {
        if (expected.isObject()) {
            Iterator<String> names = expected.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                assertTrue(actual.has(name), where + " lacks " + name);
                compare(where + "." + name, expected.get(name), actual.get(name));
            }
            assertEquals(expected.size(), actual.size(), where);
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), where);
            for (int i = 0; i < expected.size(); i++) {
                compare(where + "[" + i + "]", expected.get(i), actual.get(i));
            }
        } else if (expected.isNumber()) {
            double e = expected.asDouble();
            assertEquals(e, actual.asDouble(), TOLERANCE * Math.abs(e), where);
        } else {
            assertEquals(expected, actual, where);
        }
    }
}
