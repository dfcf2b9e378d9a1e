package org.wcoecom.adapter.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.reliability.GroupTraffic;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * After known traffic (an order accepted, the same order again, a message with an order customs
 * takes and one too large for it, a broken message and one of no known format) the Prometheus endpoint
 * counts exactly that, per partner, channel, format and code; the forwarding latency, the queue
 * depths, the database pool, Camel's routes and the JVM are there too.
 */
class MetricsTest {

    private static final String P = "demo-platform";

    @Test
    void the_prometheus_endpoint_counts_the_traffic_exactly(@TempDir Path data) throws Exception {
        try (TestAdapter adapter = new TestAdapter(data, Map.of("adapter.egress.ceb.max-message-bytes",
                String.valueOf(GroupTraffic.POISON_LIMIT), "adapter.crosscheck.timeout", "600000"))) {
            String a = Messages.orderNo("MET-A");
            String b = Messages.orderNo("MET-B");
            String big = Messages.orderNo("MET-BIG");
            byte[] orderA = Messages.utf8(Messages.single(a));
            assertStatus(200, adapter.post(orderA, P));
            assertStatus(200, adapter.post(orderA, P));
            String poison = GroupTraffic.poisonOrder(big);
            String bigOrder = poison.substring(poison.indexOf("<ceb:Order>"), poison.indexOf("</ceb:Order>") + "</ceb:Order>".length());
            assertStatus(200, adapter.post(Messages.utf8(Messages.single(b).replace("</ceb:Order>", "</ceb:Order>\n  " + bigOrder)), P));
            assertStatus(400, adapter.post(Messages.utf8("<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"><unclosed>"), P));
            assertStatus(400, adapter.post(Messages.utf8("<invoice xmlns=\"urn:example:not-a-format\"/>"), P));

            Scrape s = awaitScrape(adapter, x -> x.value("adapter_records_forwarded_total", "partner", P, "channel", "http", "format", "ceb311")
                    .orElse(0.0) >= 2 && x.value("adapter_dead_letters_total", "stage", "egress", "partner", P).isPresent()
                    && x.value("adapter_crosscheck_groups_open").orElse(0.0) >= 3);

            String[] ceb311 = {"partner", P, "channel", "http", "format", "ceb311"};
            String[] unknown = {"partner", P, "channel", "http", "format", "unknown"};
            // the broken CEB311 is known by its root element before the parser finds it broken
            assertEquals(Optional.of(4.0), s.value("adapter_messages_received_total", ceb311), s.text);
            assertEquals(Optional.of(4.0), s.value("adapter_records_received_total", ceb311));
            assertEquals(Optional.of(3.0), s.value("adapter_records_accepted_total", ceb311));
            assertEquals(Optional.of(1.0), s.value("adapter_records_duplicate_total", ceb311));
            assertEquals(Optional.of(1.0), s.value("adapter_messages_received_total", unknown));
            assertEquals(Optional.of(1.0), s.value("adapter_messages_rejected_total", "partner", P, "channel", "http", "format", "ceb311",
                    "code", "XML_MALFORMED"), s.text);
            assertEquals(Optional.of(1.0), s.value("adapter_messages_rejected_total", "partner", P, "channel", "http", "format", "unknown",
                    "code", "FORMAT_UNKNOWN"), s.text);
            assertEquals(2, s.series.keySet().stream().filter(k -> k.startsWith("adapter_messages_rejected_total{")).count(), s.text);
            // the two orders customs takes are forwarded; the one too large for it is dead-lettered alone
            assertEquals(Optional.of(2.0), s.value("adapter_records_forwarded_total", ceb311));
            assertEquals(Optional.of(1.0), s.value("adapter_dead_letters_total", "stage", "egress", "partner", P));
            assertEquals(Optional.of(2.0), s.value("adapter_forward_latency_seconds_count", ceb311));
            assertTrue(s.value("adapter_forward_latency_seconds_bucket", "partner", P, "channel", "http", "format", "ceb311", "le", "+Inf")
                    .isPresent(), "no latency histogram");
            // what waits: the dead letter on its queue, nothing unmatched, no group open (no payment or waybill came)
            assertEquals(Optional.of(1.0), s.value("adapter_queue_messages", "queue", "DLQ.egress"), s.text);
            assertTrue(s.value("adapter_queue_messages", "queue", "partner." + P + ".in").isPresent(), s.text);
            assertEquals(Optional.of(0.0), s.value("adapter_customs_receipts_unmatched"));
            assertEquals(Optional.of(0.0), s.value("adapter_declarations_held"));
            // the three orders wait for their payments and waybills
            assertEquals(Optional.of(3.0), s.value("adapter_crosscheck_groups_open"), s.text);
            assertTrue(s.value("adapter_crosscheck_groups_oldest_age_seconds").isPresent(), s.text);
            // the pool, Camel's route policy and the JVM binders
            assertTrue(s.has("hikaricp_connections_active"), "no database pool metrics");
            assertTrue(s.has("jvm_memory_used_bytes"), "no JVM metrics");
            assertTrue(s.series.keySet().stream().anyMatch(k -> k.startsWith("camel_exchanges_total{") && k.matches(".*routeId=pipeline[,}].*")),
                    "no route metrics for the pipeline: " + s.series.keySet().stream().filter(k -> k.startsWith("camel_exchanges_total")).toList());
            // the time each route takes (the exchange event notifier's per-endpoint timers are off: application.properties)
            assertTrue(s.series.keySet().stream().anyMatch(k -> k.startsWith("camel_route_policy_seconds_count{") && k.matches(".*routeId=pipeline[,}].*")),
                    "no route timer for the pipeline: " + s.series.keySet().stream().filter(k -> k.startsWith("camel_route_policy")).toList());
        }
    }

    private static void assertStatus(int expected, HttpResponse<String> r) {
        assertEquals(expected, r.statusCode(), r.body());
    }

    private static Scrape awaitScrape(TestAdapter adapter, java.util.function.Predicate<Scrape> done) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Scrape s = Scrape.of(adapter.managementPort());
        while (!done.test(s) && System.nanoTime() < until) {
            Thread.sleep(250);
            s = Scrape.of(adapter.managementPort());
        }
        return s;
    }
}
