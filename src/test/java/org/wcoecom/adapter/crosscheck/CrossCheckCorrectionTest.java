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

/** A corrected resubmission (appType 2) replaces the document that broke a rule; then the declaration follows. */
@ExtendWith(RunningAdapter.class)
class CrossCheckCorrectionTest {

    @Test
    void a_corrected_payment_replaces_the_wrong_one() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-R");
        String payment = Messages.payment(k.orderNo(), k.transactionId());
        CrossCheck.sendOrder(Messages.order(k.orderNo(), k.transactionId()));
        CrossCheck.sendPayment(payment.replace("<ceb:amountPaid>1151.42<", "<ceb:amountPaid>1100<"));
        CrossCheck.sendWaybill(Messages.waybill(k.orderNo(), k.logisticsNo()), k.logisticsNo());
        String first = CrossCheck.laterReceipt(CrossCheck.PAYMENT, CrossCheck.PAYMENT + ":" + k.transactionId(), RunningAdapter.WAIT)
                .orElseThrow();
        assertTrue(first.contains("CC-PAID-AMOUNT"), first);
        assertTrue(RunningAdapter.takeForwarded(k.declarationRecord(), Duration.ofMillis(500)).isEmpty());

        CrossCheck.sendPayment(payment.replace("<ceb:appType>1</ceb:appType>", "<ceb:appType>2</ceb:appType>"));
        var ceb621 = new Translations().valid(Messages.utf8(RunningAdapter.text(RunningAdapter.forwarded(k.declarationRecord()))));
        assertEquals(k.orderNo(), Xml.value(ceb621, "//ceb:InventoryHead/ceb:orderNo"));
        assertTrue(RunningAdapter.takeForwarded(k.declarationRecord(), Duration.ofSeconds(1)).isEmpty(), "exactly one CEB621");
    }
}
