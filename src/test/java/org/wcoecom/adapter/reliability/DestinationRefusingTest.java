package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * The destination refusing for a while (the customs queue full, FAIL policy): the records wait on
 * their canonical queue, are retried with growing delays, and all arrive exactly once when
 * customs takes messages again; none is dead-lettered.
 */
class DestinationRefusingTest {

    @Test
    void records_wait_while_the_destination_refuses_and_arrive_once_afterwards(@TempDir Path data) throws Exception {
        try (TestAdapter adapter = new TestAdapter(data, Refusing.settings(20))) {
            List<String> records = Refusing.sendOrders(adapter, "FULL", 30);
            // customs is away for a while: the queue fills and refuses the rest
            Thread.sleep(3000);
            int waiting = adapter.browseForwarded().size();
            assertTrue(waiting < records.size(), "the destination took everything: " + waiting);

            Map<String, Integer> seen = new HashMap<>();
            Refusing.drainUntil(adapter, seen, records, Duration.ofSeconds(90));
            System.out.printf("destination refusing: %d orders, %d held by the full queue at first, %d distinct records forwarded%n",
                    records.size(), waiting, seen.size());
            Refusing.assertExactlyOnce(records, seen);
            assertTrue(adapter.take("DLQ.egress", null, Duration.ofMillis(500)).isEmpty(), "something was dead-lettered");
        }
    }
}
