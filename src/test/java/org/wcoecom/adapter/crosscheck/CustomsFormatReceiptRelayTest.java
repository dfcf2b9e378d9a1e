package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import jakarta.jms.Message;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Customs' format-validation receipts (CEB900) name the message the adapter sent (its id, and the
 * message itself returned), not a record's keys. The adapter finds the record that message carried (egress
 * keeps each message id it sends) and relays the answer to that record's sender in the sender's own
 * receipt format: a carrier's waybill status answered in a CEB514, with customs' status and text and
 * the record's keys, and without the message returned; one on a declaration the three-document check
 * assembled reaches the platform of the order as a CEB622, without the carrier's data the declaration holds.
 * A receipt naming no message the adapter sent is kept aside.
 */
class CustomsFormatReceiptRelayTest {

    private static final String CARRIER = "demo-logistics";

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        adapter = new TestAdapter(data);
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void a_format_receipt_reaches_the_sender_of_the_record_the_message_carried() throws Exception {
        String logisticsNo = "HGKY" + key();
        Message forwarded = forwardStatus(logisticsNo);
        String messageId = forwarded.getStringProperty("AdapterMessageGuid");
        adapter.send("customs.ceb.in", Messages.utf8(formatReceipt(messageId, TestAdapter.text(forwarded))));

        XdmNode ceb514 = relayed(CARRIER + ":" + logisticsNo + "/S");
        assertEquals("CEB514Message", Xml.value(ceb514, "local-name(/*)"));
        assertEquals(logisticsNo, Xml.value(ceb514, "//ceb:logisticsNo"), "the record's keys");
        assertEquals("-1", Xml.value(ceb514, "//ceb:returnStatus"));
        assertTrue(Xml.value(ceb514, "//ceb:returnInfo").startsWith("[Code:0002;Desc:报文格式错误]"), "customs' text");
        assertTrue(!TestAdapter.text(forwarded).isEmpty() && !Xml.value(ceb514, "string(/)").contains("CEB513Message"),
                "the message returned is not relayed");
    }

    @Test
    void a_format_receipt_naming_the_message_only_by_its_returned_copy_is_relayed_too() throws Exception {
        String logisticsNo = "HGKY" + key();
        Message forwarded = forwardStatus(logisticsNo);
        // the exchange platform's own message id, unknown here: the returned message's guid tells which it was
        adapter.send("customs.ceb.in", Messages.utf8(formatReceipt("3120968001-20261120143005-" + key(), TestAdapter.text(forwarded))));

        XdmNode ceb514 = relayed(CARRIER + ":" + logisticsNo + "/S");
        assertEquals(logisticsNo, Xml.value(ceb514, "//ceb:logisticsNo"));
    }

    @Test
    void a_format_receipt_on_an_assembled_declaration_reaches_the_platform_without_the_carriers_data() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("FMT-D");
        for (String[] sent : new String[][] {{Messages.order(k.orderNo(), k.transactionId()), CrossCheck.PLATFORM},
                {Messages.payment(k.orderNo(), k.transactionId()), CrossCheck.PAYMENT},
                {Messages.waybill(k.orderNo(), k.logisticsNo()), CrossCheck.LOGISTICS}}) {
            HttpResponse<String> response = adapter.post(Messages.utf8(fresh(sent[0])), sent[1]);
            assertEquals(200, response.statusCode(), response.body());
        }
        Message declaration = adapter.forwarded(k.declarationRecord());
        String ceb621 = TestAdapter.text(declaration);
        assertTrue(ceb621.contains(k.logisticsNo()) && ceb621.contains("3120968001"), "the declaration holds the carrier's data");
        adapter.send("customs.ceb.in", Messages.utf8(formatReceipt(declaration.getStringProperty("AdapterMessageGuid"), ceb621)
                .replace("CEB513Message</oriMessageType>", "CEB621Message</oriMessageType>")));

