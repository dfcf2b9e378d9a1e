package org.wcoecom.adapter.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.store.OperationsQueries;

/**
 * What waits, as gauges: each queue's depth (the broker's queue controls), the open three-document
 * groups and the age of the oldest, held declarations, unmatched customs receipts. Read once per
 * scrape ({@link #refresh()}), not once per gauge.
 */
public final class OperationsGauges {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsGauges.class);

    private final MeterRegistry registry;
    private final OperationsView view;
    private final Map<String, AtomicLong> queues = new ConcurrentHashMap<>();
    private final AtomicLong openGroups = new AtomicLong();
    private final AtomicLong oldestGroupSeconds = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();

    public OperationsGauges(MeterRegistry registry, OperationsView view) {
        this.registry = registry;
        this.view = view;
        Gauge.builder("adapter.crosscheck.groups.open", openGroups, AtomicLong::get)
                .description("Three-document groups waiting for a document").register(registry);
        Gauge.builder("adapter.crosscheck.groups.oldest.age", oldestGroupSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest document in a waiting three-document group").register(registry);
        Gauge.builder("adapter.declarations.held", held, AtomicLong::get)
                .description("Declarations held (an item not in the catalogue, say)").register(registry);
        Gauge.builder("adapter.customs.receipts.unmatched", unmatched, AtomicLong::get)
                .description("Customs receipts that answer no record the adapter knows, kept aside").register(registry);
    }

    /** Reads what the gauges show; a part that cannot be read keeps its last value (and is logged). */
    public void refresh() {
        try {
            Map<String, Long> depths = view.queueDepths();
            depths.forEach((queue, n) -> queues.computeIfAbsent(queue, q -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder("adapter.queue.messages", value, AtomicLong::get).tag("queue", q)
                        .description("Messages on a broker queue").register(registry);
                return value;
            }).set(n));
            queues.forEach((queue, value) -> {
                if (!depths.containsKey(queue)) {
                    value.set(0);
                }
            });
            unmatched.set(depths.getOrDefault(view.unmatchedQueue(), 0L));
        } catch (Exception e) {
            LOG.warn("queue depths not read: {}", e.toString());
        }
        try {
            OperationsQueries.GroupSummary groups = view.queries().groupSummary();
            openGroups.set(groups.open());
            oldestGroupSeconds.set(groups.oldest() == null ? 0 : Duration.between(groups.oldest(), Instant.now()).toSeconds());
            held.set(view.queries().heldCount());
        } catch (RuntimeException e) {
            LOG.warn("three-document groups not read: {}", e.toString());
        }
    }
}
