package org.wcoecom.adapter.runtime;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.wcoecom.adapter.broker.ConnectionFactories;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.broker.MessageBodies;
import org.wcoecom.adapter.partner.Partner;

/**
 * {@code run --demo}: a newcomer's first minute. Sends the example order, its payment and its
 * waybill the way their senders would (the platform posts over HTTP, the payment provider sends a
 * JMS message over TCP, the carrier drops a file in its inbox), shows the CEB621 declaration the
 * three-document check produces, then one broken order on every channel, and lists what was
 * forwarded to customs.
 */
public final class Demo implements Runnable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ORDER = "ceb311/examples/order-single.xml";
    private static final String PAYMENT = "ceb411/examples/payment-single.xml";
    private static final String WAYBILL = "ceb511/examples/waybill-single.xml";

    private final AdapterRuntime runtime;
    private final PrintWriter out;

    public Demo(AdapterRuntime runtime, PrintWriter out) {
        this.runtime = runtime;
        this.out = out;
    }

    @Override
    public void run() {
        try {
            long started = System.currentTimeMillis();
            Path mappings = runtime.settings().home().resolve("mappings");
            Path order = mappings.resolve(ORDER);
            Path payment = mappings.resolve(PAYMENT);
            Path waybill = mappings.resolve(WAYBILL);
            for (Path example : List.of(order, payment, waybill)) {
                if (!Files.isRegularFile(example)) {
                    say("demo: " + example + " is missing; nothing sent");
                    return;
                }
            }
            String fallback = runtime.partners().all().stream().map(Partner::id).findFirst().orElse("demo-platform");
            say("");
            say("=== demo 1/3: an order, its payment and its waybill, each from its sender on its own channel ===");
            byte[] orderXml = Files.readAllBytes(order);
            viaHttp(senderOf(orderXml, fallback), order.toString(), orderXml);
            byte[] paymentXml = Files.readAllBytes(payment);
            viaJms(senderOf(paymentXml, fallback), payment.toString(), paymentXml);
            byte[] waybillXml = Files.readAllBytes(waybill);
            viaFile(senderOf(waybillXml, fallback), waybill, waybillXml);
            say("");
            say("=== demo 2/3: the three documents agree, so the adapter declares the parcel (CEB621) ===");
            declaration(started);

            byte[] broken = new String(orderXml, StandardCharsets.UTF_8)
                    .replaceFirst("<ceb:orderNo>[^<]*</ceb:orderNo>", "").getBytes(StandardCharsets.UTF_8);
            String platform = senderOf(orderXml, fallback);
            say("");
            say("=== demo 3/3: a broken order (no orderNo) on every channel: each sender is told what and where ===");
            viaHttp(platform, "broken copy of " + order, broken);
            viaJms(platform, "broken copy of " + order, broken);
            viaFile(platform, Path.of("broken-" + order.getFileName()), broken);
            forwarded(started);
            say("=== demo done; the adapter keeps running (Ctrl-C stops it) ===");
        } catch (Exception e) {
            say("demo failed: " + e);
        }
    }

    /** Waits for the declaration the cross-check forwards and prints it. */
    private void declaration(long since) throws JMSException, InterruptedException {
        String destination = runtime.settings().get("adapter.egress.ceb.destination");
        try (ActiveMQConnectionFactory cf = broker();
             Connection connection = cf.createConnection(BrokerUsers.CUSTOMS, password(BrokerUsers.CUSTOMS))) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            long deadline = System.currentTimeMillis() + WAIT.toMillis();
            while (System.currentTimeMillis() < deadline) {
                try (QueueBrowser browser = session.createBrowser(session.createQueue(destination),
                        "AdapterFormat = 'ceb621' AND JMSTimestamp >= " + since)) {
                    Enumeration<?> found = browser.getEnumeration();
                    if (found.hasMoreElements()) {
                        Message m = (Message) found.nextElement();
                        say("declaration " + m.getStringProperty("AdapterRecordId") + " on " + destination + ":");
                        say(MessageBodies.text(m));
                        return;
                    }
                }
                Thread.sleep(250);
            }
            say("no declaration within " + WAIT.toSeconds() + " s (see the log: a held or refused declaration says why)");
        }
    }

    /** The broker as a partner reaches it; with TLS, trusting the adapter's own certificate. */
    private ActiveMQConnectionFactory broker() {
        String url = runtime.brokerUrl();
        if (runtime.tls().isPresent()) {
            url += "&trustStoreType=PKCS12&trustStorePath=" + encode(runtime.tls().get().keystore().toString())
                    + "&trustStorePassword=" + encode(runtime.tls().get().password());
        }
        return ConnectionFactories.artemis(url);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String password(String brokerUser) {
        return runtime.credentials().brokerPassword(brokerUser).orElse("");
    }

    /** The partner whose sender code the example carries (the first partner if none does). */
    private String senderOf(byte[] xml, String fallback) {
        var read = new org.wcoecom.adapter.format.MessageReader(runtime.formats(), 1).read(xml);
        return read.format().flatMap(f -> read.document().flatMap(f::senderCode))
                .flatMap(code -> runtime.partners().bySenderCode(code)).map(Partner::id).orElse(fallback);
    }

    private void viaHttp(String partner, String name, byte[] xml) throws IOException, InterruptedException {
        String url = (runtime.tls().isPresent() ? "https" : "http") + "://localhost:" + runtime.settings().get("adapter.http.port")
                + "/api/v1/messages";
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        runtime.tls().ifPresent(t -> builder.sslContext(t.trustingItself()));
        HttpClient client = builder.build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                .header("Content-Type", "application/xml")
                .header("X-Api-Key", runtime.credentials().apiKey(partner).orElse(""))
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        say("");
        say("--- HTTP POST " + url + "  <- " + name);
        say("HTTP " + response.statusCode() + ", receipt:");
        say(response.body());
    }

    private void viaJms(String partner, String name, byte[] xml) throws JMSException {
        try (ActiveMQConnectionFactory cf = broker();
             Connection connection = cf.createConnection(partner, password(partner))) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(xml);
            session.createProducer(session.createQueue("partner." + partner + ".in")).send(message);
            say("");
            say("--- JMS " + runtime.brokerUrl() + " queue partner." + partner + ".in  <- " + name);
            String selector = "JMSCorrelationID = '" + message.getJMSMessageID() + "'";
            try (MessageConsumer receipts = session.createConsumer(session.createQueue("partner." + partner + ".receipts"), selector)) {
                Message receipt = receipts.receive(WAIT.toMillis());
                say(receipt == null ? "no receipt within " + WAIT.toSeconds() + " s"
                        : "receipt on partner." + partner + ".receipts:\n" + MessageBodies.text(receipt));
            }
        }
    }

    private void viaFile(String partner, Path example, byte[] xml) throws IOException, InterruptedException {
        Path inbox = runtime.settings().dataDir().resolve("inbox").resolve(partner);
        Path outbox = runtime.settings().dataDir().resolve("outbox").resolve(partner);
        Files.createDirectories(inbox);
        String name = "demo-" + System.nanoTime() + "-" + example.getFileName();
        // written under a hidden name, then renamed: the inbox never sees half a file
        Path hidden = inbox.resolve("." + name);
        Files.write(hidden, xml);
        Files.move(hidden, inbox.resolve(name));
        say("");
        say("--- file " + inbox.resolve(name) + "  <- " + example);
        String stem = name.substring(0, name.length() - 4);
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(outbox)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(outbox, "*-" + stem + ".*.xml")) {
                    for (Path receipt : files) {
                        say("receipt in " + receipt + ":");
                        say(Files.readString(receipt, StandardCharsets.UTF_8));
                        return;
                    }
                }
            }
            Thread.sleep(200);
        }
        say("no receipt within " + WAIT.toSeconds() + " s");
    }

    private void forwarded(long since) throws JMSException, InterruptedException {
        String destination = runtime.settings().get("adapter.egress.ceb.destination");
        say("");
        say("--- forwarded: messages on queue " + destination + " since the demo started ---");
        try (ActiveMQConnectionFactory cf = broker();
             Connection connection = cf.createConnection(BrokerUsers.CUSTOMS, password(BrokerUsers.CUSTOMS))) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // records are forwarded asynchronously; give the egress route a moment
            Thread.sleep(2000);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(destination), "JMSTimestamp >= " + since)) {
                for (Message m : Collections.list((Enumeration<Message>) browser.getEnumeration())) {
                    say("%s  record %s  as %s message %s".formatted(destination, m.getStringProperty("AdapterRecordId"),
                            m.getStringProperty("AdapterFormat"), m.getStringProperty("AdapterMessageGuid")));
                }
            }
        }
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
