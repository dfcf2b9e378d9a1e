package org.wcoecom.adapter.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, kept whole (a benchmark run records at most a few million) for exact percentiles. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The value below which the given fraction of latencies fall (nearest rank), in milliseconds; 0 when empty. */
    synchronized double percentileMillis(double fraction) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    synchronized double maxMillis() {
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, values[i]);
        }
        return max / 1e6;
    }
}
