package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * Each partner's inbound queue holds a bounded amount (adapter.broker.partner-max-bytes, FAIL by
 * default): a partner whose messages pile up is refused further sends, and the broker stays open for
 * the others.
 */
class PartnerQueueLimitTest {

    @TempDir
    Path data;

    @Test
    void a_full_partner_queue_refuses_that_partner_only() throws Exception {
        try (TestAdapter adapter = new TestAdapter(data, Map.of("adapter.broker.partner-max-bytes", "300000"))) {
            // the adapter is down for this partner's queue (as if it could not keep up): its messages pile up
            adapter.runtime().camel().getRouteController().stopRoute("ingress-jms-demo-logistics");
            byte[] body = Messages.utf8(Messages.single(Messages.orderNo("LIMIT")));
            try (Connection c = adapter.connection("demo-logistics")) {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = s.createProducer(s.createQueue("partner.demo-logistics.in"));
                JMSException full = assertThrows(JMSException.class, () -> {
                    for (int i = 0; i < 1000; i++) {
                        BytesMessage m = s.createBytesMessage();
                        m.writeBytes(body);
                        producer.send(m);
                    }
                });
                assertTrue(full.getMessage().contains("full") || full.getMessage().contains("AMQ"), full.getMessage());
            }
            try (Connection c = adapter.connection("demo-platform")) {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                BytesMessage m = s.createBytesMessage();
                m.writeBytes(body);
                s.createProducer(s.createQueue("partner.demo-platform.in")).send(m);
            }
        }
    }
}
