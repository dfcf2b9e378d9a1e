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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.partner.Partner;

/**
 * {@code run --demo}: a newcomer's first minute. Sends the bundled example messages the way
 * partners would (HTTP post, a JMS message over TCP, a file in the inbox), plus one broken message,
 * and prints each receipt and where each forwarded message went.
 */
public final class Demo implements Runnable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The examples partners would send (not receipts, which come from customs). */
    private static final java.util.Set<String> PARTNER_KINDS = java.util.Set.of("order", "payment", "waybill", "status", "inventory");

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
            List<Path> examples = examples();
            if (examples.isEmpty()) {
                say("demo: no example messages under mappings/*/examples/");
                return;
            }
            String partner = runtime.partners().all().stream().map(Partner::id).findFirst().orElse("demo-platform");
            say("");
            say("=== demo: sending " + examples.size() + " example message(s), each as the partner owning its sender code ===");
            for (int i = 0; i < examples.size(); i++) {
                Path example = examples.get(i);
                byte[] xml = Files.readAllBytes(example);
                String sender = senderOf(example, xml, partner);
                switch (i % 3) {
                    case 0 -> viaHttp(sender, example.toString(), xml);
                    case 1 -> viaJms(sender, example.toString(), xml);
                    default -> viaFile(sender, example, xml);
                }
            }
            if (examples.size() < 3) {
                // every channel shows once, even with few examples
                for (int i = examples.size(); i < 3; i++) {
                    Path example = examples.get(i % examples.size());
                    byte[] xml = Files.readAllBytes(example);
                    if (i == 1) {
                        viaJms(partner, example.toString(), xml);
                    } else {
                        viaFile(partner, example, xml);
                    }
                }
            }
            Path smallest = examples.stream().min(java.util.Comparator.comparingLong(Demo::size)).orElseThrow();
            byte[] broken = new String(Files.readAllBytes(smallest), StandardCharsets.UTF_8)
                    .replaceFirst("<ceb:orderNo>[^<]*</ceb:orderNo>", "").getBytes(StandardCharsets.UTF_8);
            say("");
            say("--- and one broken message (an order without its orderNo), on every channel ---");
            viaHttp(partner, "broken copy of " + smallest, broken);
            viaJms(partner, "broken copy of " + smallest, broken);
            viaFile(partner, Path.of("broken-" + smallest.getFileName()), broken);
            forwarded(started);
            say("=== demo done; the adapter keeps running (Ctrl-C stops it) ===");
        } catch (Exception e) {
            say("demo failed: " + e);
        }
    }

    /** The partner whose sender code the example carries (the first partner if none does). */
    private String senderOf(Path example, byte[] xml, String fallback) {
        var read = new org.wcoecom.adapter.format.MessageReader(runtime.formats(), 1).read(xml);
        return read.format().flatMap(f -> read.document().flatMap(f::senderCode))
                .flatMap(code -> runtime.partners().bySenderCode(code)).map(Partner::id).orElse(fallback);
    }

    private List<Path> examples() throws IOException {
        List<Path> result = new ArrayList<>();
        for (Format f : runtime.formats().all()) {
            Path dir = f.definition().folder().resolve("examples");
            if (!f.definition().readable() || !PARTNER_KINDS.contains(f.definition().kind()) || !Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".xml") && !p.toString().endsWith(".canonical.xml"))
                        .sorted().forEach(result::add);
            }
        }
        return result;
    }

    private void viaHttp(String partner, String name, byte[] xml) throws IOException, InterruptedException {
        String url = "http://localhost:" + runtime.settings().get("adapter.http.port") + "/api/v1/messages";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                .header("Content-Type", "application/xml").header("X-Partner-Id", partner)
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        say("");
        say("--- HTTP POST " + url + "  <- " + name);
        say("HTTP " + response.statusCode() + ", receipt:");
        say(response.body());
    }

    private void viaJms(String partner, String name, byte[] xml) throws JMSException {
        try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(runtime.brokerUrl());
             Connection connection = cf.createConnection()) {
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
                        : "receipt on partner." + partner + ".receipts:\n" + text(receipt));
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
        try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(runtime.brokerUrl());
             Connection connection = cf.createConnection()) {
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

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String text(Message m) throws JMSException {
        if (m instanceof TextMessage t) {
            return t.getText();
        }
        BytesMessage b = (BytesMessage) m;
        byte[] bytes = new byte[(int) b.getBodyLength()];
        b.readBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
