package org.wcoecom.adapter.support;

import java.io.IOException;
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
import org.wcoecom.adapter.runtime.AdapterRuntime;
import org.wcoecom.adapter.runtime.Settings;

/**
 * A real adapter for tests: embedded Artemis with its journal in a given folder, HTTP and broker on
 * free loopback ports, the project's routes, formats and partners; and the ways a partner and
 * customs talk to it.
 */
public final class TestAdapter implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);
    public static final int MAX_MESSAGE_BYTES = 1_000_000;
    public static final int CROSSCHECK_TIMEOUT_MS = 4000;

    private final Path dataDir;
    private final int httpPort;
    private final int brokerPort;
    private final int soapPort;
    private final AdapterRuntime runtime;
    private final ActiveMQConnectionFactory partnerConnections;

    /** Starts an adapter on the data folder (reusing its journal and database if there are some). */
    public TestAdapter(Path dataDir) throws Exception {
        this(dataDir, Map.of());
    }

    /** An adapter with further settings (e.g. SOAP exchange partners) over the test defaults. */
    public TestAdapter(Path dataDir, Map<String, String> extraSettings) throws Exception {
        this.dataDir = dataDir;
        this.httpPort = PackagedAdapter.freePort();
        this.brokerPort = PackagedAdapter.freePort();
        this.soapPort = PackagedAdapter.freePort();
        Map<String, String> values = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("adapter.home", Project.root().toString()),
                Map.entry("adapter.data.dir", dataDir.toString()),
                Map.entry("adapter.http.host", "127.0.0.1"),
                Map.entry("adapter.http.port", String.valueOf(httpPort)),
                Map.entry("adapter.broker.host", "127.0.0.1"),
                Map.entry("adapter.broker.port", String.valueOf(brokerPort)),
                Map.entry("adapter.file.poll-delay", "200"),
                Map.entry("adapter.crosscheck.timeout", String.valueOf(CROSSCHECK_TIMEOUT_MS)),
                Map.entry("adapter.catalogue.retry-interval", "1000"),
                Map.entry("adapter.limits.max-message-bytes", String.valueOf(MAX_MESSAGE_BYTES)),
                Map.entry("adapter.soap.host", "127.0.0.1"),
                Map.entry("adapter.soap.port", String.valueOf(soapPort))));
        values.putAll(extraSettings);
        Settings settings = Settings.load(Optional.empty(), values);
        runtime = new AdapterRuntime(settings);
        runtime.start();
        partnerConnections = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
    }

    @Override
    public void close() {
        partnerConnections.close();
        runtime.close();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The SOAP exchange service's address. */
    public String soapAddress() {
        return "http://127.0.0.1:" + soapPort + "/ws/exchange";
    }

    public HttpResponse<String> post(byte[] body, String partner) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/messages"))
                .timeout(WAIT).header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (partner != null) {
            request.header("X-Partner-Id", partner);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/messages"))
                .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A connection to the broker over TCP, as a partner has. */
    public Connection partnerConnection() throws JMSException {
        Connection c = partnerConnections.createConnection();
        c.start();
        return c;
    }

    /** Sends a message to a queue, as a partner (or customs) would. */
    public String send(String queue, byte[] body) throws JMSException {
        try (Connection c = partnerConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(body);
            s.createProducer(s.createQueue(queue)).send(m);
            return m.getJMSMessageID();
        }
    }

    /** Takes the first message of a queue that matches a selector, if one comes in time. */
    public Optional<Message> take(String queue, String selector, Duration wait) throws JMSException {
        try (Connection c = partnerConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = selector == null ? s.createConsumer(s.createQueue(queue))
                    : s.createConsumer(s.createQueue(queue), selector)) {
                return Optional.ofNullable(consumer.receive(wait.toMillis()));
            }
        }
    }

    /** Takes the forwarded message of a record from the customs queue, or fails after a while. */
    public Message forwarded(String recordId) throws JMSException {
        return takeForwarded(recordId, WAIT).orElseThrow(() -> new AssertionError("record " + recordId
                + " did not reach customs.ceb.out within " + WAIT.toSeconds() + " s"));
    }

    public Optional<Message> takeForwarded(String recordId, Duration wait) throws JMSException {
        return take("customs.ceb.out", "AdapterRecordId = '" + recordId.replace("'", "''") + "'", wait);
    }

    /** Every message now on the customs queue, left in place. */
    public List<String> browseForwarded() throws JMSException {
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
