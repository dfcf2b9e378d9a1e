package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.support.ExportMessages;
import org.wcoecom.adapter.support.ExportMessages.Keys;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Outbox;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * The export three-document check on a real adapter (broker, database, HTTP, files): an export order
 * (CEB303), its receipt of payment (CEB403) and its waybill (CEB505, naming the order in its note) in
 * any order and over any channel become exactly one signed export inventory (CEB603), valid against
 * our schema and the official export schema; documents that disagree are answered to each sender in
 * its own receipt format naming the rule, never with another party's values; goods the export
 * prohibitions list are not declared.
 */
class ExportThreeDocumentCheckTest {

    private enum Channel { HTTP, JMS, FILE }

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        adapter = ExportMessages.adapter(data, Map.of());
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    static Stream<Arguments> arrivals() {
        // which document comes first, and over which channel each comes
        return Stream.of(
                Arguments.of("order, payment, waybill", List.of("order", "payment", "waybill"), List.of(Channel.HTTP, Channel.JMS, Channel.FILE)),
                Arguments.of("waybill, payment, order", List.of("waybill", "payment", "order"), List.of(Channel.JMS, Channel.FILE, Channel.HTTP)),
                Arguments.of("payment, order, waybill", List.of("payment", "order", "waybill"), List.of(Channel.FILE, Channel.HTTP, Channel.JMS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrivals")
    void three_documents_in_any_order_and_over_any_channel_make_one_signed_ceb603(String name, List<String> sequence,
                                                                               List<Channel> channels) throws Exception {
        Keys k = Keys.fresh("EXP");
        for (int i = 0; i < sequence.size(); i++) {
            send(sequence.get(i), k, channels.get(i));
        }

        Message forwarded = adapter.forwarded(k.inventoryRecord());
        String text = TestAdapter.text(forwarded);
        XdmNode inventory = engine.valid(text.getBytes(StandardCharsets.UTF_8));
        assertEquals("CEB603Message", Xml.value(inventory, "local-name(/*)"));
        assertEquals(k.orderNo(), Xml.value(inventory, "//ceb:InventoryHead/ceb:orderNo"));
        assertEquals(k.logisticsNo(), Xml.value(inventory, "//ceb:InventoryHead/ceb:logisticsNo"));
        assertEquals("4403968301", Xml.value(inventory, "//ceb:InventoryHead/ceb:logisticsCode"));
        assertEquals("4403966101", Xml.value(inventory, "//ceb:InventoryHead/ceb:ebpCode"));
        assertEquals("4403966102", Xml.value(inventory, "//ceb:InventoryHead/ceb:ebcCode"));
        assertEquals("E", Xml.value(inventory, "//ceb:InventoryHead/ceb:ieFlag"));
        assertEquals("9610", Xml.value(inventory, "//ceb:InventoryHead/ceb:tradeMode"));
        assertEquals("8507600090", Xml.value(inventory, "//ceb:InventoryList/ceb:gcode"));
        assertEquals("1", Xml.value(inventory, "count(/*/*:Signature)"), "signed");
        // exactly one
        assertTrue(adapter.takeForwarded(k.inventoryRecord(), Duration.ofSeconds(2)).isEmpty(), "a second CEB603 for one order");
    }

    @Test
    void the_ceb603_is_valid_against_the_official_export_schema() throws Exception {
        var official = Project.officialCebSchema("ceb603"); // skipped when ../shared/reference is absent
        Keys k = Keys.fresh("EXO");
        send("order", k, Channel.HTTP);
        send("payment", k, Channel.HTTP);
        send("waybill", k, Channel.HTTP);
        byte[] inventory = TestAdapter.text(adapter.forwarded(k.inventoryRecord())).getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), Xml.errors(official, inventory));
    }

    @Test
    void a_wrong_amount_received_is_answered_to_each_sender_in_its_own_format_and_nothing_is_declared() throws Exception {
        Keys k = Keys.fresh("EXM");
        send("order", k, Channel.HTTP);
        sendText(ExportMessages.payment(k).replace("<ceb:charge>128</ceb:charge>", "<ceb:charge>127.5</ceb:charge>"),
                ExportMessages.PAYMENT, Channel.JMS);
        send("waybill", k, Channel.FILE);

        String toPlatform = laterReceipt(ExportMessages.PLATFORM, k.orderRecord(), Channel.HTTP);
        String toPayment = laterReceipt(ExportMessages.PAYMENT, k.paymentRecord(), Channel.JMS);
        String toCarrier = laterReceipt(ExportMessages.LOGISTICS, k.waybillRecord(), Channel.FILE);

        XdmNode ceb304 = engine.valid(Messages.utf8(toPlatform));
        assertEquals("CEB304Message", Xml.value(ceb304, "local-name(/*)"));
        assertEquals(k.orderNo(), Xml.value(ceb304, "//ceb:orderNo"));
        XdmNode ceb404 = engine.valid(Messages.utf8(toPayment));
        assertEquals("CEB404Message", Xml.value(ceb404, "local-name(/*)"));
        assertEquals(k.orderNo(), Xml.value(ceb404, "//ceb:orderNo"));
        XdmNode ceb506 = engine.valid(Messages.utf8(toCarrier));
        assertEquals("CEB506Message", Xml.value(ceb506, "local-name(/*)"));
        assertEquals(k.logisticsNo(), Xml.value(ceb506, "//ceb:logisticsNo"));
        for (String receipt : List.of(toPlatform, toPayment, toCarrier)) {
            assertTrue(receipt.contains("EX-CHARGE /"), "the rule and its fields are named in\n" + receipt);
            assertFalse(receipt.contains("127.5"), "the amount received is the payment enterprise's\n" + receipt);
        }
        assertFalse(toPayment.contains(k.logisticsNo()) || toPlatform.contains(k.logisticsNo()), "the waybill number is the carrier's");
        assertTrue(adapter.takeForwarded(k.inventoryRecord(), Duration.ofSeconds(1)).isEmpty(), "no CEB603");

        // the payment enterprise corrects its receipt of payment: now the three agree
        sendText(ExportMessages.payment(k).replace("<ceb:appType>1</ceb:appType>", "<ceb:appType>2</ceb:appType>"),
                ExportMessages.PAYMENT, Channel.JMS);
        assertNotNull(adapter.forwarded(k.inventoryRecord()));
    }

    @Test
    void goods_on_the_export_prohibitions_are_not_declared() throws Exception {
        Path prohibited = data.resolve("export-prohibited.csv");
        Files.writeString(prohibited, "hs_prefix,reason\n8507,accumulators may not be exported (a test list)\n");
        Path other = Files.createDirectories(data.resolve("prohibitions"));
        try (TestAdapter strict = ExportMessages.adapter(other, Map.of("adapter.screening.export-prohibited-file",
                prohibited.toAbsolutePath().toString()))) {
            Keys k = Keys.fresh("EXS");
            for (String kind : List.of("order", "payment", "waybill")) {
                var response = strict.post(Messages.utf8(text(kind, k)), sender(kind));
                assertEquals(200, response.statusCode(), response.body());
            }
            Optional<Message> receipt = strict.take("partner." + ExportMessages.PLATFORM + ".receipts",
                    "AdapterRecordId = '" + k.orderRecord() + "'", TestAdapter.WAIT);
            assertTrue(receipt.isPresent(), "the platform is told");
            String text = TestAdapter.text(receipt.get());
            assertTrue(text.contains("SCREEN-PROHIBITED"), text);
            assertTrue(strict.takeForwarded(k.inventoryRecord(), Duration.ofSeconds(1)).isEmpty(), "no CEB603");
        }
    }

    @Test
    void customs_answer_to_the_ceb603_reaches_the_platform_of_the_order_in_a_ceb604() throws Exception {
        Keys k = Keys.fresh("EXR");
        send("order", k, Channel.HTTP);
        send("payment", k, Channel.HTTP);
        send("waybill", k, Channel.HTTP);
        XdmNode inventory = engine.valid(TestAdapter.text(adapter.forwarded(k.inventoryRecord())).getBytes(StandardCharsets.UTF_8));
        String copNo = Xml.value(inventory, "//ceb:InventoryHead/ceb:copNo");
        String agentCode = Xml.value(inventory, "//ceb:InventoryHead/ceb:agentCode");
        String receipt = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ceb:CEB604Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="C3E50783-A5C7-42E3-8587-A3C5E7038599" version="1.0">
                  <ceb:InventoryReturn>
                    <ceb:guid>D4F61894-B6D8-43F4-9698-B4D6F8149699</ceb:guid>
                    <ceb:agentCode>%s</ceb:agentCode>
                    <ceb:copNo>%s</ceb:copNo>
                    <ceb:preNo>B20261124000000017</ceb:preNo>
                    <ceb:invtNo>22442026E000000017</ceb:invtNo>
                    <ceb:ebcCode>4403966102</ceb:ebcCode>
                    <ceb:ebpCode>4403966101</ceb:ebpCode>
                    <ceb:orderNo>%s</ceb:orderNo>
                    <ceb:statisticsFlag>A</ceb:statisticsFlag>
                    <ceb:returnStatus>800</ceb:returnStatus>
                    <ceb:returnTime>20261124160000000</ceb:returnTime>
                    <ceb:returnInfo>[Code:2600;Desc:放行]</ceb:returnInfo>
                  </ceb:InventoryReturn>
                </ceb:CEB604Message>
                """.formatted(agentCode, copNo, k.orderNo()).strip();
        adapter.send("customs.ceb.in", Messages.utf8(receipt));

        String relayed = laterReceipt(ExportMessages.PLATFORM, k.inventoryRecord(), Channel.HTTP);
        XdmNode ceb604 = engine.valid(Messages.utf8(relayed));
        assertEquals("CEB604Message", Xml.value(ceb604, "local-name(/*)"));
        assertEquals("800", Xml.value(ceb604, "//ceb:returnStatus"));
        assertEquals(copNo, Xml.value(ceb604, "//ceb:copNo"));
        // the adapter keeps the inventory, now with customs' number and released
        String url = "jdbc:sqlite:" + adapter.dataDir().resolve("db").resolve("adapter.db").toAbsolutePath() + "?open_mode=1";
        try (var c = java.sql.DriverManager.getConnection(url);
             var st = c.prepareStatement("SELECT direction, inventory_no, state FROM declared_inventory WHERE local_ref = ?")) {
            st.setString(1, copNo);
            try (var r = st.executeQuery()) {
                assertTrue(r.next(), "the CEB603 is kept");
                assertEquals(List.of("EXPORT", "22442026E000000017", "RELEASED"), List.of(r.getString(1), r.getString(2), r.getString(3)));
            }
        }
    }

    @Test
    void an_export_order_whose_other_documents_never_come_is_answered_when_its_time_is_up() throws Exception {
        Keys k = Keys.fresh("EXT");
        send("order", k, Channel.HTTP);

        String receipt = laterReceipt(ExportMessages.PLATFORM, k.orderRecord(), Channel.HTTP);
        assertEquals("CEB304Message", Xml.value(engine.valid(Messages.utf8(receipt)), "local-name(/*)"));
        assertTrue(receipt.contains("EX-TIMEOUT /"), receipt);
        assertTrue(receipt.contains("receipt of payment (CEB403)") && receipt.contains("export waybill (CEB505)"), receipt);
    }

    @Test
    void import_documents_of_the_same_order_number_never_complete_an_export_group() throws Exception {
        Keys k = Keys.fresh("EXI");
        send("order", k, Channel.HTTP);
        send("payment", k, Channel.HTTP);
        // an import waybill (CEB511) of the demo carrier for the same order number
        var response = adapter.post(Messages.utf8(Messages.waybill(k.orderNo(), "WB" + k.logisticsNo())), "demo-logistics");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(adapter.takeForwarded(k.inventoryRecord(), Duration.ofSeconds(2)).isEmpty(), "an import waybill completed an export group");

        send("waybill", k, Channel.HTTP);
        assertNotNull(adapter.forwarded(k.inventoryRecord()));
    }

    // --- sending as the partners do -------------------------------------------------------------

    private static String text(String kind, Keys k) {
        return switch (kind) {
            case "order" -> ExportMessages.order(k);
            case "payment" -> ExportMessages.payment(k);
            default -> ExportMessages.waybill(k);
        };
    }

    private static String sender(String kind) {
        return switch (kind) {
            case "order" -> ExportMessages.PLATFORM;
            case "payment" -> ExportMessages.PAYMENT;
            default -> ExportMessages.LOGISTICS;
        };
    }

    private static void send(String kind, Keys k, Channel channel) throws Exception {
        sendText(text(kind, k), sender(kind), channel);
    }

    private static void sendText(String xml, String partner, Channel channel) throws Exception {
        switch (channel) {
            case HTTP -> {
                var response = adapter.post(Messages.utf8(xml), partner);
                assertEquals(200, response.statusCode(), response.body());
            }
            case JMS -> {
                try (Connection c = adapter.connection(partner)) {
                    c.start();
                    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    BytesMessage m = s.createBytesMessage();
                    m.writeBytes(Messages.utf8(xml));
                    s.createProducer(s.createQueue("partner." + partner + ".in")).send(m);
                    try (MessageConsumer receipts = s.createConsumer(s.createQueue("partner." + partner + ".receipts"),
                            "JMSCorrelationID = '" + m.getJMSMessageID() + "'")) {
                        Message receipt = receipts.receive(TestAdapter.WAIT.toMillis());
                        assertNotNull(receipt, "not answered");
                        assertEquals("ACCEPTED", receipt.getStringProperty("AdapterOutcome"), TestAdapter.text(receipt));
                    }
                }
            }
            case FILE -> {
                Path inbox = Files.createDirectories(adapter.dataDir().resolve("inbox").resolve(partner));
                String name = "m" + System.nanoTime();
                Path hidden = inbox.resolve("." + name + ".xml");
                Files.writeString(hidden, xml);
                Files.move(hidden, inbox.resolve(name + ".xml"));
                long deadline = System.currentTimeMillis() + TestAdapter.WAIT.toMillis();
                while (Files.exists(inbox.resolve(name + ".xml")) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
            }
        }
    }

    /** The receipt a partner gets later for a record: on its receipts queue, or in its outbox for files. */
    private static String laterReceipt(String partner, String recordId, Channel channel) throws Exception {
        Optional<String> receipt;
        if (channel == Channel.FILE) {
            receipt = Outbox.await(adapter.dataDir().resolve("outbox").resolve(partner),
                    "-" + recordId.replaceAll("[^A-Za-z0-9._-]", "_") + ".", TestAdapter.WAIT);
        } else {
            receipt = adapter.take("partner." + partner + ".receipts", "AdapterRecordId = '" + recordId + "'", TestAdapter.WAIT)
                    .map(m -> {
                        try {
                            return TestAdapter.text(m);
                        } catch (jakarta.jms.JMSException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
        return receipt.orElseThrow(() -> new AssertionError("no later receipt for " + recordId));
    }
}
