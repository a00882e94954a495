package org.unlearnstability.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuClockTest {
    /** The process CPU clock counts in clock ticks (10 ms on Linux); the per-thread clocks in nanoseconds. */
    private static final long PROCESS_CLOCK_TICK = 10_000_000L;

    /**
     * By the time a test runs, HotSpot has compiled JUnit and the JDK: the compiler threads' CPU is positive, it
     * does not decrease, and it leaves out this (non-compiler) thread's CPU (Linux with scheduler statistics,
     * as on the machines the benchmarks run on; elsewhere the clock says "not measured" and this is skipped).
     */
    @Test
    void theCompilerThreadsCpuIsPositiveMonotoneAndPartOfTheProcess() {
        assumeTrue(Files.exists(Path.of("/proc/self/schedstat")), "no per-thread scheduler statistics");
        long before = CpuClock.compilerNanos();
        double sink = 0.0;
        for (int i = 0; i < 2_000_000; i++) {
            sink += Math.sqrt(i) / (1 + i % 7);
        }
        long after = CpuClock.compilerNanos();
        long thisThread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long process = CpuClock.nanos();
        assertTrue(before > 0, "compiler CPU before: " + before);
        assertTrue(after >= before, before + " -> " + after + " (" + sink + ")");
        assertTrue(after + thisThread <= process + PROCESS_CLOCK_TICK,
                "compiler " + after + " + this thread " + thisThread + " > process " + process);
    }
}