        Message m = adapter.take("partner." + CrossCheck.PLATFORM + ".receipts", "AdapterRecordId = '" + k.declarationRecord() + "'",
                TestAdapter.WAIT).orElseThrow(() -> new AssertionError("customs' CEB900 was not relayed to the platform"));
        String relayed = TestAdapter.text(m);
        XdmNode ceb622 = engine.valid(Messages.utf8(relayed));
        assertEquals("CEB622Message", Xml.value(ceb622, "local-name(/*)"));
        assertEquals("-1", Xml.value(ceb622, "//ceb:returnStatus"));
        assertEquals(Xml.value(engine.valid(Messages.utf8(ceb621)), "//ceb:InventoryHead/ceb:copNo"), Xml.value(ceb622, "//ceb:copNo"),
                "the declaration's keys, as registered");
        assertTrue(!relayed.contains(k.logisticsNo()) && !relayed.contains("3120968001") && !relayed.contains("CEB621Message"),
                "neither the carrier's data nor the declaration returned reach the platform: " + relayed);
    }

    @Test
    void a_format_receipt_for_a_message_the_adapter_never_sent_is_kept_aside() throws Exception {
        adapter.send("customs.ceb.in", Messages.utf8(formatReceipt(guid(), "<ceb:CEB513Message guid=\"" + guid() + "\">")));
        assertTrue(adapter.take("customs.ceb.in.unmatched", null, TestAdapter.WAIT).isPresent(), "kept aside as unmatched");
        assertTrue(adapter.take("partner." + CARRIER + ".receipts", null, Duration.ofSeconds(1)).isEmpty(), "relayed to nobody");
    }

    // --- the carrier and customs ----------------------------------------------------------------

    /** The carrier's waybill status (CEB513), as the adapter forwarded it to customs. */
    private static Message forwardStatus(String logisticsNo) throws Exception {
        String status = fresh(Project.read(Project.examples("ceb513").resolve("status-single.xml")))
                .replace("HGKY202611200000051", logisticsNo);
        HttpResponse<String> sent = adapter.post(Messages.utf8(status), CARRIER);
        assertEquals(200, sent.statusCode(), sent.body());
        return adapter.forwarded(CARRIER + ":" + logisticsNo + "/S");
    }

    private XdmNode relayed(String recordId) throws Exception {
        Message m = adapter.take("partner." + CARRIER + ".receipts", "AdapterRecordId = '" + recordId + "'", TestAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("customs' CEB900 was not relayed to " + CARRIER));
        return engine.valid(Messages.utf8(TestAdapter.text(m)));
    }

    /** The exchange platform's answer: the message it checked, by id and returned whole. */
    private static String formatReceipt(String copMsgId, String returned) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB900Message xmlns="http://www.chinaport.gov.cn/ceb" guid="%s" version="1.0">
                  <MessageReturn>
                    <guid>%s</guid>
                    <returnStatus>-1</returnStatus>
                    <returnInfo>[Code:0002;Desc:报文格式错误] cvc-complex-type.2.4.a: Invalid content was found.</returnInfo>
                    <returnTime>20261120143006250</returnTime>
                    <oriCopMsgId>%s</oriCopMsgId>
                    <oriMessageType>CEB513Message</oriMessageType>
                    <oriBizMessage><![CDATA[%s]]></oriBizMessage>
                  </MessageReturn>
                </CEB900Message>
                """.formatted(guid(), guid(), copMsgId, returned.replace("]]>", "]]]]><![CDATA[>")).strip();
    }

    private static String key() {
        return Long.toString(System.nanoTime() % 10_000_000_000L);
    }

    private static String fresh(String xml) {
        return xml.replaceAll("guid=\"[0-9A-F-]{36}\"", "guid=\"" + guid() + "\"")
                .replaceAll("<ceb:guid>[0-9A-F-]{36}</ceb:guid>", "<ceb:guid>" + guid() + "</ceb:guid>");
    }

    private static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
