package org.unlearnstability.bench;

import java.lang.management.ManagementFactory;

/**
 * The process CPU clock that benchmarks print beside wall time: on a machine shared with other work, CPU
 * seconds vary less than wall seconds, and their ratio shows how busy both cores were.
 */
public final class CpuClock {
    private CpuClock() {
    }

    /** @return CPU time used by this process so far, in nanoseconds (0 where the platform does not say) */
    public static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0L;
    }
}
