package org.wcoecom.adapter.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what one measurement carried and how long each message took, from its creation until
 * {@link #stop()}, and what the system under test spent meanwhile (its CPU, what its broker stored,
 * its JMS and database commits).
 */
final class Meter {

    /** The system under test's counters, cumulative since it started. */
    record Sample(long stored, long jmsTransactions, long dbCommits, long cpuNanos, long gcMillis) {
        Sample minus(Sample o) {
            return new Sample(stored - o.stored, jmsTransactions - o.jmsTransactions, dbCommits - o.dbCommits,
                    cpuNanos - o.cpuNanos, gcMillis - o.gcMillis);
        }
    }

    /** Where the counters of the system under test come from. */
    interface Probe {
        Sample sample() throws Exception;
    }

    /** The bench's own JVM as the system (the in-process translate scenario): CPU and GC, nothing stored. */
    static final Probe SELF = () -> new Sample(0, 0, 0, ownCpuNanos(), JvmUsage.gcMillis());

    private final LongAdder messages = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder declarations = new LongAdder();
    private final Latencies latencies = new Latencies();
    private final Probe probe;
    private final Sample first;
    private final long driverCpuAtStart = ownCpuNanos();
    private final long startNanos = System.nanoTime();
    private volatile boolean stopped;
    private double seconds;
    private Sample spent;
    private long driverCpuNanos;

    Meter(Probe probe) throws Exception {
        this.probe = probe;
        this.first = probe.sample();
    }

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

    void declared() {
        if (!stopped) {
            declarations.increment();
        }
    }

    /** Ends the measurement: later messages are not counted, time and counters are taken now. */
    synchronized void stop() throws Exception {
        if (!stopped) {
            stopped = true;
            seconds = (System.nanoTime() - startNanos) / 1e9;
            spent = probe.sample().minus(first);
            driverCpuNanos = ownCpuNanos() - driverCpuAtStart;
        }
    }

    synchronized Result.Figures figures(double offeredPerSecond) throws Exception {
        stop();
        long n = Math.max(1, messages.sum());
        return new Result.Figures(seconds, messages.sum(), records.sum(), bytes.sum(), declarations.sum(), offeredPerSecond,
                latencies.percentileMillis(0.50), latencies.percentileMillis(0.99), latencies.percentileMillis(0.999),
                latencies.maxMillis(), 100.0 * spent.cpuNanos() / 1e9 / seconds, 100.0 * driverCpuNanos / 1e9 / seconds,
                spent.gcMillis(), (double) spent.stored() / n, (double) spent.jmsTransactions() / n, (double) spent.dbCommits() / n);
    }

    static long ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
