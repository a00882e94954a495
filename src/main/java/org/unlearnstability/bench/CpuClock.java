package org.unlearnstability.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process CPU clock that benchmarks print beside wall time: on a machine shared with other work, CPU
 * seconds vary less than wall seconds, and their ratio shows how busy both cores were. The CPU of the JIT
 * compiler threads is read apart: on two cores, a cold JVM spends a fifth of its CPU compiling.
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

    /**
     * The CPU time of HotSpot's JIT compiler threads (C1 and C2), from Linux's per-thread scheduler statistics:
     * the JVM does not count them in any Java thread's CPU time.
     *
     * @return nanoseconds so far, or -1 where /proc does not say (not Linux, or no scheduler statistics)
     */
    public static long compilerNanos() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1L;
        }
        long sum = 0L;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                long nanos = compilerThreadNanos(thread);
                if (nanos < 0) {
                    return -1L;
                }
                sum += nanos;
            }
        } catch (IOException unreadable) {
            return -1L;
        }
        return sum;
    }

    /** @return the thread's CPU nanoseconds if it is a compiler thread, 0 if not (or gone), -1 if unreadable */
    private static long compilerThreadNanos(Path thread) {
        String name;
        try {
            name = Files.readString(thread.resolve("comm")).strip();
        } catch (IOException ended) {
            return 0L;
        }
        if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
            return 0L;
        }
        try {
            return Long.parseLong(Files.readString(thread.resolve("schedstat")).strip().split(" ")[0]);
        } catch (IOException | NumberFormatException noStatistics) {
            return -1L;
        }
    }
}
