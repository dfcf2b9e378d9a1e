package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * Customs' receipts (arriving on customs.ceb.in) go to the sender of the record they answer, in
 * that sender's format: a CEB312 to the platform that sent the order, a CEB622 for the inventory
 * the adapter assembled to the platform too. Answers nobody can be found for are kept aside.
 */
@ExtendWith(RunningAdapter.class)
class CustomsReceiptRelayTest {

    private final Translations engine = new Translations();

    @Test
    void an_order_receipt_from_customs_reaches_the_platform() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-Q");
        CrossCheck.sendOrder(Messages.order(k.orderNo(), k.transactionId()));
        String customs = Project.read(Project.examples("ceb312").resolve("customs-receipts.xml"))
                .replace("YX20261121091502018", k.orderNo()).replace("<ebcCode>3120966003</ebcCode>", "<ebcCode>3120966002</ebcCode>");
        RunningAdapter.adapter().send("customs.ceb.in", Messages.utf8(customs));
        String relayed = CrossCheck.laterReceipt(CrossCheck.PLATFORM, CrossCheck.PLATFORM + ":" + k.orderNo(), RunningAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("the receipt was not relayed"));
        var ceb312 = engine.valid(Messages.utf8(relayed));
        assertEquals(k.orderNo(), Xml.value(ceb312, "//ceb:orderNo"));
        assertEquals("120", Xml.value(ceb312, "//ceb:returnStatus"));
        assertEquals("[Code:1800;Desc:逻辑校验通过]", Xml.value(ceb312, "//ceb:returnInfo"), "customs' text, verbatim");
        assertTrue(RunningAdapter.adapter().take("customs.ceb.in.unmatched", null, Duration.ofSeconds(1)).isPresent(),
                "the other two answers of the message are for orders this adapter never saw: kept aside");
    }

    @Test
    void an_inventory_receipt_reaches_the_platform_of_the_order() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-I");
        CrossCheck.sendOrder(Messages.order(k.orderNo(), k.transactionId()));
        CrossCheck.sendPayment(Messages.payment(k.orderNo(), k.transactionId()));
        CrossCheck.sendWaybill(Messages.waybill(k.orderNo(), k.logisticsNo()), k.logisticsNo());
        var ceb621 = engine.valid(Messages.utf8(RunningAdapter.text(RunningAdapter.forwarded(k.declarationRecord()))));
        String copNo = Xml.value(ceb621, "//ceb:InventoryHead/ceb:copNo");
        String receipt = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB622Message xmlns="http://www.chinaport.gov.cn/ceb" guid="0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0" version="1.0">
                  <InventoryReturn>
                    <guid>1E2D3C4B-5A69-4788-9766-B5C4D3E2F1A0</guid>
                    <customsCode>2244</customsCode>
                    <ebpCode>3120966001</ebpCode>
                    <ebcCode>3120966002</ebcCode>
                    <agentCode>DEMOAGENT1</agentCode>
                    <copNo>%s</copNo>
                    <preNo>B20261127000000001</preNo>
                    <invtNo>22442026I000000001</invtNo>
                    <returnStatus>800</returnStatus>
                    <returnTime>20261127120000000</returnTime>
                    <returnInfo>[Code:2600;Desc:放行]</returnInfo>
                  </InventoryReturn>
                </CEB622Message>
                """.formatted(copNo).strip();
        RunningAdapter.adapter().send("customs.ceb.in", Messages.utf8(receipt));
        String relayed = CrossCheck.laterReceipt(CrossCheck.PLATFORM, k.declarationRecord(), RunningAdapter.WAIT)
                .orElseThrow(() -> new AssertionError("the inventory receipt was not relayed"));
        var ceb622 = engine.valid(Messages.utf8(relayed));
        assertEquals("800", Xml.value(ceb622, "//ceb:returnStatus"));
        assertEquals(copNo, Xml.value(ceb622, "//ceb:copNo"));
        assertEquals("22442026I000000001", Xml.value(ceb622, "//ceb:invtNo"));
    }
}
