package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.wcoecom.adapter.support.Messages;

/**
 * A large flow of waybill statuses (CEB513, 100 records a message) and the counting of what comes
 * out: every record forwarded to the customs queue and every receipt, each with how often it came.
 */
final class FlowCounter {

    static final int RECORDS_PER_MESSAGE = 100;

    final Map<String, Integer> forwarded = new ConcurrentHashMap<>();
    final Map<String, Integer> receipts = new ConcurrentHashMap<>();

    /** The ids of the records of message {@code m} of a run. */
    static List<String> recordIds(String run, int m) {
        return java.util.stream.IntStream.range(0, RECORDS_PER_MESSAGE)
                .mapToObj(r -> "demo-logistics:" + logisticsNo(run, m, r) + "/S").toList();
    }

    static String logisticsNo(String run, int m, int r) {
        return "K" + run + String.format(Locale.ROOT, "%03d%03d", m, r);
    }

    /** A CEB513 message of 100 statuses of its own. */
    static byte[] message(String run, int m) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ceb:CEB513Message"
                + " xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + guid() + "\" version=\"1.0\">\n");
        for (int r = 0; r < RECORDS_PER_MESSAGE; r++) {
            xml.append("  <ceb:LogisticsStatus>\n    <ceb:guid>").append(guid()).append("</ceb:guid>\n")
                    .append("    <ceb:appType>1</ceb:appType>\n    <ceb:appTime>20261123143500</ceb:appTime>\n")
                    .append("    <ceb:appStatus>2</ceb:appStatus>\n    <ceb:logisticsCode>3120968001</ceb:logisticsCode>\n")
                    .append("    <ceb:logisticsName>沪港快运物流有限公司</ceb:logisticsName>\n")
                    .append("    <ceb:logisticsNo>").append(logisticsNo(run, m, r)).append("</ceb:logisticsNo>\n")
                    .append("    <ceb:logisticsStatus>S</ceb:logisticsStatus>\n    <ceb:logisticsTime>20261123143218</ceb:logisticsTime>\n")
                    .append("  </ceb:LogisticsStatus>\n");
        }
        xml.append("  <ceb:BaseTransfer>\n    <ceb:copCode>3120968001</ceb:copCode>\n    <ceb:copName>沪港快运物流有限公司</ceb:copName>\n")
                .append("    <ceb:dxpMode>DXP</ceb:dxpMode>\n    <ceb:dxpId>DXPLGS0000968001</ceb:dxpId>\n  </ceb:BaseTransfer>\n")
                .append("</ceb:CEB513Message>\n");
        return Messages.utf8(xml.toString());
    }

    private static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** Sends the messages as demo-logistics; their JMS ids, in order. */
    static List<String> send(ConnectionFactory partner, String password, String run, int messages) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        try (Connection c = partner.createConnection("demo-logistics", password)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var producer = s.createProducer(s.createQueue("partner.demo-logistics.in"));
            for (int m = 0; m < messages; m++) {
                BytesMessage bm = s.createBytesMessage();
                bm.writeBytes(message(run, m));
                producer.send(bm);
                ids.add(bm.getJMSMessageID());
            }
        }
        return ids;
    }

    /** Takes forwarded records and receipts until each expected one came, or the time is up; then a while longer, for copies. */
    void collect(ConnectionFactory operator, List<String> records, List<String> messageIds, Duration wait, Duration quiet)
            throws Exception {
        try (Connection c = operator.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer out = s.createConsumer(s.createQueue("customs.ceb.out"));
                 MessageConsumer in = s.createConsumer(s.createQueue("partner.demo-logistics.receipts"))) {
                long deadline = System.nanoTime() + wait.toNanos();
                long quietUntil = Long.MAX_VALUE;
                while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                    Message m = out.receive(50);
                    if (m != null) {
                        forwarded.merge(m.getStringProperty("AdapterRecordId"), 1, Integer::sum);
                    }
                    Message r = in.receiveNoWait();
                    if (r != null) {
                        receipts.merge(r.getJMSCorrelationID(), 1, Integer::sum);
                    }
                    if (quietUntil == Long.MAX_VALUE && forwarded.keySet().containsAll(records)
                            && receipts.keySet().containsAll(messageIds)) {
                        quietUntil = System.nanoTime() + quiet.toNanos();
                    }
                }
            }
        }
    }

    /** Exactly once: every record and every receipt, none twice, nothing else. */
    void assertExactlyOnce(List<String> records, List<String> messageIds) {
        assertEquals(List.of(), records.stream().filter(r -> !forwarded.containsKey(r)).limit(20).toList(), "records never forwarded");
        assertEquals(List.of(), forwarded.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).limit(20).toList(),
                "records forwarded twice");
        assertEquals(records.size(), forwarded.size(), "forwarded records that were not sent");
        assertEquals(List.of(), messageIds.stream().filter(r -> !receipts.containsKey(r)).limit(20).toList(), "messages never answered");
        assertEquals(List.of(), receipts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList(),
                "messages answered twice");
    }

    int totalForwarded() {
        return forwarded.values().stream().mapToInt(Integer::intValue).sum();
    }

    int totalReceipts() {
        return receipts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
