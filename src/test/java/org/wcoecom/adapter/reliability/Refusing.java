package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.Message;

import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;

/** A customs queue that holds little and refuses the rest (FAIL when full), and what tests do with it. */
final class Refusing {

    private Refusing() {
    }

    static Map<String, String> settings(int maxAttempts) {
        return Map.of("adapter.egress.ceb.max-bytes", "30000", "adapter.egress.ceb.full-policy", "FAIL",
                "adapter.reliability.max-attempts", String.valueOf(maxAttempts),
                "adapter.reliability.redelivery-delay", "200", "adapter.reliability.redelivery-multiplier", "1.5",
                "adapter.reliability.max-redelivery-delay", "2000");
    }

    static List<String> sendOrders(TestAdapter adapter, String prefix, int n) throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String orderNo = Messages.orderNo(prefix);
            var r = adapter.post(Messages.utf8(Messages.single(orderNo)), "demo-platform");
            assertEquals(200, r.statusCode(), r.body());
            records.add("demo-platform:" + orderNo);
        }
        return records;
    }

    /** Takes what is on the customs queue now (until it stays empty for the given time), counting records. */
    static void drain(TestAdapter adapter, Map<String, Integer> seen, Duration quiet) throws Exception {
        while (true) {
            Optional<Message> m = adapter.take("customs.ceb.out", "AdapterFormat = 'ceb311'", quiet);
            if (m.isEmpty()) {
                return;
            }
            seen.merge(m.get().getStringProperty("AdapterRecordId"), 1, Integer::sum);
        }
    }

    /** Takes from the customs queue until every record came, or the time is up; then a little longer, for any copy. */
    static void drainUntil(TestAdapter adapter, Map<String, Integer> seen, List<String> records, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline && !seen.keySet().containsAll(records)) {
            drain(adapter, seen, Duration.ofMillis(500));
        }
        drain(adapter, seen, Duration.ofSeconds(2));
    }

    /** The customs gateway consuming again, continuously, as it would once back: counts every record it takes. */
    static final class Gateway implements AutoCloseable {
        final Map<String, Integer> seen = new java.util.concurrent.ConcurrentHashMap<>();
        private final jakarta.jms.Connection connection;

        Gateway(TestAdapter adapter) throws jakarta.jms.JMSException {
            connection = adapter.partnerConnection();
            jakarta.jms.Session session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createQueue("customs.ceb.out"), "AdapterFormat = 'ceb311'").setMessageListener(m -> {
                try {
                    seen.merge(m.getStringProperty("AdapterRecordId"), 1, Integer::sum);
                } catch (jakarta.jms.JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            connection.start();
        }

        /** Waits until every record came or the time is up; then a little longer, for any copy. */
        void awaitAll(List<String> records, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline && !seen.keySet().containsAll(records)) {
                Thread.sleep(100);
            }
            Thread.sleep(2000);
        }

        @Override
        public void close() throws jakarta.jms.JMSException {
            connection.close();
        }
    }

    static void assertExactlyOnce(List<String> records, Map<String, Integer> seen) {
        List<String> missing = records.stream().filter(r -> !seen.containsKey(r)).toList();
        List<String> twice = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), missing, "records never forwarded");
        assertEquals(List.of(), twice, "records forwarded more than once");
        assertEquals(records.size(), seen.keySet().stream().filter(records::contains).count());
    }
}
