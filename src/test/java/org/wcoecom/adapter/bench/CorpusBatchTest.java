package org.wcoecom.adapter.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;
import org.wcoecom.adapter.xml.XmlError;

/**
 * writeBatch streams one CEB311 message of about the requested size, order by order, with order
 * numbers of its own. Up to 100 orders it is valid as it is; beyond, its only fault is the number
 * of orders: every run of 100 of them, with the batch's envelope, is a valid message.
 */
class CorpusBatchTest {

    private static final int MB = 1 << 20;
    /** An order is about 2.5 KB: the batch ends within one order below the requested size. */
    private static final int ORDER_BYTES = 3_000;
    private static final String ORDER = "<ceb:Order>";
    private static final String ORDER_END = "</ceb:Order>";

    private final Translations engine = new Translations();
    private final CorpusGenerator generator = new CorpusGenerator(4242L);

    @Test
    void a_batch_of_up_to_100_orders_is_a_valid_message_of_about_the_size() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long orders = generator.writeBatch(out, 200_000, "small");
        var doc = engine.valid(out.toByteArray());
        assertEquals(orders, Xml.values(doc, "//ceb:OrderHead/ceb:orderNo").size());
        assertTrue(out.size() <= 200_000 && out.size() > 200_000 - ORDER_BYTES, out.size() + " bytes");
    }

    @Test
    void a_2_mb_batch_is_valid_but_for_its_order_count_and_its_order_numbers_are_unique() throws IOException {
        MaxWrite out = new MaxWrite();
        long orders = generator.writeBatch(out, 2L * MB, "B2M");
        byte[] batch = out.bytes.toByteArray();
        assertTrue(batch.length <= 2 * MB && batch.length > 2 * MB - ORDER_BYTES, batch.length + " bytes");
        assertTrue(out.largest < 128 * 1024, "one write of " + out.largest + " bytes: the batch is not streamed");

        List<XmlError> errors = engine.read(batch).allErrors();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("/CEB311Message/Order[101]", errors.get(0).path(), errors::toString);
        assertTrue(errors.get(0).message().contains("maximum of '100'"), errors::toString);

        String text = new String(batch, StandardCharsets.UTF_8);
        String head = text.substring(0, text.indexOf(ORDER));
        String tail = text.substring(text.lastIndexOf(ORDER_END) + ORDER_END.length());
        List<String> orderNos = new ArrayList<>();
        int from = head.length();
        while (from < text.length() - tail.length()) {
            int to = from;
            for (int n = 0; n < 100 && to < text.length() - tail.length(); n++) {
                to = text.indexOf(ORDER_END, to) + ORDER_END.length();
            }
            var slice = engine.valid((head + text.substring(from, to) + tail).getBytes(StandardCharsets.UTF_8));
            orderNos.addAll(Xml.values(slice, "//ceb:OrderHead/ceb:orderNo"));
            from = to;
        }
        assertEquals(orders, orderNos.size());
        assertEquals(orderNos.size(), new HashSet<>(orderNos).size(), "repeated order numbers");
        assertTrue(orderNos.stream().allMatch(no -> no.length() <= 60));
    }

    @Test
    void batches_are_the_same_for_the_same_id_and_number_their_orders_apart_for_another() throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        generator.writeBatch(a, 50_000, "A-1");
        new CorpusGenerator(4242L).writeBatch(again, 50_000, "A-1");
        generator.writeBatch(other, 50_000, "A-2");
        assertArrayEquals(a.toByteArray(), again.toByteArray());
        var first = new HashSet<>(Xml.values(engine.valid(a.toByteArray()), "//ceb:orderNo"));
        var second = Xml.values(engine.valid(other.toByteArray()), "//ceb:orderNo");
        assertTrue(second.stream().noneMatch(first::contains), "batches A-1 and A-2 share order numbers");
        var messages = generator.message(Mix.LARGE, 0).orderNos();
        assertTrue(messages.stream().noneMatch(first::contains), "a batch and a message share order numbers");
    }

    @Test
    void a_batch_id_that_would_not_fit_an_order_number_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> generator.writeBatch(new ByteArrayOutputStream(), 10_000, "a b"));
        assertThrows(IllegalArgumentException.class, () -> generator.writeBatch(new ByteArrayOutputStream(), 10_000, "x".repeat(21)));
    }

    /** Keeps what is written, and the largest single write. */
    private static final class MaxWrite extends FilterOutputStream {
        final ByteArrayOutputStream bytes;
        int largest;

        MaxWrite() {
            this(new ByteArrayOutputStream());
        }

        private MaxWrite(ByteArrayOutputStream bytes) {
            super(bytes);
            this.bytes = bytes;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            largest = Math.max(largest, len);
            bytes.write(b, off, len);
        }
    }
}
