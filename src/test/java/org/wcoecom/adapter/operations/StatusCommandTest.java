package org.wcoecom.adapter.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.reliability.GroupTraffic;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * `status` prints what the operations page shows, from the same source: flow, rejections by code with
 * examples, dead letters, waiting groups, unmatched receipts, queues; partner text cannot reach the
 * terminal as control characters. With adapter.broker.management the broker's MBeans are there for
 * JMX tools.
 */
class StatusCommandTest {

    private static final String P = "demo-platform";

    @Test
    void status_shows_what_the_page_shows(@TempDir Path data) throws Exception {
        try (TestAdapter adapter = new TestAdapter(data, Map.of("adapter.egress.ceb.max-message-bytes",
                String.valueOf(GroupTraffic.POISON_LIMIT), "adapter.crosscheck.timeout", "600000", "adapter.broker.management", "true"))) {
            String a = Messages.orderNo("ST-A");
            String big = Messages.orderNo("ST-BIG");
            assertEquals(200, adapter.post(Messages.utf8(Messages.single(a)), P).statusCode());
            String poison = GroupTraffic.poisonOrder(big);
            assertEquals(200, adapter.post(Messages.utf8(poison), P).statusCode());
            String bad = Messages.orderNo("ST-BAD");
            String escape = Messages.single(bad).replace("<ceb:country>116</ceb:country>", "<ceb:country>&#x9b;2J</ceb:country>");
            assertEquals(400, adapter.post(Messages.utf8(escape), P).statusCode());
            assertEquals(400, adapter.post(Messages.utf8("<invoice xmlns=\"urn:example:not-a-format\"/>"), P).statusCode());
            OperationsView.Snapshot page = await(adapter);

            List<String> command = new ArrayList<>(List.of("status"));
            command.addAll(adapter.commandOptions());
            Cli status = Cli.run(command.toArray(String[]::new));
            assertEquals(0, status.exit, status.toString());
            String out = status.out;
            assertTrue(out.contains("the running adapter's broker"), out);
            assertTrue(out.matches("(?s).*\\n  " + P + " +2 / +0 / +2\\n.*"), "flow totals:\n" + out);
            for (var c : page.rejections()) {
                assertTrue(out.matches("(?s).*\\n  " + c.code() + " +" + c.count() + "\\n.*"), c.code() + " x" + c.count() + ":\n" + out);
            }
            assertTrue(out.contains("record=" + P + ":" + bad), out);
            assertEquals(page.deadLetters().size(), 1);
            assertTrue(out.contains("Dead letters: 1") && out.contains(page.deadLetters().get(0).id()) && out.contains("record=" + P + ":" + big), out);
            assertTrue(out.contains("Three-document groups waiting: " + page.waiting().size()), out);
            assertTrue(out.contains("order " + a + " (platform "), out);
            assertTrue(out.contains("waits for Payment, Shipment"), out);
            assertTrue(out.contains("Unmatched customs receipts: 0 (on customs.ceb.in.unmatched)"), out);
            assertTrue(out.matches("(?s).*\\n  DLQ\\.egress +1\\n.*"), out);
            // the partner's C1 control (CSI, a terminal's escape) is in the rejection, but not on the terminal
            assertTrue(page.rejections().stream().flatMap(c -> c.latest().stream()).anyMatch(r -> r.detail().contains("\u009b")), page.toString());
            assertFalse(out.contains("\u009b"), "an escape sequence reached the terminal");

            // the broker's management, for JMX tools on this host
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> queues = jmx.queryNames(new ObjectName("org.apache.activemq.artemis:broker=*,component=addresses,address=*,"
                    + "subcomponent=queues,routing-type=*,queue=\"DLQ.egress\""), null);
            assertEquals(1, queues.size(), queues.toString());
            assertEquals(1L, ((Number) jmx.getAttribute(queues.iterator().next(), "MessageCount")).longValue());
        }
    }

    private static OperationsView.Snapshot await(TestAdapter adapter) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        OperationsView.Snapshot s = adapter.runtime().operationsView().snapshot();
        while (System.nanoTime() < until && (s.deadLetters().isEmpty() || s.waiting().size() < 2)) {
            Thread.sleep(250);
            s = adapter.runtime().operationsView().snapshot();
        }
        return s;
    }
}
