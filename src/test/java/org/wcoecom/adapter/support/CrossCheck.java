package org.wcoecom.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * Sending the three documents of an order the way their senders do (the platform over HTTP, the
 * payment enterprise over JMS, the carrier as a file) and collecting what the adapter answers
 * after the cross-check.
 */
public final class CrossCheck {

    public static final String PLATFORM = "demo-platform";
    public static final String PAYMENT = "demo-payment";
    public static final String LOGISTICS = "demo-logistics";

    private CrossCheck() {
    }

    /** Fresh keys for one order: order number, payment transaction id, waybill number. */
    public record Keys(String orderNo, String transactionId, String logisticsNo) {
        public static Keys fresh(String prefix) {
            String order = Messages.orderNo(prefix);
            return new Keys(order, "TX" + order, "WB" + order);
        }

        public String declarationRecord() {
            return PLATFORM + ":" + orderNo + "/declaration";
        }
    }

    public static void sendOrder(String xml) throws Exception {
        var response = RunningAdapter.post(Messages.utf8(xml), PLATFORM);
        assertEquals(200, response.statusCode(), response.body());
    }

    public static void sendPayment(String xml) throws Exception {
        try (Connection c = RunningAdapter.partnerConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(Messages.utf8(xml));
            s.createProducer(s.createQueue("partner." + PAYMENT + ".in")).send(m);
            try (MessageConsumer receipts = s.createConsumer(s.createQueue("partner." + PAYMENT + ".receipts"),
                    "JMSCorrelationID = '" + m.getJMSMessageID() + "'")) {
                Message receipt = receipts.receive(RunningAdapter.WAIT.toMillis());
                assertNotNull(receipt, "the payment was not answered");
                assertEquals("ACCEPTED", receipt.getStringProperty("AdapterOutcome"), RunningAdapter.text(receipt));
            }
        }
    }

    public static void sendWaybill(String xml, String name) throws Exception {
        Path inbox = RunningAdapter.dataDir().resolve("inbox").resolve(LOGISTICS);
        Files.createDirectories(inbox);
        Path hidden = inbox.resolve("." + name + ".xml");
        Files.writeString(hidden, xml);
        Files.move(hidden, inbox.resolve(name + ".xml"));
        long deadline = System.currentTimeMillis() + RunningAdapter.WAIT.toMillis();
        while (Files.exists(inbox.resolve(name + ".xml")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    /**
     * Waits until the cross-check store of a running adapter holds the group of an order (the embedded
     * database is a file another process may read).
     */
    public static void awaitStored(TestAdapter adapter, String orderNo, Duration wait) throws InterruptedException {
        String url = "jdbc:sqlite:" + adapter.dataDir().resolve("db").resolve("adapter.db").toAbsolutePath() + "?open_mode=1";
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try (var c = java.sql.DriverManager.getConnection(url);
                    var st = c.prepareStatement("SELECT COUNT(*) FROM crosscheck_group WHERE order_no = ?")) {
                st.setString(1, orderNo);
                try (var r = st.executeQuery()) {
                    if (r.next() && r.getInt(1) > 0) {
                        return;
                    }
                }
            } catch (java.sql.SQLException notYet) {
                // the database or its table is not there yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("order " + orderNo + " never reached the cross-check store");
    }

    /** The receipt a partner gets later on its queue for a record, if one comes in time. */
    public static Optional<String> laterReceipt(String partner, String recordId, Duration wait) throws Exception {
        try (Connection c = RunningAdapter.partnerConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = s.createConsumer(s.createQueue("partner." + partner + ".receipts"),
                    "AdapterRecordId = '" + recordId + "'")) {
                Message m = consumer.receive(wait.toMillis());
                return m == null ? Optional.empty() : Optional.of(RunningAdapter.text(m));
            }
        }
    }

    /** The receipt a file sender gets later in its outbox for a record, if one comes in time. */
    public static Optional<String> laterFileReceipt(String partner, String recordId, Duration wait) throws Exception {
        Path outbox = RunningAdapter.dataDir().resolve("outbox").resolve(partner);
        String marker = "-" + recordId.replaceAll("[^A-Za-z0-9._-]", "_") + ".";
        return Outbox.await(outbox, marker, wait);
    }
}
