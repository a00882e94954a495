package org.unlearnstability.experiment.fig3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.family.InputException;

/** A bad Figure 3 spec is rejected naming the field; the data path resolves against the spec's folder. */
class Fig3SpecTest {
    private static final Path QUICK = Path.of("specs", "experiments", "fig3-quick.json");

    private static ObjectNode quick() {
        return (ObjectNode) SpecFile.read(QUICK).tree().deepCopy();
    }

    @Test
    void badFieldsAreNamed() {
        ObjectNode small = quick();
        small.putArray("forgetSizes").add(3);
        assertEquals("forgetSizes[0]", assertThrows(InputException.class,
                () -> Fig3Spec.read("s.json", small)).field());
        ObjectNode digit = quick();
        digit.put("oneClassDigit", 5);
        assertEquals("oneClassDigit", assertThrows(InputException.class,
                () -> Fig3Spec.read("s.json", digit)).field());
        ObjectNode unknown = quick();
        unknown.put("width", 3);
        assertThrows(InputException.class, () -> Fig3Spec.read("s.json", unknown));
        ObjectNode missing = quick();
        missing.remove("seed");
        assertThrows(InputException.class, () -> Fig3Spec.read("s.json", missing));
    }

    @Test
    void sizesThatCannotFitAreRefusedWithTheLimitNamed() {
        for (String field : new String[] {"steps", "maxTrainSteps", "repeats", "hidden"}) {
            ObjectNode huge = quick();
            huge.put(field, 2_000_000_000);
            InputException e = assertThrows(InputException.class, () -> Fig3Spec.read("s.json", huge));
            assertEquals(field, e.field());
            assertTrue(e.getMessage().contains(field + " = 2000000000 exceeds the limit"), e.getMessage());
        }
    }

    @Test
    void dataResolvesAgainstTheSpecFolder() {
        Fig3Spec spec = Fig3Spec.read(QUICK.toString(), quick());
        assertEquals(Path.of("specs", "data", "digits.csv.gz"), spec.dataFile(QUICK));
        assertEquals(Path.of("specs", "data", "digits.csv.gz").toAbsolutePath(),
                spec.dataFile(QUICK.toAbsolutePath()));
    }
}
