package org.wcoecom.adapter.operations;

import java.time.Duration;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The adapter's business meters, per partner, channel and format (README, "Metrics"): messages and
 * records received, accepted, rejected (by code), duplicates, forwarded, dead-lettered, replayed, and
 * the time from a message's arrival to its records' forwarding. Micrometer names them with dots;
 * the Prometheus registry writes {@code adapter_records_received_total} and so on.
 *
 * <p>A label value that is not a plain identifier is written {@code other}: labels are few and known,
 * whatever a sender puts in a header.
 */
public final class FlowMetrics {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Nothing is recorded: for the tools and tests that run pipeline steps without an adapter. */
    public static final FlowMetrics NONE = new FlowMetrics(new SimpleMeterRegistry());

    private final MeterRegistry registry;

    public FlowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A partner message answered: accepted (some records new, some duplicates) or not. */
    public void accepted(String partner, String channel, String format, int newRecords, int duplicates) {
        counter("adapter.messages.received", partner, channel, format).increment();
        counter("adapter.records.received", partner, channel, format).increment(newRecords + duplicates);
        counter("adapter.records.accepted", partner, channel, format).increment(newRecords);
        counter("adapter.records.duplicate", partner, channel, format).increment(duplicates);
    }

    /** A partner message refused with a code (its first error's); records: those the adapter could tell in it. */
    public void rejected(String partner, String channel, String format, String code, int records) {
        counter("adapter.messages.received", partner, channel, format).increment();
        counter("adapter.records.received", partner, channel, format).increment(records);
        Counter.builder("adapter.messages.rejected").tags("partner", label(partner), "channel", label(channel), "format", label(format),
                "code", label(code)).description("Partner messages refused, by the code of their first error").register(registry).increment();
        Counter.builder("adapter.records.rejected").tags("partner", label(partner), "channel", label(channel), "format", label(format),
                "code", label(code)).description("Records in refused messages, by the code of the message's first error")
                .register(registry).increment(records);
    }

    /** A record sent on to its destination in the given format, and how long after its message arrived. */
    public void forwarded(String partner, String channel, String format, Duration sinceReceived) {
        counter("adapter.records.forwarded", partner, channel, format).increment();
        if (sinceReceived != null && !sinceReceived.isNegative()) {
            Timer.builder("adapter.forward.latency").tags("partner", label(partner), "channel", label(channel), "format", label(format))
                    .description("From a partner message's arrival to each of its records' forwarding")
                    .publishPercentileHistogram().register(registry).record(sinceReceived);
        }
    }

    /** A message (or a record) put on DLQ.&lt;stage&gt;. */
    public void deadLettered(String stage, String partner) {
        Counter.builder("adapter.dead.letters").tags("stage", label(stage), "partner", label(partner))
                .description("Messages and records put on a dead-letter queue").register(registry).increment();
    }

    /** A dead letter sent back, seen as it comes back to its stage. */
    public void replayed(String stage, String partner) {
        Counter.builder("adapter.dead.letters.replayed").tags("stage", label(stage), "partner", label(partner))
                .description("Dead letters replayed, as they come back").register(registry).increment();
    }

    public MeterRegistry registry() {
        return registry;
    }

    private Counter counter(String name, String partner, String channel, String format) {
        return Counter.builder(name).tags("partner", label(partner), "channel", label(channel), "format", label(format))
                .register(registry);
    }

    static String label(String value) {
        if (value == null || value.isBlank()) {
            return "unknown";
        }
        return PLAIN.matcher(value).matches() ? value : "other";
    }
}
