package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Batches;
import org.wcoecom.adapter.support.Notifications;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.SplitBatchFile;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Cutting a batch file: every chunk is a valid message of the file's format with the file's root
 * element and envelope, without the file's signature, within the message limit; a file that is not
 * plain XML of a known format is not cut. A camt.054 file is cut along its entries, three levels
 * down, each chunk with the group header and its own notification's header and account, in less
 * memory than the file takes.
 */
class BatchSplitterTest {

    static final String SIGNATURE = "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/></ds:Signature>\n";

    @TempDir
    Path dir;

    private final Translations engine = new Translations();

    @Test
    void chunks_are_valid_messages_with_the_envelope_and_without_the_signature() throws Exception {
        Path file = batch(45, UnaryOperator.identity());
        sign(file);
        BatchSplitter splitter = new BatchSplitter(Project.formats(), 1 << 20, 20);
        BatchPlan plan = splitter.plan(file);
        assertEquals("ceb311", plan.format().id());
        assertEquals(45, plan.count());

        List<String> orders = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        try (BatchChunks chunks = splitter.chunks(file, plan)) {
            while (chunks.hasNext()) {
                byte[] chunk = chunks.next();
                XdmNode message = engine.valid(chunk);
                List<String> numbers = Xml.values(message, "/ceb:CEB311Message/ceb:Order/ceb:OrderHead/ceb:orderNo");
                sizes.add(numbers.size());
                orders.addAll(numbers);
                assertEquals("6F1C2B7A-3D4E-4F10-9A8B-7C6D5E4F3A21", Xml.value(message, "/ceb:CEB311Message/@guid"));
                assertEquals("3120966001", Xml.value(message, "/ceb:CEB311Message/ceb:BaseTransfer/ceb:copCode"));
                assertEquals("直连报文", Xml.value(message, "/ceb:CEB311Message/ceb:BaseTransfer/ceb:note"));
                assertEquals("0", Xml.value(message, "count(//*[local-name() = 'Signature'])"));
            }
        }
        assertEquals(List.of(20, 20, 5), sizes);
        assertEquals(IntStream.rangeClosed(1, 45).mapToObj(n -> Batches.orderNo("CUT", n)).toList(), orders);
    }

    @Test
    void no_chunk_is_larger_than_a_message() throws Exception {
        Path file = batch(60, UnaryOperator.identity());
        int limit = 20_000;
        BatchSplitter splitter = new BatchSplitter(Project.formats(), limit, 100);
        int orders = 0;
        try (BatchChunks chunks = splitter.chunks(file, splitter.plan(file))) {
            while (chunks.hasNext()) {
                byte[] chunk = chunks.next();
                assertTrue(chunk.length <= limit, chunk.length + " bytes");
                orders += Xml.values(engine.valid(chunk), "//ceb:Order").size();
            }
        }
        assertEquals(60, orders);
    }

