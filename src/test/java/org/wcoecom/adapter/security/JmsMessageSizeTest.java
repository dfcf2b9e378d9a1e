package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * The size of a partner's JMS message is checked before its body is read: somewhat over the limit it
 * is answered with a "too large" receipt; far over it (twice the limit) the broker refuses the send
 * itself, before storing it, as HTTP cuts such bodies off.
 */
@ExtendWith(RunningAdapter.class)
class JmsMessageSizeTest {

    @Test
    void a_message_over_the_limit_is_answered_as_too_large() throws Exception {
        try (Connection c = RunningAdapter.adapter().connection("demo-platform")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(padded(RunningAdapter.MAX_MESSAGE_BYTES * 3 / 2));
            s.createProducer(s.createQueue("partner.demo-platform.in")).send(m);
            try (MessageConsumer receipts = s.createConsumer(s.createQueue("partner.demo-platform.receipts"),
                    "JMSCorrelationID = '" + m.getJMSMessageID() + "'")) {
                Message receipt = receipts.receive(RunningAdapter.WAIT.toMillis());
                assertNotNull(receipt, "not answered");
                var ceb312 = new Translations().valid(Messages.utf8(RunningAdapter.text(receipt)));
                assertTrue(Xml.value(ceb312, "//ceb:returnInfo").startsWith("[Code:0999;"), Xml.value(ceb312, "//ceb:returnInfo"));
            }
        }
    }

    @Test
    void a_message_far_over_the_limit_is_refused_by_the_broker_before_it_is_stored() throws Exception {
        try (Connection c = RunningAdapter.adapter().connection("demo-platform")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(padded(RunningAdapter.MAX_MESSAGE_BYTES * 3));
            JMSException refused = assertThrows(JMSException.class, () -> s.createProducer(s.createQueue("partner.demo-platform.in")).send(m));
            assertTrue(refused.getMessage().contains("larger than"), refused.getMessage());
            // the partner's connection is still good for messages of a proper size
            BytesMessage ok = s.createBytesMessage();
            ok.writeBytes(Messages.utf8(Messages.single(Messages.orderNo("SIZE-OK"))));
            s.createProducer(s.createQueue("partner.demo-platform.in")).send(ok);
            try (MessageConsumer receipts = s.createConsumer(s.createQueue("partner.demo-platform.receipts"),
                    "JMSCorrelationID = '" + ok.getJMSMessageID() + "'")) {
                Message receipt = receipts.receive(RunningAdapter.WAIT.toMillis());
                assertNotNull(receipt);
                assertEquals("ACCEPTED", receipt.getStringProperty("AdapterOutcome"));
            }
        }
    }

    /** An order message padded with a comment to the given size. */
    private static byte[] padded(int size) {
        String order = Messages.single(Messages.orderNo("SIZE"));
        int at = order.indexOf("<ceb:Order>");
        String comment = "<!--" + "x".repeat(Math.max(0, size - order.length() - 7)) + "-->";
        return Messages.utf8(order.substring(0, at) + comment + order.substring(at));
    }
}
