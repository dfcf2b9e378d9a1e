package org.wcoecom.adapter.bench;

import java.util.concurrent.atomic.LongAdder;

/** Counts what one measurement carried and how long each message took, from its creation until {@link #stop()}. */
final class Meter {

    private final LongAdder messages = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final Latencies latencies = new Latencies();
    private final JvmUsage usage = JvmUsage.start();
    private final long startNanos = System.nanoTime();
    private volatile boolean stopped;
    private double seconds;
    private long gcMillis;
    private long peakHeap;
    private long[] rss;

    /** A message of that size and that many records finished, taking that long. */
    void done(int size, int recordCount, long latencyNanos) {
        if (stopped) {
            return;
        }
        messages.increment();
        records.add(recordCount);
        bytes.add(size);
        latencies.add(latencyNanos);
    }

    /** Ends the measurement: later messages are not counted, time and memory are taken now. */
    synchronized void stop() {
        if (!stopped) {
            stopped = true;
            seconds = (System.nanoTime() - startNanos) / 1e9;
            gcMillis = usage.gcMillisSinceStart();
            peakHeap = JvmUsage.peakHeapBytes();
            rss = JvmUsage.residentBytes();
        }
    }

    long messages() {
        return messages.sum();
    }

    synchronized Result result(String scenario, String mix, int threads, double offeredPerSecond) {
        stop();
        return new Result(scenario, mix, threads, seconds, messages.sum(), records.sum(), bytes.sum(), offeredPerSecond,
                latencies.percentileMillis(0.50), latencies.percentileMillis(0.99), latencies.maxMillis(),
                gcMillis, peakHeap, rss[0], rss[1]);
    }
}
