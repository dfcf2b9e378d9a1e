package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.TlsKeys;

/**
 * The broker's partner acceptor with TLS on: a partner that trusts the adapter's certificate sends
 * and gets its receipt; a plain TCP client gets nowhere; the operator cannot log in there either.
 */
class BrokerTlsTest {

    @TempDir
    static Path data;
    static TestAdapter adapter;
    static TlsKeys server;

    @BeforeAll
    static void start() throws Exception {
        server = TlsKeys.server(data.resolve("keys"), "adapter");
        adapter = new TestAdapter(data.resolve("adapter"), Map.of(
                "adapter.tls.enabled", "true",
                "adapter.tls.keystore", server.keystore().toString(),
                "adapter.tls.keystore-password", server.password()));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    private static ActiveMQConnectionFactory overTls() {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + adapter.brokerPort() + "?sslEnabled=true&verifyHost=true"
                + "&trustStoreType=PKCS12&trustStorePath=" + URLEncoder.encode(server.truststore().toString(), StandardCharsets.UTF_8)
                + "&trustStorePassword=" + server.password());
    }

    @Test
    void a_partner_over_tls_sends_and_gets_its_receipt() throws Exception {
        try (ActiveMQConnectionFactory f = overTls(); Connection c = f.createConnection("demo-platform", adapter.brokerPassword("demo-platform"))) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(Messages.utf8(Messages.single(Messages.orderNo("BROKER-TLS"))));
            s.createProducer(s.createQueue("partner.demo-platform.in")).send(m);
            try (MessageConsumer receipts = s.createConsumer(s.createQueue("partner.demo-platform.receipts"),
                    "JMSCorrelationID = '" + m.getJMSMessageID() + "'")) {
                Message receipt = receipts.receive(TestAdapter.WAIT.toMillis());
                assertNotNull(receipt, "no receipt over TLS");
            }
        }
    }

    @Test
    void plain_tcp_gets_nowhere() {
        try (ActiveMQConnectionFactory plain = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + adapter.brokerPort()
                + "?initialConnectAttempts=1&callTimeout=5000&connectionTTL=5000")) {
            assertThrows(JMSException.class, () -> plain.createConnection("demo-platform", adapter.brokerPassword("demo-platform")).close());
        }
    }

    @Test
    void the_operator_cannot_log_in_over_tls_on_the_partners_acceptor() {
        try (ActiveMQConnectionFactory f = overTls()) {
            assertThrows(JMSSecurityException.class, () -> f.createConnection(BrokerUsers.OPERATOR,
                    adapter.brokerPassword(BrokerUsers.OPERATOR)).close());
        }
    }
}
