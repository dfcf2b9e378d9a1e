package org.wcoecom.adapter.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.wcoecom.adapter.runtime.AdapterRuntime;
import org.wcoecom.adapter.runtime.Settings;

/**
 * The real adapter for channel tests: embedded Artemis with its journal in a temporary folder,
 * HTTP and broker on free loopback ports, the project's routes, formats and partners. Started once
 * for all test classes that use it and stopped when the test run ends.
 */
public final class RunningAdapter implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);
    public static final String PARTNER = "demo-platform";
    /** Small enough to test the guard without megabytes of test data. */
    public static final int MAX_MESSAGE_BYTES = 1_000_000;

    private static AdapterRuntime runtime;
    private static Path dataDir;
    private static int httpPort;
    private static int brokerPort;
    private static ActiveMQConnectionFactory partnerConnections;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (runtime != null) {
            return;
        }
        dataDir = Files.createTempDirectory("adapter-test-");
        httpPort = freePort();
        brokerPort = freePort();
        Settings settings = Settings.load(Optional.empty(), Map.of(
                "adapter.home", Project.root().toString(),
                "adapter.data.dir", dataDir.toString(),
                "adapter.http.host", "127.0.0.1",
                "adapter.http.port", String.valueOf(httpPort),
                "adapter.broker.host", "127.0.0.1",
                "adapter.broker.port", String.valueOf(brokerPort),
                "adapter.file.poll-delay", "200",
                "adapter.limits.max-message-bytes", String.valueOf(MAX_MESSAGE_BYTES)));
        runtime = new AdapterRuntime(settings);
        runtime.start();
        partnerConnections = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningAdapter.class.getName(), this);
    }

    @Override
    public void close() {
        partnerConnections.close();
        runtime.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static Path dataDir() {
        return dataDir;
    }

    public static HttpResponse<String> post(byte[] body, String partner) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/messages"))
                .timeout(WAIT).header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (partner != null) {
            request.header("X-Partner-Id", partner);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> get() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/messages"))
                .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A connection to the broker over TCP, as a partner has. */
    public static Connection partnerConnection() throws JMSException {
        Connection c = partnerConnections.createConnection();
        c.start();
        return c;
    }

    /** Takes the forwarded message of a record from the customs queue, or fails after a while. */
    public static Message forwarded(String recordId) throws JMSException {
        return takeForwarded(recordId, WAIT).orElseThrow(() -> new AssertionError("record " + recordId
                + " did not reach customs.ceb.out within " + WAIT.toSeconds() + " s"));
    }

    /** Takes the forwarded message of a record if one arrives within the given time. */
    public static Optional<Message> takeForwarded(String recordId, Duration wait) throws JMSException {
        try (Connection c = partnerConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = s.createConsumer(s.createQueue("customs.ceb.out"),
                    "AdapterRecordId = '" + recordId.replace("'", "''") + "'")) {
                return Optional.ofNullable(consumer.receive(wait.toMillis()));
            }
        }
    }

    /** Every message now on the customs queue, left in place. */
    public static List<String> browseForwarded() throws JMSException {
        try (Connection c = partnerConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<String> bodies = new ArrayList<>();
            var browser = s.createBrowser(s.createQueue("customs.ceb.out"));
            for (Object m : Collections.list(browser.getEnumeration())) {
                bodies.add(text((Message) m));
            }
            return bodies;
        }
    }

    public static String text(Message m) throws JMSException {
        if (m instanceof TextMessage t) {
            return t.getText();
        }
        BytesMessage b = (BytesMessage) m;
        b.reset();
        byte[] bytes = new byte[(int) b.getBodyLength()];
        b.readBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
