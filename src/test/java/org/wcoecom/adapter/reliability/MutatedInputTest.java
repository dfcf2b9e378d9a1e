package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Mutations;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * 1,000 mutated messages (random byte and structure mutations of valid orders, payments and
 * waybills, from a fixed seed): none crashes or hangs the adapter, each is answered with a receipt
 * that is valid in the sender's receipt format, and a good message is still accepted afterwards.
 * (An adapter of its own: the mutants keep the examples' order numbers, which other tests' customs
 * receipts must not find.)
 */
class MutatedInputTest {

    static final int MESSAGES = 1000;
    static final long SEED = 20261127L;
    static final String NASTY = "<>&\"'/=;\u0000x";

    private final Translations engine = new Translations();

    record Seed(String partner, byte[] xml) {
    }

    @Test
    void every_mutated_message_is_answered(@TempDir Path data) throws Exception {
        try (TestAdapter adapter = new TestAdapter(data)) {
            answerAll(adapter);
        }
    }

    private void answerAll(TestAdapter adapter) throws Exception {
        List<Seed> seeds = List.of(
                new Seed("demo-platform", Project.bytes(Project.examples("ceb311").resolve("order-multi.xml"))),
                new Seed("demo-platform", Project.bytes(Project.examples("ceb311").resolve("order-single.xml"))),
                new Seed("demo-payment", Project.bytes(Project.examples("ceb411").resolve("payment-single.xml"))),
                new Seed("demo-logistics", Project.bytes(Project.examples("ceb511").resolve("waybill-multi.xml"))),
                new Seed("demo-logistics", Project.bytes(Project.examples("ceb513").resolve("status-single.xml"))));
        List<List<byte[]>> structural = new ArrayList<>();
        for (Seed s : seeds) {
            structural.add(new ArrayList<>(Mutations.of(s.xml()).values()));
        }
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < MESSAGES; i++) {
            int which = random.nextInt(seeds.size());
            Seed seed = seeds.get(which);
            byte[] body = random.nextInt(3) == 0
                    ? structural.get(which).get(random.nextInt(structural.get(which).size()))
                    : mutateBytes(seed.xml(), random);
            HttpResponse<String> r = adapter.post(body, seed.partner());
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, "message " + i + ": HTTP " + r.statusCode() + "\n" + r.body());
            var receipt = engine.valid(r.body().getBytes(StandardCharsets.UTF_8));
            String status = Xml.value(receipt, "(//*:returnStatus)[1]");
            outcomes.merge(r.statusCode() + " " + status, 1, Integer::sum);
        }
        System.out.println("mutated input: " + MESSAGES + " messages answered, by HTTP status and first returnStatus: " + outcomes);
        assertEquals(MESSAGES, outcomes.values().stream().mapToInt(Integer::intValue).sum());

        String orderNo = Messages.orderNo("MUTATED-OK");
        assertEquals(200, adapter.post(Messages.utf8(Messages.single(orderNo)), "demo-platform").statusCode());
        adapter.forwarded("demo-platform:" + orderNo);
    }

    /** One to three random edits: flipped, inserted or deleted bytes, a cut, a repeated stretch. */
    static byte[] mutateBytes(byte[] original, Random random) {
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && b.length > 2; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = (byte) NASTY.charAt(random.nextInt(NASTY.length()));
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
                case 2 -> {
                    int len = Math.min(1 + random.nextInt(40), b.length - at);
                    byte[] shorter = new byte[b.length - len];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + len, shorter, at, b.length - at - len);
                    b = shorter;
                }
                case 3 -> b = java.util.Arrays.copyOf(b, at);
                default -> {
                    int len = Math.min(1 + random.nextInt(200), b.length - at);
                    byte[] repeated = new byte[b.length + len];
                    System.arraycopy(b, 0, repeated, 0, at + len);
                    System.arraycopy(b, at, repeated, at + len, b.length - at);
                    b = repeated;
                }
            }
        }
        return b;
    }
}
