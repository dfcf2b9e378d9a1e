package org.wcoecom.adapter.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.security.Secrets;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * The partners file lives in the data folder (created from the bundled example on the first run)
 * and is read again while the adapter runs: a partner added there sends at once over HTTP and JMS
 * (its API key and broker password generated into the secrets file), a change of its formats holds
 * at once, a removed partner is refused, and a file that does not read changes nothing.
 */
class PartnersReloadTest {

    @TempDir
    Path data;

    private static final String CARRIER = """
              - id: second-carrier
                name: A second express carrier (waybill statuses)
                role: logistics
                senderCodes: ["3120968002"]
                formats: [%s]
                receiptFormat: ceb514
            """;

    private static byte[] status(String logisticsNo) {
        return Project.read(Project.examples("ceb513").resolve("status-single.xml")).replace("3120968001", "3120968002")
                .replace("HGKY202611200000051", logisticsNo).getBytes(StandardCharsets.UTF_8);
    }

    private String secret(String name) {
        return Secrets.open(data.resolve("secrets/secrets.properties"), false).find(name).orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void partners_added_changed_and_removed_while_the_adapter_runs() throws Exception {
        try (TestAdapter adapter = new TestAdapter(data, Map.of("adapter.partners.reload-interval", "0"))) {
            Path file = data.resolve("partners.yaml");
            assertTrue(Files.isRegularFile(file), "the partners file is created in the data folder");
            String bundled = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(bundled.contains("id: demo-platform"), bundled);
            assertFalse(adapter.runtime().reloadPartners(), "nothing changed");

            Files.writeString(file, bundled + CARRIER.formatted("ceb513"), StandardCharsets.UTF_8);
            assertTrue(adapter.runtime().reloadPartners());
            // HTTP, with the key generated for it
            String trackingNo = "HGKY" + System.nanoTime();
            var http = adapter.post(status(trackingNo), secret("second-carrier.api-key"), "second-carrier");
            assertEquals(200, http.statusCode(), http.body());
            assertEquals("2", Xml.value(new Translations().valid(http.body().getBytes(StandardCharsets.UTF_8)), "//ceb:returnStatus"));
            assertTrue(adapter.takeForwarded("second-carrier:" + trackingNo + "/S", Duration.ofSeconds(30)).isPresent());
            // JMS, as its own broker user on its own queue
            String viaJms = "HGKY" + System.nanoTime();
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + adapter.brokerPort(),
                    "second-carrier", secret("second-carrier.broker-password"));
                 Connection c = factory.createConnection()) {
                c.start();
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                BytesMessage m = s.createBytesMessage();
                m.writeBytes(status(viaJms));
                s.createProducer(s.createQueue("partner.second-carrier.in")).send(m);
                try (MessageConsumer receipts = s.createConsumer(s.createQueue("partner.second-carrier.receipts"),
                        "JMSCorrelationID = '" + m.getJMSMessageID() + "'")) {
                    Message receipt = receipts.receive(TestAdapter.WAIT.toMillis());
                    assertNotNull(receipt, "no receipt on partner.second-carrier.receipts");
                }
            }
            assertTrue(adapter.takeForwarded("second-carrier:" + viaJms + "/S", Duration.ofSeconds(30)).isPresent());

            // its formats change: CEB513 no longer
            Files.writeString(file, bundled + CARRIER.formatted("ceb511"), StandardCharsets.UTF_8);
            assertTrue(adapter.runtime().reloadPartners());
            var refused = adapter.post(status("HGKY" + System.nanoTime()), secret("second-carrier.api-key"), "second-carrier");
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("may not send ceb513"), refused.body());

            // a file that does not read changes nothing
            Files.writeString(file, bundled + "  - id: [broken\n", StandardCharsets.UTF_8);
            assertFalse(adapter.runtime().reloadPartners());
            assertEquals(400, adapter.post(status("HGKY" + System.nanoTime()), secret("second-carrier.api-key"), "second-carrier").statusCode());

            // removed: its key opens nothing
            Files.writeString(file, bundled, StandardCharsets.UTF_8);
            assertTrue(adapter.runtime().reloadPartners());
            assertEquals(401, adapter.post(status("HGKY" + System.nanoTime()), secret("second-carrier.api-key"), null).statusCode());
            assertEquals(200, adapter.post(Project.bytes(Project.examples("ceb513").resolve("status-minimal.xml")), "demo-logistics").statusCode());
        }
    }
}
