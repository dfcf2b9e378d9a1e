package org.wcoecom.adapter.support;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Partner messages for channel tests, made from the examples with order numbers no other test uses. */
public final class Messages {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Messages() {
    }

    /** A fresh order number. */
    public static String orderNo(String prefix) {
        return prefix + "-" + System.currentTimeMillis() % 100_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    /** order-single.xml with the given order number. */
    public static String single(String orderNo) {
        return Project.read(Project.examples("ceb311").resolve("order-single.xml"))
                .replace("YX20261120143005001", orderNo);
    }

    /** order-single.xml with the given order number and payment transaction id. */
    public static String order(String orderNo, String transactionId) {
        return single(orderNo).replace("HFT2026112014300588123", transactionId);
    }

    /** The payment of order-single (mappings/ceb411/examples/payment-single.xml) for the given order. */
    public static String payment(String orderNo, String transactionId) {
        return Project.read(Project.examples("ceb411").resolve("payment-single.xml"))
                .replace("YX20261120143005001", orderNo).replace("HFT2026112014300588123", transactionId);
    }

    /** The waybill of order-single (mappings/ceb511/examples/waybill-single.xml) for the given order. */
    public static String waybill(String orderNo, String logisticsNo) {
        return Project.read(Project.examples("ceb511").resolve("waybill-single.xml"))
                .replace("YX20261120143005001", orderNo).replace("HGKY202611200000051", logisticsNo);
    }

    /** order-multi.xml (three orders) with the given order numbers. */
    public static String multi(String first, String second, String third) {
        return Project.read(Project.examples("ceb311").resolve("order-multi.xml"))
                .replace("YX20261121091500017", first)
                .replace("YX20261121091502018", second)
                .replace("YX20261120143005001", third);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
