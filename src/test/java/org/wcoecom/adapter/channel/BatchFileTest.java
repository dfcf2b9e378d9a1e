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
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
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
import org.wcoecom.adapter.support.Batches;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * A batch file larger than a message is cut into messages along its orders: each chunk goes
 * through the pipeline on its own and is answered with a receipt of its own, every order is
 * forwarded once, and the file ends in .done/, or in .error/ when a chunk was rejected.
 */
class BatchFileTest {

    static final String PARTNER = "demo-platform";
    static final int ORDERS = 150;
    static final int PER_CHUNK = 20;
    static final int CHUNKS = 8;
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path data;
    static TestAdapter adapter;

    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        // a message limit the batch exceeds fourfold, and small chunks
        adapter = new TestAdapter(data, Map.of("adapter.limits.max-message-bytes", "65536",
                "adapter.file.batch-records", String.valueOf(PER_CHUNK)));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void every_order_is_forwarded_once_and_every_chunk_answered() throws Exception {
        String prefix = Messages.orderNo("BATCH");
        String name = drop(prefix, UnaryOperator.identity());

        awaitFile(inbox().resolve(".done"), name);
        Map<Integer, XdmNode> receipts = receipts(name);
        assertEquals(CHUNKS, receipts.size(), "one receipt per chunk");
        Map<String, String> status = statusByOrder(receipts.values());
        assertEquals(allOrders(prefix), List.copyOf(status.keySet()), "every order answered");
        assertTrue(status.values().stream().allMatch("2"::equals), "every order accepted: " + status);

        Map<String, Integer> forwarded = forwarded(prefix, ORDERS);
        assertEquals(recordIds(allOrders(prefix)), List.copyOf(forwarded.keySet()), "every order forwarded");
        assertTrue(forwarded.values().stream().allMatch(n -> n == 1), "each once: " + forwarded);
    }

    @Test
    void a_chunk_with_a_bad_order_is_rejected_and_the_file_moves_to_error() throws Exception {
        String prefix = Messages.orderNo("BATCH-BAD");
        int bad = 45; // in the third chunk: orders 41..60
        String badOrder = Batches.orderNo(prefix, bad);
        String name = drop(prefix, order -> order.contains(badOrder) ? order.replace("<ceb:orderType>I</ceb:orderType>", "") : order);

        awaitFile(inbox().resolve(".error"), name);
        Map<Integer, XdmNode> receipts = receipts(name);
        assertEquals(CHUNKS, receipts.size(), "one receipt per chunk");
        for (Map.Entry<Integer, XdmNode> receipt : receipts.entrySet()) {
            Map<String, String> status = statusByOrder(List.of(receipt.getValue()));
            String expected = receipt.getKey() == 3 ? "-301008" : "2";
            assertTrue(status.values().stream().allMatch(expected::equals), "chunk " + receipt.getKey() + ": " + status);
        }
        String why = String.join(" ", Xml.values(receipts.get(3), "//ceb:OrderReturn[ceb:orderNo='" + badOrder + "']/ceb:returnInfo"));
        assertTrue(why.contains("orderType"), why);

        List<String> others = IntStream.rangeClosed(1, ORDERS).filter(n -> n <= 2 * PER_CHUNK || n > 3 * PER_CHUNK)
                .mapToObj(n -> Batches.orderNo(prefix, n)).toList();
        Map<String, Integer> forwarded = forwarded(prefix, others.size());
        assertEquals(recordIds(others), List.copyOf(forwarded.keySet()), "the orders of the accepted chunks, and only those");
        assertTrue(forwarded.values().stream().allMatch(n -> n == 1), "each once: " + forwarded);
    }

    private static Path inbox() {
        return data.resolve("inbox").resolve(PARTNER);
    }

    private static Path outbox() {
        return data.resolve("outbox").resolve(PARTNER);
    }

    private static String drop(String prefix, UnaryOperator<String> change) throws Exception {
        Files.createDirectories(inbox());
        String name = prefix + ".xml";
        long size = Batches.write(inbox().resolve(name), prefix, ORDERS, change);
        assertTrue(size > 4 * 65536, "the batch is larger than a message: " + size);
        return name;
    }

    private static List<String> allOrders(String prefix) {
        return IntStream.rangeClosed(1, ORDERS).mapToObj(n -> Batches.orderNo(prefix, n)).toList();
    }

    private static List<String> recordIds(List<String> orders) {
        return orders.stream().map(o -> PARTNER + ":" + o).sorted().toList();
    }

    /** The file's receipts by chunk number, once all of them are there (finished ones only, not .part- files). */
    private Map<Integer, XdmNode> receipts(String name) throws Exception {
        String stem = name.substring(0, name.length() - ".xml".length());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<Path> found = new ArrayList<>();
            try (Stream<Path> files = Files.list(outbox())) {
                files.filter(p -> !p.getFileName().toString().startsWith(".")
                        && p.getFileName().toString().matches(".*-" + java.util.regex.Pattern.quote(stem) + "\\.\\d{4}\\.ceb312\\.xml"))
                        .forEach(found::add);
            }
            if (found.size() >= CHUNKS || System.nanoTime() > deadline) {
                Map<Integer, XdmNode> receipts = new TreeMap<>();
                for (Path p : found) {
                    String file = p.getFileName().toString();
                    int chunk = Integer.parseInt(file.substring(file.length() - "0001.ceb312.xml".length(), file.length() - ".ceb312.xml".length()));
                    receipts.put(chunk, engine.valid(Files.readAllBytes(p)));
                }
                return receipts;
            }
            Thread.sleep(200);
        }
    }

    /** Each order's returnStatus (a long answer continues in further return elements of the same order). */
    private static Map<String, String> statusByOrder(Iterable<XdmNode> receipts) {
        Map<String, String> status = new TreeMap<>();
        for (XdmNode receipt : receipts) {
            List<String> orders = Xml.values(receipt, "//ceb:OrderReturn/ceb:orderNo");
            List<String> codes = Xml.values(receipt, "//ceb:OrderReturn/ceb:returnStatus");
            for (int i = 0; i < orders.size(); i++) {
                status.merge(orders.get(i), codes.get(i), (a, b) -> a.equals(b) ? a : a + "," + b);
            }
        }
        return status;
    }

    /** Takes the forwarded records of the batch from the customs queue: how often each came. */
    private static Map<String, Integer> forwarded(String prefix, int expected) throws Exception {
        Map<String, Integer> seen = new TreeMap<>();
        try (Connection c = adapter.partnerConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = s.createConsumer(s.createQueue("customs.ceb.out"),
                    "AdapterRecordId LIKE '" + PARTNER + ":" + prefix + "-%'")) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (seen.values().stream().mapToInt(Integer::intValue).sum() < expected && System.nanoTime() < deadline) {
                    take(consumer, 1000, seen);
                }
                // a record forwarded twice would come now
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
        throw new AssertionError("no *-" + name + " in " + folder + " within " + WAIT.toSeconds() + " s; inbox: "
                + Files.list(inbox().getParent()).toList());
    }
}
