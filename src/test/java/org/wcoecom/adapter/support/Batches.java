package org.wcoecom.adapter.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * CEB311 batch files made from the example order (mappings/ceb311/examples/order-single.xml): its
 * envelope (sender 3120966001, the demo-platform partner) around the example order repeated with
 * order numbers and record guids of their own, written as they are made so that a file of any size
 * takes no memory.
 */
public final class Batches {

    private static final String EXAMPLE = Project.read(Project.examples("ceb311").resolve("order-single.xml"));
    private static final String ORDER_START = "  <ceb:Order>";
    private static final String ORDER_END = "</ceb:Order>\n";
    private static final String HEAD = EXAMPLE.substring(0, EXAMPLE.indexOf(ORDER_START));
    private static final String ORDER = EXAMPLE.substring(EXAMPLE.indexOf(ORDER_START), EXAMPLE.indexOf(ORDER_END) + ORDER_END.length());
    private static final String TAIL = EXAMPLE.substring(EXAMPLE.indexOf(ORDER_END) + ORDER_END.length());

    private Batches() {
    }

    /** The order number of the n-th order (from 1) of a batch. */
    public static String orderNo(String prefix, int n) {
        return prefix + "-" + String.format("%06d", n);
    }

    /** The n-th order (from 1): the example order with its own order number and record guid. */
    public static String order(String prefix, int n) {
        return ORDER.replace("YX20261120143005001", orderNo(prefix, n))
                .replace("0B3E8D52-91A4-4C6F-8E27-5D1F0A9C3B64", String.format("0B3E8D52-91A4-4C6F-8E27-%012d", n));
    }

    /**
     * Writes a batch of orders 1..count (each passed through {@code change}, e.g. to break one) to the
     * file, under a hidden name first and renamed when complete, as partners should; returns its size.
     */
    public static long write(Path file, String prefix, int count, UnaryOperator<String> change) throws IOException {
        Path hidden = file.resolveSibling("." + file.getFileName());
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(hidden, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(HEAD);
            for (int n = 1; n <= count; n++) {
                out.write(change.apply(order(prefix, n)));
            }
            out.write(TAIL);
        }
        long size = Files.size(hidden);
        Files.move(hidden, file);
        return size;
    }

    /** About how many orders with order numbers of this prefix make a batch file of the given size. */
    public static int ordersFor(long bytes, String prefix) {
        return (int) ((bytes - utf8(HEAD) - utf8(TAIL)) / utf8(order(prefix, 1)) + 1);
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
