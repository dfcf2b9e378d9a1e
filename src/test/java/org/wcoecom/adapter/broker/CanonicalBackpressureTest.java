package org.wcoecom.adapter.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * When a consumer of a canonical address falls behind (here the three-document check stops), the
 * address fills to adapter.broker.canonical-max-bytes and publishing waits: the pipeline stops taking
 * partner messages, which stay on the partner's queue, instead of piling batches up in the broker.
 * Once the consumer is back, every message goes through, each order forwarded exactly once.
 */
class CanonicalBackpressureTest {

    private static final int MESSAGES = 150;
    private static final String CROSSCHECK_QUEUE = "canonical.order::canonical.order.crosscheck";
    private static final String PARTNER_QUEUE = "partner.demo-platform.in";
    private static final String RECEIPTS = "partner.demo-platform.receipts";

    @TempDir
    Path data;

    @Test
    void a_consumer_that_falls_behind_holds_the_pipeline_back_and_nothing_is_lost() throws Exception {
        try (TestAdapter adapter = new TestAdapter(data, Map.of("adapter.broker.canonical-max-bytes", "20000",
                // no group times out during the test: the platform's receipts are the pipeline's alone
                "adapter.crosscheck.timeout", "3600000"))) {
            adapter.runtime().camel().getRouteController().stopRoute("crosscheck-order");
            List<String> orders = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                String orderNo = Messages.orderNo("BACKPRESSURE");
                orders.add(orderNo);
                adapter.send(PARTNER_QUEUE, Messages.utf8(Messages.single(orderNo)));
            }

            int held = settled(adapter, CROSSCHECK_QUEUE);
            int answered = count(adapter, RECEIPTS);
            // 20 kB of batches and what the consumers' producer windows let in, not all 150 messages
            assertTrue(held > 0 && held < MESSAGES / 2, "batches held for the stopped check: " + held);
            // the rest waits on the partner's queue, unanswered (a browser does not see messages being delivered)
            assertTrue(answered < MESSAGES / 2, "messages answered while the check stood still: " + answered);

            adapter.runtime().camel().getRouteController().startRoute("crosscheck-order");
            List<String> forwarded = forwarded(adapter, MESSAGES);
            Set<String> distinct = new HashSet<>();
            for (String orderNo : orders) {
                long times = forwarded.stream().filter(body -> body.contains(orderNo)).count();
                assertEquals(1, times, orderNo + " forwarded " + times + " times");
                distinct.add(orderNo);
            }
            assertEquals(MESSAGES, distinct.size());
            assertEquals(MESSAGES, count(adapter, RECEIPTS), "one receipt per message");
        }
    }

    /** The number of messages on a queue once it has not changed for two seconds (at most 60 s). */
    private static int settled(TestAdapter adapter, String queue) throws Exception {
        int last = -1;
        int stable = 0;
        for (int i = 0; i < 120 && stable < 4; i++) {
            Thread.sleep(500);
            int now = count(adapter, queue);
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
        return last;
    }

    /** What customs has received, once it holds the expected number of messages (at most 60 s). */
    private static List<String> forwarded(TestAdapter adapter, int expected) throws Exception {
        List<String> bodies = adapter.browseForwarded();
        for (int i = 0; i < 120 && bodies.size() < expected; i++) {
            Thread.sleep(500);
            bodies = adapter.browseForwarded();
        }
        Thread.sleep(1000);
        return adapter.browseForwarded();
    }

    private static int count(TestAdapter adapter, String queue) throws JMSException {
        try (Connection c = adapter.partnerConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<Message> messages = new ArrayList<>();
            for (Object m : Collections.list(s.createBrowser(s.createQueue(queue)).getEnumeration())) {
                messages.add((Message) m);
            }
            return messages.size();
        }
    }
}
