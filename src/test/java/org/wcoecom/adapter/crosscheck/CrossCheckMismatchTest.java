package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * When the documents disagree there is no CEB621, and each sender gets a receipt in its own format
 * (CEB312, CEB412, CEB512) naming every rule broken: one case per rule.
 */
@ExtendWith(RunningAdapter.class)
class CrossCheckMismatchTest {

    private static final UnaryOperator<String> SAME = s -> s;

    private final Translations engine = new Translations();

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("CC-PAID-AMOUNT", "1332", SAME, (UnaryOperator<String>) p -> p.replace("<ceb:amountPaid>1151.42<", "<ceb:amountPaid>1150.00<"), SAME),
                Arguments.of("CC-PAY-TRANSACTION", "2999", (UnaryOperator<String>) o -> o.replaceFirst("<ceb:payTransactionId>[^<]*<", "<ceb:payTransactionId>OTHER-TX<"), SAME, SAME),
                // a payment naming another platform, or from another payment enterprise than the order names, never
                // joins the order's documents: CrossCheckIsolationTest
                Arguments.of("CC-PAYER", "1327", SAME, (UnaryOperator<String>) p -> p.replace("<ceb:payerName>王小明<", "<ceb:payerName>王大明<"), SAME),
                Arguments.of("CC-CONSIGNEE", "2999", SAME, SAME, (UnaryOperator<String>) w -> w.replace("<ceb:consigneeTelephone>13800138000<", "<ceb:consigneeTelephone>13800138999<")),
                Arguments.of("CC-ORDER-NUMBER", "2999", SAME, SAME, (UnaryOperator<String>) w -> w.replaceFirst("<ceb:orderNo>([^<]*)<", "<ceb:orderNo> $1<")),
                Arguments.of("CC-GOODS-VALUE", "2999", (UnaryOperator<String>) o -> o.replace("<ceb:goodsValue>1046<", "<ceb:goodsValue>1050<")
                        .replace("<ceb:acturalPaid>1151.42<", "<ceb:acturalPaid>1155.42<"),
                        (UnaryOperator<String>) p -> p.replace("<ceb:amountPaid>1151.42<", "<ceb:amountPaid>1155.42<"), SAME),
                Arguments.of("CC-PAID-FORMULA", "2999", (UnaryOperator<String>) o -> o.replace("<ceb:taxTotal>95.42<", "<ceb:taxTotal>90<"), SAME, SAME));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void each_sender_gets_the_rule_and_nothing_is_declared(String rule, String customsCode, UnaryOperator<String> order,
                                                            UnaryOperator<String> payment, UnaryOperator<String> waybill) throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-X");
        CrossCheck.sendOrder(order.apply(Messages.order(k.orderNo(), k.transactionId())));
        CrossCheck.sendPayment(payment.apply(Messages.payment(k.orderNo(), k.transactionId())));
        CrossCheck.sendWaybill(waybill.apply(Messages.waybill(k.orderNo(), k.logisticsNo())), k.logisticsNo());

        String toPlatform = CrossCheck.laterReceipt(CrossCheck.PLATFORM, CrossCheck.PLATFORM + ":" + k.orderNo(), RunningAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("no receipt for the order"));
        String toPayment = CrossCheck.laterReceipt(CrossCheck.PAYMENT, CrossCheck.PAYMENT + ":" + k.transactionId(), RunningAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("no receipt for the payment"));
        String toCarrier = CrossCheck.laterFileReceipt(CrossCheck.LOGISTICS, CrossCheck.LOGISTICS + ":" + k.logisticsNo(), RunningAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("no receipt for the waybill"));

        var ceb312 = engine.valid(Messages.utf8(toPlatform));
        assertEquals("CEB312Message", Xml.value(ceb312, "local-name(/*)"));
        assertEquals("100", Xml.value(ceb312, "//ceb:returnStatus"));
        assertEquals(k.orderNo(), Xml.value(ceb312, "//ceb:orderNo"));
        String info = String.join(" ", Xml.values(ceb312, "//ceb:returnInfo"));
        assertTrue(info.startsWith("[Code:" + customsCode + ";"), info);
        assertTrue(info.contains("/Order") || info.contains("/Payment") || info.contains("/Shipment"), "names the fields: " + info);

        var ceb412 = engine.valid(Messages.utf8(toPayment));
        assertEquals("CEB412Message", Xml.value(ceb412, "local-name(/*)"));
        assertEquals(k.transactionId(), Xml.value(ceb412, "//ceb:payTransactionId"));
        assertTrue(String.join(" ", Xml.values(ceb412, "//ceb:returnInfo")).contains(info.substring(0, 20)));

        var ceb512 = engine.valid(Messages.utf8(toCarrier));
        assertEquals("CEB512Message", Xml.value(ceb512, "local-name(/*)"));
        assertEquals(k.logisticsNo(), Xml.value(ceb512, "//ceb:logisticsNo"));

        for (String receipt : List.of(toPlatform, toPayment, toCarrier)) {
            assertTrue(receipt.contains(rule + " /"), rule + " and its fields are named in\n" + receipt);
        }
        assertTrue(RunningAdapter.takeForwarded(k.declarationRecord(), Duration.ofSeconds(1)).isEmpty(), "no CEB621");
    }
}
