package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/** A correlation survives a restart of the adapter: two documents before, the third after, one declaration. */
class CrossCheckRestartTest {

    @Test
    void the_third_document_after_a_restart_still_completes_the_match(@TempDir Path data) throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-RS");
        try (TestAdapter before = new TestAdapter(data)) {
            assertEquals(200, before.post(Messages.utf8(Messages.order(k.orderNo(), k.transactionId())), CrossCheck.PLATFORM).statusCode());
            assertEquals(200, before.post(Messages.utf8(Messages.payment(k.orderNo(), k.transactionId())), CrossCheck.PAYMENT).statusCode());
            CrossCheck.awaitStored(before, k.orderNo(), TestAdapter.WAIT);
        }
        try (TestAdapter after = new TestAdapter(data)) {
            assertEquals(200, after.post(Messages.utf8(Messages.waybill(k.orderNo(), k.logisticsNo())), CrossCheck.LOGISTICS).statusCode());
            var ceb621 = new Translations().valid(Messages.utf8(TestAdapter.text(after.forwarded(k.declarationRecord()))));
            assertEquals(k.orderNo(), Xml.value(ceb621, "//ceb:InventoryHead/ceb:orderNo"));
        }
    }
}
