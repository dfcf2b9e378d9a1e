package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * One partner cannot reach another partner's three-document check: a payment enterprise or carrier
 * that is not the order's cannot take, replace or cancel its documents, and no receipt carries the
 * values of another party's document (the buyer's name, identity number, telephone, address, amounts).
 * Two partners play the attackers: {@code rogue-payment} and {@code rogue-logistics}, with codes of
 * their own, sending over HTTP with their own API keys.
 */
class CrossCheckIsolationTest {

    private static final String ROGUE_PAYMENT = "rogue-payment";
    private static final String ROGUE_PAY_CODE = "3120980077";
    private static final String ROGUE_LOGISTICS = "rogue-logistics";
    private static final String ROGUE_LOGISTICS_CODE = "3120968077";
    /** What the order-single example's buyer and consignee are: none of it may reach another sender. */
    private static final List<String> BUYER_VALUES = List.of("王小明", "310101199001010000", "13800138000", "世纪大道100号", "1151.42");

    @TempDir
    static Path data;
    private static TestAdapter adapter;
    private final Translations engine = new Translations();

    @BeforeAll
    static void start() throws Exception {
        Path partners = Files.createTempFile("partners-", ".yaml");
        Files.writeString(partners, """
                partners:
                  - {id: demo-platform, role: platform, senderCodes: ["3120966001"], formats: [ceb311], receiptFormat: ceb312}
                  - {id: demo-payment, role: payment, senderCodes: ["3120980011"], formats: [ceb411], receiptFormat: ceb412}
                  - {id: demo-logistics, role: logistics, senderCodes: ["3120968001"], formats: [ceb511], receiptFormat: ceb512}
                  - {id: %s, role: payment, senderCodes: ["%s"], formats: [ceb411], receiptFormat: ceb412}
                  - {id: %s, role: logistics, senderCodes: ["%s"], formats: [ceb511], receiptFormat: ceb512}
                """.formatted(ROGUE_PAYMENT, ROGUE_PAY_CODE, ROGUE_LOGISTICS, ROGUE_LOGISTICS_CODE));
        adapter = new TestAdapter(data, Map.of("adapter.partners.file", partners.toString()));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void another_payment_enterprise_cannot_take_the_orders_payment_nor_learn_the_buyer() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("ISO-P");
        post(Messages.order(k.orderNo(), k.transactionId()), CrossCheck.PLATFORM);
        post(Messages.waybill(k.orderNo(), k.logisticsNo()), CrossCheck.LOGISTICS);
        // the rogue pays "for" the order, as its own payment enterprise, naming the platform and a stranger as payer
        String rogueTx = "RG" + k.transactionId();
        post(rogue(Messages.payment(k.orderNo(), rogueTx)).replace("<ceb:payerName>王小明<", "<ceb:payerName>李四<"), ROGUE_PAYMENT);

        String refused = laterReceipt(ROGUE_PAYMENT, ROGUE_PAYMENT + ":" + rogueTx).orElseThrow(() ->
                new AssertionError("the rogue payment was not answered"));
        assertTrue(refused.contains("CC-PAY-ENTERPRISE"), refused);
        assertEquals("100", Xml.value(engine.valid(Messages.utf8(refused)), "//ceb:returnStatus"));
        assertNoBuyerValues(refused);
        assertTrue(adapter.takeForwarded(k.declarationRecord(), Duration.ofSeconds(1)).isEmpty(), "no declaration from the rogue's payment");

        // the order's own payment enterprise still completes it: one declaration
        post(Messages.payment(k.orderNo(), k.transactionId()), CrossCheck.PAYMENT);
        adapter.forwarded(k.declarationRecord());
        assertTrue(adapter.takeForwarded(k.declarationRecord(), Duration.ofSeconds(1)).isEmpty(), "exactly one CEB621");
    }

    @Test
    void a_payment_that_came_before_the_order_from_another_enterprise_is_put_out_when_the_order_comes() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("ISO-E");
        String rogueTx = "RG" + k.transactionId();
        post(rogue(Messages.payment(k.orderNo(), rogueTx)), ROGUE_PAYMENT);
        post(Messages.order(k.orderNo(), k.transactionId()), CrossCheck.PLATFORM);
        String refused = laterReceipt(ROGUE_PAYMENT, ROGUE_PAYMENT + ":" + rogueTx).orElseThrow(() ->
                new AssertionError("the rogue payment was not answered when the order came"));
        assertTrue(refused.contains("CC-PAY-ENTERPRISE"), refused);
        assertNoBuyerValues(refused);