    @Test
    void a_file_that_is_not_plain_xml_of_a_known_format_is_not_cut() throws Exception {
        BatchSplitter splitter = new BatchSplitter(Project.formats(), 1 << 20, 20);
        Path doctype = batch(3, UnaryOperator.identity());
        rewrite(doctype, s -> s.replace("<ceb:CEB311Message", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<ceb:CEB311Message"));
        assertTrue(assertThrows(BatchSplitter.NotSplittableException.class, () -> splitter.plan(doctype)).getMessage().contains("DOCTYPE"));

        Path unknown = batch(3, UnaryOperator.identity());
        rewrite(unknown, s -> s.replace("CEB311Message", "CEB999Message"));
        assertTrue(assertThrows(BatchSplitter.NotSplittableException.class, () -> splitter.plan(unknown)).getMessage()
                .contains("not a registered format"));

        Path broken = batch(3, UnaryOperator.identity());
        rewrite(broken, s -> s.replace("</ceb:BaseTransfer>", ""));
        assertTrue(assertThrows(BatchSplitter.NotSplittableException.class, () -> splitter.plan(broken)).getMessage()
                .contains("not well-formed"));

        Path hugeOrder = batch(3, order -> order.replace("双十一活动订单", "x".repeat(2 << 20)));
        assertTrue(assertThrows(BatchSplitter.NotSplittableException.class, () -> splitter.plan(hugeOrder)).getMessage()
                .contains("too large"));
    }

    @Test
    void a_camt054_file_is_cut_along_its_entries_each_chunk_with_its_notification() throws Exception {
        Path file = dir.resolve("notifications.xml");
        Notifications.write(file, "CUT", 3, 7);
        BatchSplitter splitter = new BatchSplitter(Project.formats(), 1 << 20, 3);
        BatchPlan plan = splitter.plan(file);
        assertEquals("camt054", plan.format().id());
        assertEquals(21, plan.count(), "entries");

        List<Integer> sizes = new ArrayList<>();
        List<String> payments = new ArrayList<>();
        try (BatchChunks chunks = splitter.chunks(file, plan)) {
            while (chunks.hasNext()) {
                byte[] chunk = chunks.next();
                XdmNode message = engine.valid(chunk);
                officialCamt054().ifPresent(schema -> assertEquals(List.of(), Xml.errors(schema, chunk)));
                assertEquals("CUT", Xml.value(message, "//*:GrpHdr/*:MsgId"), "the group header in every chunk");
                assertEquals("1", Xml.value(message, "count(//*:Ntfctn)"), "one notification per chunk");
                String n = Xml.value(message, "//*:Ntfctn/*:Id").substring("CUT-".length());
                assertEquals("DEMOCNSHXXX", Xml.value(message, "//*:Ntfctn/*:Acct/*:Svcr/*:FinInstnId/*:BICFI"), "its account");
                assertEquals("通知 " + n + " 结束", Xml.value(message, "//*:Ntfctn/*:AddtlNtfctnInf"), "what follows its entries");
                assertEquals("CUT", Xml.value(message, "//*:SplmtryData/*:Envlp/*"), "what follows the notifications");
                sizes.add(Integer.parseInt(Xml.value(message, "count(//*:Ntry)")));
                for (CanonicalDocument payment : engine.toCanonical(chunk)) {
                    payments.add(payment.recordId().substring(payment.recordId().indexOf(':') + 1));
                }
            }
        }
        assertEquals(List.of(3, 3, 1, 3, 3, 1, 3, 3, 1), sizes, "at most 3 entries a chunk, never two notifications");
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            for (int e = 1; e <= 7; e++) {
                expected.add(Notifications.reference("CUT", n, e, 1));
                expected.add(Notifications.reference("CUT", n, e, 2));
            }
        }
        assertEquals(expected, payments, "every payment once, in order");
    }

    @Test
    void a_large_camt054_file_is_cut_with_less_memory_than_the_file_takes(@TempDir Path big) throws Exception {
        // a file larger than the heap of the JVM that cuts it: it streams, one chunk in memory
        Path file = big.resolve("large-notification.xml");
        long size = Notifications.write(file, "BIG", 1, Notifications.entriesFor(64L << 20, "BIG"));
        int limit = 1 << 20;
        Process split = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), SplitBatchFile.class.getName(), file.toString(),
                String.valueOf(limit), "100").redirectErrorStream(true).start();
        String out = new String(split.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, split.waitFor(), out);
        Matcher m = Pattern.compile("format=camt054 elements=(\\d+) chunks=(\\d+) largest=(\\d+) heap=(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        int entries = Integer.parseInt(m.group(1));
        System.out.printf("camt.054 batch file of %.0f MB, %d entries: %s chunks, the largest %s bytes, at most %s MB of a 48 MB heap in use%n",
                size / 1e6, entries, m.group(2), m.group(3), m.group(4));
        assertTrue(size > 64L << 20, size + " bytes");
        assertEquals((entries + 99) / 100, Integer.parseInt(m.group(2)), out);
        assertTrue(Long.parseLong(m.group(3)) <= limit, out);
    }

    private static java.util.Optional<javax.xml.validation.Schema> officialCamt054() {
        Path xsd = Project.root().resolve("../shared/reference/iso20022/xsd/camt.054.001.08.xsd").normalize();
        return Files.isRegularFile(xsd) ? java.util.Optional.of(Xml.schema(xsd.toFile())) : java.util.Optional.empty();
    }

    private Path batch(int orders, UnaryOperator<String> change) throws Exception {
        Path file = dir.resolve("batch-" + System.nanoTime() + ".xml");
        Batches.write(file, "CUT", orders, change);
        return file;
    }

    private static void sign(Path file) throws Exception {
        rewrite(file, s -> s.replace("</ceb:CEB311Message>", SIGNATURE + "</ceb:CEB311Message>"));
    }

    private static void rewrite(Path file, UnaryOperator<String> change) throws Exception {
        Files.writeString(file, change.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
