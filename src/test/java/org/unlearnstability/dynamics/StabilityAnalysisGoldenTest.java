package org.unlearnstability.dynamics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unlearnstability.definitions.Hyperparameters;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;
import org.unlearnstability.family.RandomFamilies;
import org.unlearnstability.report.GoldenFile;

/**
 * Golden values of {@link StabilityAnalysis} for fixed families: the paper's section 3.1 construction
 * at n_r = n_f = 50, Q in {1, 10, 50}, and a small dense Wishart family, compared by the project's
 * {@link GoldenFile} (relative 1e-9); the file is rewritten only with -Dgolden.update=true.
 */
class StabilityAnalysisGoldenTest {
    private static final Path GOLDEN = Path.of("golden", "dynamics", "stability-analysis.json");

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
            node.put("lambdaMinA", a.lambdaMinA());
            node.put("negativeCountA", a.negativeCountA());
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
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        compute(mapper).forEach(root::set);
        GoldenFile.at(GOLDEN).assertMatches(root);
    }
}