        post(Messages.payment(k.orderNo(), k.transactionId()), CrossCheck.PAYMENT);
        post(Messages.waybill(k.orderNo(), k.logisticsNo()), CrossCheck.LOGISTICS);
        adapter.forwarded(k.declarationRecord());
    }

    @Test
    void a_second_carrier_cannot_replace_or_cancel_the_waybill() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("ISO-W");
        post(Messages.order(k.orderNo(), k.transactionId()), CrossCheck.PLATFORM);
        post(Messages.waybill(k.orderNo(), k.logisticsNo()), CrossCheck.LOGISTICS);
        String rogueWaybill = "RW" + k.logisticsNo();
        post(rogue(Messages.waybill(k.orderNo(), rogueWaybill)).replace("<ceb:consignee>王小明<", "<ceb:consignee>张三<"),
                ROGUE_LOGISTICS);
        String refused = laterReceipt(ROGUE_LOGISTICS, ROGUE_LOGISTICS + ":" + rogueWaybill).orElseThrow(() ->
                new AssertionError("the second waybill was not answered"));
        assertTrue(refused.contains("CC-CONFLICT"), refused);
        assertNoBuyerValues(refused);

        // a cancellation of the carrier's waybill by the rogue, under the carrier's waybill number: refused too
        post(rogue(Messages.waybill(k.orderNo(), k.logisticsNo())).replace("<ceb:appType>1<", "<ceb:appType>3<"), ROGUE_LOGISTICS);
        String cancel = laterReceipt(ROGUE_LOGISTICS, ROGUE_LOGISTICS + ":" + k.logisticsNo()).orElseThrow(() ->
                new AssertionError("the rogue cancellation was not answered"));
        assertTrue(cancel.contains("CC-CONFLICT"), cancel);

        post(Messages.payment(k.orderNo(), k.transactionId()), CrossCheck.PAYMENT);
        var ceb621 = engine.valid(Messages.utf8(TestAdapter.text(adapter.forwarded(k.declarationRecord()))));
        assertEquals(k.logisticsNo(), Xml.value(ceb621, "//ceb:InventoryHead/ceb:logisticsNo"), "declared with the carrier's own waybill");
    }

    @Test
    void a_mismatch_names_rules_and_fields_never_another_partys_values() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("ISO-M");
        post(Messages.order(k.orderNo(), k.transactionId()), CrossCheck.PLATFORM);
        post(Messages.payment(k.orderNo(), k.transactionId()).replace("<ceb:payerName>王小明<", "<ceb:payerName>王大明<")
                .replace("<ceb:amountPaid>1151.42<", "<ceb:amountPaid>1100.00<"), CrossCheck.PAYMENT);
        post(Messages.waybill(k.orderNo(), k.logisticsNo()).replace("<ceb:consigneeTelephone>13800138000<",
                "<ceb:consigneeTelephone>13900139000<"), CrossCheck.LOGISTICS);
        String toCarrier = laterReceipt(CrossCheck.LOGISTICS, CrossCheck.LOGISTICS + ":" + k.logisticsNo()).orElseThrow();
        String toPayment = laterReceipt(CrossCheck.PAYMENT, CrossCheck.PAYMENT + ":" + k.transactionId()).orElseThrow();
        for (String receipt : List.of(toCarrier, toPayment)) {
            for (String rule : List.of("CC-PAYER", "CC-PAID-AMOUNT", "CC-CONSIGNEE")) {
                assertTrue(receipt.contains(rule + " /"), rule + " with its fields in " + receipt);
            }
            assertNoBuyerValues(receipt);
            assertFalse(receipt.contains("王大明") || receipt.contains("1100.00") || receipt.contains("13900139000"),
                    "nor the values of the receipt's own document: " + receipt);
        }
    }

    @Test
    void a_payment_naming_another_platform_never_joins_the_order() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("ISO-F");
        post(Messages.order(k.orderNo(), k.transactionId()), CrossCheck.PLATFORM);
        post(Messages.payment(k.orderNo(), k.transactionId()).replace("<ceb:ebpCode>3120966001<", "<ceb:ebpCode>3120966999<"),
                CrossCheck.PAYMENT);
        post(Messages.waybill(k.orderNo(), k.logisticsNo()), CrossCheck.LOGISTICS);
        Duration wait = Duration.ofMillis(TestAdapter.CROSSCHECK_TIMEOUT_MS * 4L);
        String toPlatform = laterReceipt(CrossCheck.PLATFORM, CrossCheck.PLATFORM + ":" + k.orderNo(), wait).orElseThrow();
        assertTrue(toPlatform.contains("CC-TIMEOUT") && toPlatform.contains("no payment (CEB411)"), toPlatform);
        assertTrue(adapter.takeForwarded(k.declarationRecord(), Duration.ofMillis(200)).isEmpty());
    }

    private static void assertNoBuyerValues(String receipt) {
        for (String value : BUYER_VALUES) {
            assertFalse(receipt.contains(value), "'" + value + "' is another party's value, in: " + receipt);
        }
    }

    /** The message as the rogue partner sends it: its own sender code and enterprise code. */
    private static String rogue(String message) {
        return message.replace("3120980011", ROGUE_PAY_CODE).replace("3120968001", ROGUE_LOGISTICS_CODE);
    }

    private static void post(String xml, String partner) throws Exception {
        var response = adapter.post(Messages.utf8(xml), partner);
        assertEquals(200, response.statusCode(), response.body());
    }

    private static Optional<String> laterReceipt(String partner, String recordId) throws Exception {
        return laterReceipt(partner, recordId, TestAdapter.WAIT);
    }

    private static Optional<String> laterReceipt(String partner, String recordId, Duration wait) throws Exception {
        try (Connection c = adapter.partnerConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = s.createConsumer(s.createQueue("partner." + partner + ".receipts"),
                    "AdapterRecordId = '" + recordId + "'")) {
                Message m = consumer.receive(wait.toMillis());
                return m == null ? Optional.empty() : Optional.of(TestAdapter.text(m));
            }
        }
    }
}
