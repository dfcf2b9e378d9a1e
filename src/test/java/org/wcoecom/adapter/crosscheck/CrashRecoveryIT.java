package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.PackagedAdapter;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Xml;

/**
 * The packaged adapter killed with SIGKILL (no shutdown hook runs) after it has accepted an order
 * and its payment, and started again on the same data folder: the waybill sent afterwards completes
 * the three-document check, and exactly one CEB621 declaration reaches customs.
 */
class CrashRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void a_killed_adapter_completes_the_cross_check_after_restart(@TempDir Path data) throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-KILL");
        int http = PackagedAdapter.freePort();
        int broker = PackagedAdapter.freePort();
        int operatorPort = PackagedAdapter.freePort();
        List<String> run = List.of("run", "--data", data.toString(), "--http-port", String.valueOf(http),
                "--broker-port", String.valueOf(broker), "--operator-port", String.valueOf(operatorPort));

        try (PackagedAdapter first = started(run)) {
            post(data, http, Messages.order(k.orderNo(), k.transactionId()), CrossCheck.PLATFORM);
            post(data, http, Messages.payment(k.orderNo(), k.transactionId()), CrossCheck.PAYMENT);
            // both documents have left the queue for the database: the kill hits them where only it holds them
            // (a browser does not see a message being delivered: a moment more lets its commit land)
            awaitEmpty(data, operatorPort, "crosscheck.in");
            Thread.sleep(1000);
            first.kill();
        }

        try (PackagedAdapter second = started(run);
                ActiveMQConnectionFactory factory = PackagedAdapter.operator(data, operatorPort);
                Connection c = factory.createConnection()) {
            post(data, http, Messages.waybill(k.orderNo(), k.logisticsNo()), CrossCheck.LOGISTICS);
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer declarations = s.createConsumer(s.createQueue("customs.ceb.out"),
                    "AdapterFormat = 'ceb621' AND AdapterRecordId = '" + k.declarationRecord() + "'")) {
                Message declaration = declarations.receive(WAIT.toMillis());
                assertNotNull(declaration, "no CEB621 after the restart\n" + second.output());
                var ceb621 = Xml.parse(TestAdapter.text(declaration));
                assertEquals(k.orderNo(), Xml.value(ceb621, "//ceb:InventoryHead/ceb:orderNo"));
                assertEquals(k.logisticsNo(), Xml.value(ceb621, "//ceb:InventoryHead/ceb:logisticsNo"));
                assertNull(declarations.receive(3000), "a second CEB621 for the same order");
            }
            second.terminate(Duration.ofSeconds(60));
        }
    }

    private static PackagedAdapter started(List<String> run) throws Exception {
        PackagedAdapter adapter = PackagedAdapter.start(run);
        if (!adapter.awaitLine("wco-ecom-adapter is running", WAIT)) {
            adapter.close();
            throw new AssertionError("the adapter did not start\n" + adapter.output());
        }
        return adapter;
    }

    private static void post(Path data, int http, String xml, String partner) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/api/v1/messages")).timeout(WAIT)
                        .header("Content-Type", "application/xml").header("X-Api-Key", PackagedAdapter.secret(data, partner + ".api-key"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Messages.utf8(xml))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
    }

    private static void awaitEmpty(Path data, int operatorPort, String queue) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!browseEmpty(data, operatorPort, queue)) {
            assertTrue(System.nanoTime() < deadline, queue + " never emptied");
            Thread.sleep(200);
        }
    }

    private static boolean browseEmpty(Path data, int operatorPort, String queue) {
        try (ActiveMQConnectionFactory factory = PackagedAdapter.operator(data, operatorPort);
                Connection c = factory.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            return !s.createBrowser(s.createQueue(queue)).getEnumeration().hasMoreElements();
        } catch (Exception notYet) {
            return false;
        }
    }
}
