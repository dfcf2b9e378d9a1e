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
import java.util.stream.IntStream;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Batches;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Cutting a batch file: every chunk is a valid message of the file's format with the file's root
 * element and envelope, without the file's signature, within the message limit; a file that is not
 * plain XML of a known format is not cut.
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
