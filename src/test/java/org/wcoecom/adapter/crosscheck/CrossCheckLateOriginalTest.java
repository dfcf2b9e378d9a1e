package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * A first version (appType 1) that reaches the check after its correction (appType 2), as a batch
 * delivered again after a rollback can, does not replace it: the group is checked with the correction,
 * and once the group is declared the late first version opens no group of its own (which would time
 * out and tell its sender its order never came). A withdrawn record may start again with a first version.
 */
@ExtendWith(RunningAdapter.class)
class CrossCheckLateOriginalTest {

    @Test
    void a_wrong_first_payment_coming_after_its_correction_is_not_taken() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-L");
        String payment = Messages.payment(k.orderNo(), k.transactionId());
        CrossCheck.sendOrder(Messages.order(k.orderNo(), k.transactionId()));
        CrossCheck.sendPayment(appType(payment, 2));
        CrossCheck.sendPayment(wrongAmount(payment));
        CrossCheck.sendWaybill(Messages.waybill(k.orderNo(), k.logisticsNo()), k.logisticsNo());

        var ceb621 = new Translations().valid(Messages.utf8(RunningAdapter.text(RunningAdapter.forwarded(k.declarationRecord()))));
        assertEquals(k.orderNo(), Xml.value(ceb621, "//ceb:InventoryHead/ceb:orderNo"));
        assertTrue(CrossCheck.laterReceipt(CrossCheck.PAYMENT, CrossCheck.PAYMENT + ":" + k.transactionId(), Duration.ofSeconds(1))
                .isEmpty(), "no mismatch receipt");
        assertTrue(RunningAdapter.takeForwarded(k.declarationRecord(), Duration.ofSeconds(1)).isEmpty(), "exactly one CEB621");
    }

    @Test
    void a_wrong_first_payment_coming_after_the_declaration_opens_no_group() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-LD");
        String payment = Messages.payment(k.orderNo(), k.transactionId());
        CrossCheck.sendOrder(Messages.order(k.orderNo(), k.transactionId()));
        CrossCheck.sendPayment(appType(payment, 2));
        CrossCheck.sendWaybill(Messages.waybill(k.orderNo(), k.logisticsNo()), k.logisticsNo());
        RunningAdapter.forwarded(k.declarationRecord());

        CrossCheck.sendPayment(wrongAmount(payment));

        Duration timedOut = Duration.ofMillis(RunningAdapter.CROSSCHECK_TIMEOUT_MS * 4L);
        assertTrue(CrossCheck.laterReceipt(CrossCheck.PAYMENT, CrossCheck.PAYMENT + ":" + k.transactionId(), timedOut).isEmpty(),
                "no CC-TIMEOUT for a payment that was declared");
        assertTrue(RunningAdapter.takeForwarded(k.declarationRecord(), Duration.ofMillis(200)).isEmpty(), "exactly one CEB621");
    }

    @Test
    void a_withdrawn_payment_may_come_again_as_a_first_version() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-LW");
        String payment = Messages.payment(k.orderNo(), k.transactionId());
        CrossCheck.sendOrder(Messages.order(k.orderNo(), k.transactionId()));
        CrossCheck.sendPayment(wrongAmount(appType(payment, 2)));
        CrossCheck.sendPayment(appType(payment, 3));
        CrossCheck.sendPayment(payment);
        CrossCheck.sendWaybill(Messages.waybill(k.orderNo(), k.logisticsNo()), k.logisticsNo());

        var ceb621 = new Translations().valid(Messages.utf8(RunningAdapter.text(RunningAdapter.forwarded(k.declarationRecord()))));
        assertEquals(k.orderNo(), Xml.value(ceb621, "//ceb:InventoryHead/ceb:orderNo"));
    }

    private static String appType(String payment, int appType) {
        return payment.replace("<ceb:appType>1</ceb:appType>", "<ceb:appType>" + appType + "</ceb:appType>");
    }

    /** The payment with an amount that disagrees with the order's. */
    private static String wrongAmount(String payment) {
        return payment.replace("<ceb:amountPaid>1151.42<", "<ceb:amountPaid>1100<");
    }
}
