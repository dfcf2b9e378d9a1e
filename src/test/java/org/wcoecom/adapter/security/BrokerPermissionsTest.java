package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;

/**
 * The broker: each partner has its own user and may only send to its own partner.&lt;id&gt;.in and
 * read its own receipts; nobody gets in without a password, and no partner reads what goes to customs.
 */
@ExtendWith(RunningAdapter.class)
class BrokerPermissionsTest {

    @Test
    void a_partner_sends_to_its_own_queue_and_reads_its_own_receipts() throws Exception {
        String orderNo = Messages.orderNo("PERM-OWN");
        try (Connection c = RunningAdapter.adapter().connection("demo-platform")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(Messages.utf8(Messages.single(orderNo)));
            s.createProducer(s.createQueue("partner.demo-platform.in")).send(m);
            try (MessageConsumer receipts = s.createConsumer(s.createQueue("partner.demo-platform.receipts"),
                    "JMSCorrelationID = '" + m.getJMSMessageID() + "'")) {
                Message receipt = receipts.receive(RunningAdapter.WAIT.toMillis());
                assertNotNull(receipt, "no receipt for the partner's own message");
            }
        }
    }

    @Test
    void a_partner_cannot_send_on_another_partners_queue() throws Exception {
        try (Connection c = RunningAdapter.adapter().connection("demo-payment")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(Messages.utf8(Messages.single(Messages.orderNo("PERM-SEND"))));
            assertThrows(JMSSecurityException.class, () -> s.createProducer(s.createQueue("partner.demo-platform.in")).send(m));
        }
    }

    @Test
    void a_partner_cannot_read_another_partners_receipts_nor_what_goes_to_customs() throws Exception {
        try (Connection c = RunningAdapter.adapter().connection("demo-payment")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () -> s.createConsumer(s.createQueue("partner.demo-platform.receipts")));
            assertThrows(JMSSecurityException.class, () -> s.createConsumer(s.createQueue("customs.ceb.out")));
            assertThrows(JMSSecurityException.class, () -> s.createConsumer(s.createQueue("DLQ.ingress")));
        }
    }

    @Test
    void a_wrong_password_or_none_is_refused() {
        try (ActiveMQConnectionFactory f = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + RunningAdapter.adapter().brokerPort())) {
            assertThrows(JMSSecurityException.class, () -> f.createConnection("demo-platform", "guess").close());
            assertThrows(JMSSecurityException.class, () -> f.createConnection().close());
        }
    }
}
