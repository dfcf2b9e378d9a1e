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
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.runtime.AdapterRuntime;
import org.wcoecom.adapter.security.Credentials;
import org.wcoecom.adapter.security.Secrets;
import org.wcoecom.adapter.settings.Settings;

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
    private final int operatorPort;
    private final int soapPort;
    private final int managementPort;
    private final AdapterRuntime runtime;
    private ActiveMQConnectionFactory operatorConnections;
    private final ActiveMQConnectionFactory partnerConnections;
    private final Settings settings;
    private Secrets secrets;

    /** Starts an adapter on the data folder (reusing its journal and database if there are some). */
    public TestAdapter(Path dataDir) throws Exception {
        this(dataDir, Map.of());
    }

    /** An adapter with further settings (e.g. SOAP exchange partners, reliability limits) over the test defaults. */
    public TestAdapter(Path dataDir, Map<String, String> extraSettings) throws Exception {
        this(dataDir, extraSettings, true);
    }

    /** An adapter not started yet ({@link #start()}), to watch it start. */
    public static TestAdapter unstarted(Path dataDir, Map<String, String> extraSettings) throws Exception {
        return new TestAdapter(dataDir, extraSettings, false);
    }

    private TestAdapter(Path dataDir, Map<String, String> extraSettings, boolean start) throws Exception {
        this.dataDir = dataDir;
        this.httpPort = PackagedAdapter.freePort();
        this.brokerPort = PackagedAdapter.freePort();
        this.operatorPort = PackagedAdapter.freePort();
        this.soapPort = PackagedAdapter.freePort();
        this.managementPort = PackagedAdapter.freePort();
        Map<String, String> values = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("adapter.home", Project.root().toString()),
                Map.entry("adapter.data.dir", dataDir.toString()),
                Map.entry("adapter.http.host", "127.0.0.1"),
                Map.entry("adapter.http.port", String.valueOf(httpPort)),
                Map.entry("adapter.broker.host", "127.0.0.1"),
                Map.entry("adapter.broker.port", String.valueOf(brokerPort)),
                Map.entry("adapter.broker.operator-port", String.valueOf(operatorPort)),
                Map.entry("adapter.file.poll-delay", "200"),
                Map.entry("adapter.crosscheck.timeout", String.valueOf(CROSSCHECK_TIMEOUT_MS)),
                Map.entry("adapter.catalogue.retry-interval", "1000"),
                Map.entry("adapter.limits.max-message-bytes", String.valueOf(MAX_MESSAGE_BYTES)),
                Map.entry("adapter.soap.host", "127.0.0.1"),
                Map.entry("adapter.soap.port", String.valueOf(soapPort)),
                Map.entry("adapter.management.port", String.valueOf(managementPort)),
                // the adapter's declarations are signed with a key it makes itself
                Map.entry("adapter.signing.allow-self-signed", "true"),
                // the declarations demo-declarant sends are signed with its test key (PartnerSigning)
                Map.entry("adapter.signature.partner.demo-declarant.certificates", PartnerSigning.declarant().pem().toString())));
        values.putAll(extraSettings);
        settings = Settings.load(Optional.empty(), values);
        runtime = new AdapterRuntime(settings);
        if (start) {
            start();
        }
        partnerConnections = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
    }

    @Override
    public void close() {
        if (operatorConnections != null) {
            operatorConnections.close();
        }
        partnerConnections.close();
        runtime.close();
    }

    /** Starts the adapter made by {@link #unstarted}; returns once every route runs. */
    public void start() throws Exception {
        runtime.start();
    }

    private synchronized ActiveMQConnectionFactory operatorConnections() {
        if (operatorConnections == null) {
            operatorConnections = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + operatorPort, BrokerUsers.OPERATOR,
                    brokerPassword(BrokerUsers.OPERATOR));
        }
        return operatorConnections;
    }

    /** The secrets file as it is once the adapter has made its secrets (read again until then). */
    private synchronized Secrets secrets() {
        if (secrets == null || secrets.find(Secrets.brokerPasswordName(BrokerUsers.OPERATOR)).isEmpty()) {
            secrets = Secrets.open(Credentials.secretsFile(settings), false);
        }
        return secrets;
    }

    /** A partner's HTTP API key, as generated into the data folder's secrets file. */
    public String apiKey(String partner) {
        return secrets().find(Secrets.apiKeyName(partner)).orElseThrow(() -> new AssertionError("no API key for " + partner));
    }

    /** A secret of the adapter's secrets file (e.g. database.password). */
    public String secret(String name) {
        return secrets().find(name).orElseThrow(() -> new AssertionError("no secret " + name));
    }

    /** A broker user's password (a partner, operator or customs). */
    public String brokerPassword(String user) {
        return secrets().find(Secrets.brokerPasswordName(user)).orElseThrow(() -> new AssertionError("no broker password for " + user));
    }

    /** The command-line options that point a command (dlq, audit) at this adapter. */
    public java.util.List<String> commandOptions() {
        return java.util.List.of("--home", Project.root().toString(), "--data", dataDir.toString(),
                "--broker-port", String.valueOf(brokerPort), "--operator-port", String.valueOf(operatorPort));
    }

    /** The running adapter itself (to stop a route, say, as an operator would). */
    public AdapterRuntime runtime() {
        return runtime;
    }

    /** The broker's acceptor for partners and the customs gateway. */
    public int brokerPort() {
        return brokerPort;
    }

    /** The broker's acceptor for the operator alone. */
    public int operatorPort() {
        return operatorPort;
    }

    /** Health, metrics and the operations page. */
    public int managementPort() {
        return managementPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The SOAP exchange service's address. */
    public String soapAddress() {
        return "http://127.0.0.1:" + soapPort + "/ws/exchange";
    }

    /** Posts as the partner: its API key, and its id in X-Partner-Id. */
    public HttpResponse<String> post(byte[] body, String partner) throws IOException, InterruptedException {
        return post(body, apiKey(partner), partner);
    }

    /** Posts with the given API key (none when null) and X-Partner-Id (none when null). */
    public HttpResponse<String> post(byte[] body, String apiKey, String partnerHeader) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/messages"))
                .timeout(WAIT).header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (partnerHeader != null) {
            request.header("X-Partner-Id", partnerHeader);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/messages"))
                .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * A connection to the broker over TCP with the operator's rights (every queue), on the
     * operator's acceptor: tests play partners and customs on it. {@link #connection(String)}
     * connects as one of them, on theirs.
     */
    public Connection partnerConnection() throws JMSException {
        Connection c = operatorConnections().createConnection();
        c.start();
        return c;
    }

    /** A connection over TCP as the given broker user (a partner id or customs), on the partners' acceptor. */
    public Connection connection(String user) throws JMSException {
        Connection c = partnerConnections.createConnection(user, brokerPassword(user));
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
