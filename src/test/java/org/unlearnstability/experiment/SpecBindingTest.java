package org.unlearnstability.experiment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unlearnstability.family.InputException;

/** The field checks every experiment spec shares: the file, the field (with the index) and the value named. */
class SpecBindingTest {

    @Test
    void requireEachNamesTheFirstElementOutsideTheRule() {
        InputException e = assertThrows(InputException.class, () -> SpecBinding.requireEach("s.json", "etas",
                List.of(0.5, 2.0, -1.0, -3.0), eta -> eta > 0.0, "must be positive", "needs one"));
        assertEquals("s.json", e.source());
        assertEquals("etas[2]", e.field());
        assertEquals("must be positive, got -1.0", e.reason());
    }

    @Test
    void requireEachRefusesAnEmptyListWithItsOwnReason() {
        InputException e = assertThrows(InputException.class, () -> SpecBinding.requireEach("s.json", "alphas",
                List.of(), a -> true, "must lie in [0, 1]", "needs at least one alpha"));
        assertEquals("alphas", e.field());
        assertEquals("needs at least one alpha", e.reason());
        assertDoesNotThrow(() -> SpecBinding.requireEach("s.json", "alphas", List.of(0.0, 1.0),
                a -> a >= 0.0 && a <= 1.0, "must lie in [0, 1]", "needs at least one alpha"));
    }

    @Test
    void requireExperimentQuotesBothNames() {
        InputException e = assertThrows(InputException.class,
                () -> SpecBinding.requireExperiment("s.json", "fig3", "fig1"));
        assertEquals("experiment", e.field());
        assertEquals("must be \"fig3\", got \"fig1\"", e.reason());
        assertDoesNotThrow(() -> SpecBinding.requireExperiment("s.json", "fig3", "fig3"));
    }
}
