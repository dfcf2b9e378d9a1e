package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Xml;

/**
 * The packaged adapter killed with SIGKILL (no shutdown hook runs) after it has accepted an order
 * and its payment, and started again on the same data folder: the waybill sent afterwards completes
 * the three-document check, and exactly one CEB621 declaration reaches customs.
 */
class CrashRecoveryIT {

    private static final Path JAR = Project.root().resolve("target/wco-ecom-adapter.jar");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void a_killed_adapter_completes_the_cross_check_after_restart(@TempDir Path data) throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-KILL");
        int http = freePort();
        int broker = freePort();

        Adapter first = Adapter.start(data, http, broker);
        try {
            assertEquals(200, first.post(Messages.order(k.orderNo(), k.transactionId()), CrossCheck.PLATFORM));
            assertEquals(200, first.post(Messages.payment(k.orderNo(), k.transactionId()), CrossCheck.PAYMENT));
            // both documents have left the queue for the database: the kill hits them where only it holds them
            CrossCheck.awaitStored(data, k.orderNo(), WAIT);
            first.awaitEmpty("crosscheck.in");
        } finally {
            first.kill();
        }

        Adapter second = Adapter.start(data, http, broker);
        try {
            assertEquals(200, second.post(Messages.waybill(k.orderNo(), k.logisticsNo()), CrossCheck.LOGISTICS));
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + broker);
                    Connection c = factory.createConnection()) {
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
            }
        } finally {
            second.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** One run of the packaged jar as a child process, its output collected. */
    private static final class Adapter {
        private final Process process;
        private final int http;
        private final int broker;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        private Adapter(Process process, int http, int broker) {
            this.process = process;
            this.http = http;
            this.broker = broker;
        }

        static Adapter start(Path data, int http, int broker) throws Exception {
            Process p = new ProcessBuilder(java(), "-Dadapter.http.host=127.0.0.1", "-Dadapter.broker.host=127.0.0.1",
                    "-jar", JAR.toString(), "run", "--data", data.toString(),
                    "--http-port", String.valueOf(http), "--broker-port", String.valueOf(broker))
                    .directory(Project.root().toFile()).redirectErrorStream(true).start();
            Adapter a = new Adapter(p, http, broker);
            CountDownLatch running = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        a.lines.add(line);
                        if (line.startsWith("wco-ecom-adapter is running")) {
                            running.countDown();
                        }
                    }
                } catch (IOException e) {
                    a.lines.add("(output ended: " + e.getMessage() + ")");
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!running.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the adapter did not start\n" + a.output());
            }
            return a;
        }

        int post(String xml, String partner) throws Exception {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/api/v1/messages")).timeout(WAIT)
                            .header("Content-Type", "application/xml").header("X-Partner-Id", partner)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(Messages.utf8(xml))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertTrue(r.statusCode() == 200, r.body());
            return r.statusCode();
        }

        void awaitEmpty(String queue) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!browseEmpty(queue)) {
                assertTrue(System.nanoTime() < deadline, queue + " never emptied");
                Thread.sleep(200);
            }
        }

        boolean browseEmpty(String queue) {
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + broker);
                    Connection c = factory.createConnection()) {
                c.start();
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                return !s.createBrowser(s.createQueue(queue)).getEnumeration().hasMoreElements();
            } catch (Exception e) {
                return false;
            }
        }

        /** SIGKILL: no shutdown hook, no journal or database close. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the adapter survived SIGKILL");
        }

        void stop() throws InterruptedException {
            process.toHandle().destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        private static String java() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
