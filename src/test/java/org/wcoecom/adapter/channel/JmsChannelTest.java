package org.wcoecom.adapter.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * JMS: a partner sends to partner.&lt;id&gt;.in over TCP and finds its receipt on
 * partner.&lt;id&gt;.receipts, correlated to its message; accepted orders reach customs.ceb.out.
 */
@ExtendWith(RunningAdapter.class)
class JmsChannelTest {

    private final Translations engine = new Translations();

    @Test
    void a_bytes_message_is_answered_on_the_receipt_queue_and_forwarded() throws Exception {
        String orderNo = Messages.orderNo("JMS-B");
        try (Connection c = RunningAdapter.adapter().connection("demo-platform")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(Messages.utf8(Messages.single(orderNo)));
            s.createProducer(s.createQueue("partner.demo-platform.in")).send(m);

            Message receipt = receive(s, m.getJMSMessageID());
            assertInstanceOf(BytesMessage.class, receipt);
            var ceb312 = engine.valid(Messages.utf8(RunningAdapter.text(receipt)));
            assertEquals(List.of(orderNo), Xml.values(ceb312, "//ceb:orderNo"));
            assertEquals("2", Xml.value(ceb312, "//ceb:returnStatus"));
        }
        RunningAdapter.forwarded("demo-platform:" + orderNo);
    }

    @Test
    void a_text_message_gets_a_text_receipt() throws Exception {
        String orderNo = Messages.orderNo("JMS-T");
        try (Connection c = RunningAdapter.adapter().connection("demo-platform")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage m = s.createTextMessage(Messages.single(orderNo));
            s.createProducer(s.createQueue("partner.demo-platform.in")).send(m);
            Message receipt = receive(s, m.getJMSMessageID());
            assertInstanceOf(TextMessage.class, receipt);
            assertTrue(((TextMessage) receipt).getText().contains(orderNo));
        }
        RunningAdapter.forwarded("demo-platform:" + orderNo);
    }

    @Test
    void a_rejected_message_is_answered_and_nothing_is_forwarded() throws Exception {
        String orderNo = Messages.orderNo("JMS-R");
        String invalid = Messages.single(orderNo).replace("<ceb:appTime>20261120143005</ceb:appTime>", "<ceb:appTime>2026-11-20</ceb:appTime>");
        try (Connection c = RunningAdapter.adapter().connection("demo-platform")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(Messages.utf8(invalid));
            s.createProducer(s.createQueue("partner.demo-platform.in")).send(m);
            var ceb312 = engine.valid(Messages.utf8(RunningAdapter.text(receive(s, m.getJMSMessageID()))));
            assertEquals("-301008", Xml.value(ceb312, "//ceb:returnStatus"));
            assertEquals(orderNo, Xml.value(ceb312, "//ceb:orderNo"));
            assertTrue(Xml.value(ceb312, "//ceb:returnInfo").contains("/CEB311Message/Order[1]/OrderHead[1]/appTime[1]"));
        }
        assertTrue(RunningAdapter.takeForwarded("demo-platform:" + orderNo, Duration.ofSeconds(2)).isEmpty());
    }

    @Test
    void a_message_over_the_size_limit_is_answered_without_being_parsed() throws Exception {
        try (Connection c = RunningAdapter.adapter().connection("demo-platform")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(new byte[RunningAdapter.MAX_MESSAGE_BYTES + 1]);
            s.createProducer(s.createQueue("partner.demo-platform.in")).send(m);
            var ceb312 = engine.valid(Messages.utf8(RunningAdapter.text(receive(s, m.getJMSMessageID()))));
            assertTrue(Xml.value(ceb312, "//ceb:returnInfo").contains("larger than the limit of " + RunningAdapter.MAX_MESSAGE_BYTES));
        }
    }

    private static Message receive(Session s, String correlationId) throws Exception {
        try (MessageConsumer receipts = s.createConsumer(s.createQueue("partner.demo-platform.receipts"),
                "JMSCorrelationID = '" + correlationId + "'")) {
            Message receipt = receipts.receive(RunningAdapter.WAIT.toMillis());
            assertNotNull(receipt, "no receipt on partner.demo-platform.receipts");
            return receipt;
        }
    }
}
