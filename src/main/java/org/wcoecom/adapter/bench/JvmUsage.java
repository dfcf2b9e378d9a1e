package org.wcoecom.adapter.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** GC time, peak heap and resident memory of this JVM over one measurement. */
final class JvmUsage {

    private final long gcMillisAtStart;

    private JvmUsage() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
        gcMillisAtStart = gcMillis();
    }

    /** Starts counting now: GC time from here, heap peaks reset. */
    static JvmUsage start() {
        return new JvmUsage();
    }

    long gcMillisSinceStart() {
        return gcMillis() - gcMillisAtStart;
    }

    /**
     * The sum of the heap pools' peaks since the start: an upper bound of the peak heap (the pools
     * peak at different moments), which is what a heap limit has to allow for.
     */
    static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed()).sum();
    }

    /** The process's resident set now and at its peak (Linux /proc; 0 elsewhere). */
    static long[] residentBytes() {
        try {
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line) * 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) * 1024;
                }
            }
            return new long[] {rss, peak};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
