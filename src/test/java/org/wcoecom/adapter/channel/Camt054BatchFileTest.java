package org.wcoecom.adapter.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Notifications;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * A camt.054 batch file larger than a message, dropped in the bank's inbox: it is cut along its
 * entries (a chunk never holds entries of two notifications), each chunk is answered with a
 * pain.002 of its own accepting every payment in it, every payment reaches customs once, and the
 * file ends in .done/.
 */
class Camt054BatchFileTest {

    static final String BANK = "demo-bank";
    static final int NOTIFICATIONS = 3;
    static final int ENTRIES = 12;
    static final int PER_CHUNK = 5;
    /** per notification: 5, 5 and 2 entries */
    static final int CHUNKS = 9;
    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path data;
    static TestAdapter adapter;

    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        adapter = new TestAdapter(data, Map.of("adapter.limits.max-message-bytes", "32768",
                "adapter.file.batch-records", String.valueOf(PER_CHUNK)));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void every_payment_is_forwarded_once_and_every_chunk_answered_in_pain002() throws Exception {
        String prefix = "CAMT" + System.currentTimeMillis() % 10_000_000;
        Path inbox = data.resolve("inbox").resolve(BANK);
        Files.createDirectories(inbox);
        String name = prefix + ".xml";
        long size = Notifications.write(inbox.resolve(name), prefix, NOTIFICATIONS, ENTRIES);
        assertTrue(size > 32768, "larger than a message: " + size);

        awaitFile(inbox.resolve(".done"), name);
        List<XdmNode> receipts = receipts(prefix);
        assertEquals(CHUNKS, receipts.size(), "one pain.002 per chunk");
        int accepted = 0;
        for (XdmNode receipt : receipts) {
            assertEquals("ACCP", Xml.value(receipt, "//*:OrgnlGrpInfAndSts/*:GrpSts"));
            assertEquals(prefix, Xml.value(receipt, "//*:OrgnlMsgId"), "the file's message id");
            assertEquals("1", Xml.value(receipt, "count(//*:OrgnlPmtInfAndSts)"), "one notification per chunk");
            accepted += Integer.parseInt(Xml.value(receipt, "count(//*:TxInfAndSts[*:TxSts = 'ACCP'])"));
        }
        assertEquals(2 * NOTIFICATIONS * ENTRIES, accepted, "every payment accepted");

        Map<String, Integer> forwarded = forwarded(prefix, 2 * NOTIFICATIONS * ENTRIES);
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= NOTIFICATIONS; n++) {
            for (int e = 1; e <= ENTRIES; e++) {
                for (int p = 1; p <= 2; p++) {
                    expected.add(BANK + ":" + Notifications.reference(prefix, n, e, p));
                }
            }
        }
        assertEquals(expected.stream().sorted().toList(), List.copyOf(forwarded.keySet()), "every payment forwarded");
        assertTrue(forwarded.values().stream().allMatch(n -> n == 1), "each once: " + forwarded);
    }

    /** The file's pain.002 receipts (one per chunk), once all are there. */
    private List<XdmNode> receipts(String prefix) throws Exception {
        Path outbox = data.resolve("outbox").resolve(BANK);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<Path> found = new ArrayList<>();
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    files.filter(p -> !p.getFileName().toString().startsWith(".")
                            && p.getFileName().toString().matches(".*-" + prefix + "\\.\\d{4}\\.pain002\\.xml")).sorted().forEach(found::add);
                }
            }
            if (found.size() >= CHUNKS || System.nanoTime() > deadline) {
                List<XdmNode> receipts = new ArrayList<>();
                for (Path p : found) {
                    receipts.add(engine.valid(Files.readAllBytes(p)));
                }
                return receipts;
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, Integer> forwarded(String prefix, int expected) throws Exception {
        Map<String, Integer> seen = new TreeMap<>();
        try (Connection c = adapter.partnerConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = s.createConsumer(s.createQueue("customs.ceb.out"),
                    "AdapterRecordId LIKE '" + BANK + ":" + prefix + "-%'")) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (seen.values().stream().mapToInt(Integer::intValue).sum() < expected && System.nanoTime() < deadline) {
                    take(consumer, 1000, seen);
                }
                // a payment forwarded twice would come now
                while (take(consumer, 2000, seen)) {
                    // keep counting
                }
            }
        }
        return seen;
    }

    private static boolean take(MessageConsumer consumer, long wait, Map<String, Integer> seen) throws Exception {
        Message m = consumer.receive(wait);
        if (m != null) {
            seen.merge(m.getStringProperty("AdapterRecordId"), 1, Integer::sum);
        }
        return m != null;
    }

    private static void awaitFile(Path folder, String name) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.anyMatch(p -> p.getFileName().toString().endsWith("-" + name))) {
                        return;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no *-" + name + " in " + folder + " within " + WAIT.toSeconds() + " s");
    }
}
