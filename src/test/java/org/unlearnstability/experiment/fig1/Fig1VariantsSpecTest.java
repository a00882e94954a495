package org.unlearnstability.experiment.fig1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.family.InputException;

/** The variants spec: one Figure 1 spec per overlap and alpha, Q clipped per construction, bad fields named. */
class Fig1VariantsSpecTest {
    private static final Path SPEC = Path.of("specs", "experiments", "fig1-variants.json");

    @Test
    void expandsIntoOneFigure1SpecPerOverlapAndAlpha() {
        Fig1VariantsSpec spec = Fig1VariantsSpec.read(SPEC.toString(), SpecFile.read(SPEC).tree());
        List<Fig1VariantsSpec.Variant> variants = spec.variants();
        assertEquals(spec.overlaps().size() * spec.alphas().size(), variants.size());
        for (Fig1VariantsSpec.Variant v : variants) {
            assertEquals(ClusterConstruction.NAME, v.spec().construction());
            assertTrue(v.spec().q().to() <= v.construction().maxQ(spec.nRetain()), v.name());
            assertEquals(v.construction().overlap(), v.canonical().get("overlap").asDouble(), v.name());
        }
        assertEquals(6, variants.get(variants.size() - 1).spec().q().to(), "overlap 0 admits Q <= n/2");
    }

    @Test
    void badFieldsAreNamed() {
        ObjectNode tree = (ObjectNode) SpecFile.read(SPEC).tree();
        ObjectNode badOverlap = tree.deepCopy();
        badOverlap.putArray("overlaps").add(1.5);
        InputException e = assertThrows(InputException.class, () -> Fig1VariantsSpec.read("x.json", badOverlap));
        assertTrue(e.getMessage().contains("overlaps[0]"), e.getMessage());
        ObjectNode badSteps = tree.deepCopy();
        badSteps.put("steps", 0);
        e = assertThrows(InputException.class, () -> Fig1VariantsSpec.read("x.json", badSteps));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
    }
}
