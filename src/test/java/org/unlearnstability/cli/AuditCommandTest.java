package org.unlearnstability.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The audit command writes golden/counterexamples only on an explicit, full-audit request, and refuses an engine
 * whose jar is missing.
 */
class AuditCommandTest {

    @Test
    void aQuickAuditRefusesToUpdateTheGoldenCounterexamples() {
        CommandRun run = CommandRun.of("audit", "--quick", "--update-golden", "--out", "target/audit-refused");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--update-golden needs the full audit"), run.err());
    }

    @Test
    void anExplicitDirectoryAndTheGoldenUpdateExcludeEachOther() {
        CommandRun run = CommandRun.of("audit", "--update-golden", "--counterexamples", "target/x", "--out",
                "target/audit-refused");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("exclude each other"), run.err());
    }

    @Test
    void theSparkEngineWithoutItsJarExitsWithTwoNamingTheJar() {
        // The core's class path has no Spark module: the one line says which jar runs it; SPARK in any case.
        CommandRun run = CommandRun.of("audit", "--quick", "--engine", "Spark", "--out", "target/audit-no-spark");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("unlearn-stability-spark.jar"), run.err());
    }

    @Test
    void helpNamesTheDefaultCounterexampleDirectory() {
        CommandRun run = CommandRun.of("audit", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("<out>/counterexamples"), run.out());
        assertTrue(run.out().contains("--update-golden"), run.out());
    }
}
