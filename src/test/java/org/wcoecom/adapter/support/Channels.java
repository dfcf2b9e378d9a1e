package org.wcoecom.adapter.support;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/** Sends the same bytes as a partner on any channel and returns the answer it gets there. */
public final class Channels {

    public static final String HTTP = "http";
    public static final String JMS = "jms";
    public static final String FILE = "file";

    private static final java.util.concurrent.atomic.AtomicInteger FILES = new java.util.concurrent.atomic.AtomicInteger();

    private Channels() {
    }

    /** The receipt's text (HTTP: the response body), or fails when none comes in time. */
    public static String answer(TestAdapter adapter, String channel, String partner, byte[] body) throws Exception {
        return switch (channel) {
            case HTTP -> adapter.post(body, partner).body();
            case JMS -> viaJms(adapter, partner, body);
            case FILE -> viaFile(adapter, partner, body);
            default -> throw new IllegalArgumentException(channel);
        };
    }

    private static String viaJms(TestAdapter adapter, String partner, byte[] body) throws Exception {
        try (Connection c = adapter.connection(partner)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(body);
            s.createProducer(s.createQueue("partner." + partner + ".in")).send(m);
            try (MessageConsumer receipts = s.createConsumer(s.createQueue("partner." + partner + ".receipts"),
                    "JMSCorrelationID = '" + m.getJMSMessageID() + "'")) {
                Message receipt = receipts.receive(TestAdapter.WAIT.toMillis());
                if (receipt == null) {
                    throw new AssertionError("no receipt on partner." + partner + ".receipts within " + TestAdapter.WAIT);
                }
                return TestAdapter.text(receipt);
            }
        }
    }

    private static String viaFile(TestAdapter adapter, String partner, byte[] body) throws Exception {
        Path inbox = adapter.dataDir().resolve("inbox").resolve(partner);
        Path outbox = adapter.dataDir().resolve("outbox").resolve(partner);
        Files.createDirectories(inbox);
        String stem = "hostile-" + System.nanoTime() + "-" + FILES.incrementAndGet();
        Path hidden = inbox.resolve("." + stem + ".xml");
        Files.write(hidden, body);
        Files.move(hidden, inbox.resolve(stem + ".xml"));
        return Outbox.await(outbox, "-" + stem + ".", TestAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("no receipt for " + stem + " in " + outbox));
    }
}
