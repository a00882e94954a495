package org.unlearnstability.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void runs() {
        Main.main(new String[0]);
        assertTrue(true);
    }
}
