package org.unlearnstability.experiment.fig1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.experiment.IntegerRange;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.family.InputException;

/** The committed specs parse as documented, and bad specs are rejected naming the file and the field. */
class Fig1SpecTest {
    private static final Path FULL = Path.of("specs", "experiments", "fig1.json");
    private static final Path QUICK = Path.of("specs", "experiments", "fig1-quick.json");

    @Test
    void theCommittedSpecsHoldThePapersParameters() {
        Fig1Spec full = Fig1Spec.read(FULL.toString(), SpecFile.read(FULL).tree());
        assertEquals(50, full.nRetain());
        assertEquals(50, full.nForget());
        assertEquals(0.1, full.alpha());
        assertEquals(new IntegerRange(1, 50), full.q());
        assertEquals(new IntegerRange(1, 50), full.batch());
        assertEquals(1000, full.steps());
        assertEquals(10, full.repeats());
        assertEquals(1000.0, full.divergenceRatio());
        assertEquals(List.of(BatchSampler.BERNOULLI, BatchSampler.WITHOUT_REPLACEMENT), full.samplerValues());
        assertTrue(full.etas().stream().allMatch(eta -> eta > 0 && eta <= 1), "learning rates in (0, 1]");
        SpecFile quick = SpecFile.read(QUICK);
        assertTrue(quick.quick());
        assertEquals("fig1", quick.outputName());
        Fig1Spec.read(QUICK.toString(), quick.tree());
    }

    @Test
    void unknownMissingAndOutOfRangeFieldsAreRejectedByName() {
        assertRejected(spec -> spec.put("stepz", 3), "stepz");
        assertRejected(spec -> spec.remove("seed"), "seed");
        assertRejected(spec -> spec.put("nForget", 40), "nForget");
        assertRejected(spec -> spec.put("alpha", 1.5), "alpha");
        assertRejected(spec -> ((ObjectNode) spec.get("q")).put("to", 51), "q");
        assertRejected(spec -> ((ObjectNode) spec.get("batch")).put("from", 0), "batch");
        assertRejected(spec -> spec.putArray("etas").add(0.5).add(-1.0), "etas[1]");
        assertRejected(spec -> spec.putArray("samplers").add("shuffle"), "samplers[0]");
        assertRejected(spec -> spec.put("construction", "dense"), "construction");
        assertRejected(spec -> spec.put("steps", "many"), "steps");
    }

    @Test
    void sizesThatCannotFitAreRefusedWithTheLimitNamed() {
        assertRejected(spec -> spec.put("steps", 2_000_000_000), "steps = 2000000000 exceeds the limit 10,000,000");
        assertRejected(spec -> spec.put("repeats", 1_000_000), "repeats = 1000000 exceeds the limit 100,000");
        assertRejected(spec -> {
            spec.put("nRetain", 100_000);
            spec.put("nForget", 100_000);
        }, "nRetain = 100000 exceeds the limit 2,000");
        assertRejected(spec -> {
            spec.put("nRetain", 2_000);
            spec.put("nForget", 2_000);
            ((ObjectNode) spec.get("q")).put("to", 2_000);
            ((ObjectNode) spec.get("batch")).put("to", 2_000);
        }, "more than the limit 1,000,000");
    }

    private static void assertRejected(Consumer<ObjectNode> edit, String field) {
        ObjectNode tree = (ObjectNode) SpecFile.read(FULL).tree().deepCopy();
        edit.accept(tree);
        InputException e = assertThrows(InputException.class, () -> Fig1Spec.read("bad.json", tree));
        assertTrue(e.getMessage().startsWith("bad.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(field), "message names " + field + ": " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    }
}
