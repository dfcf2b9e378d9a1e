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

/** When a document does not come in time, the senders of the others are told which one is missing. */
@ExtendWith(RunningAdapter.class)
class CrossCheckTimeoutTest {

    @Test
    void a_missing_waybill_is_named_to_the_platform_and_the_payment_enterprise() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-T");
        CrossCheck.sendOrder(Messages.order(k.orderNo(), k.transactionId()));
        CrossCheck.sendPayment(Messages.payment(k.orderNo(), k.transactionId()));
        Duration wait = Duration.ofMillis(RunningAdapter.CROSSCHECK_TIMEOUT_MS * 4L);
        String toPlatform = CrossCheck.laterReceipt(CrossCheck.PLATFORM, CrossCheck.PLATFORM + ":" + k.orderNo(), wait).orElseThrow();
        String toPayment = CrossCheck.laterReceipt(CrossCheck.PAYMENT, CrossCheck.PAYMENT + ":" + k.transactionId(), wait).orElseThrow();
        for (String receipt : new String[] {toPlatform, toPayment}) {
            assertTrue(receipt.contains("CC-TIMEOUT") && receipt.contains("no waybill (CEB511)"), receipt);
        }
        assertEquals("100", Xml.value(new Translations().valid(Messages.utf8(toPlatform)), "//ceb:returnStatus"));
        assertTrue(RunningAdapter.takeForwarded(k.declarationRecord(), Duration.ofMillis(200)).isEmpty());
    }
}
