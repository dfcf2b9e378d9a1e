package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import jakarta.jms.Message;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * An order, its payment and its waybill that agree, sent in any order over different channels,
 * give exactly one signed CEB621 inventory on the customs queue, built from the three documents,
 * the declarant settings and the catalogue.
 */
@ExtendWith(RunningAdapter.class)
class CrossCheckMatchTest {

    private final Translations engine = new Translations();

    @ParameterizedTest(name = "sent in the order {0}")
    @ValueSource(strings = {"order,payment,waybill", "waybill,payment,order", "payment,waybill,order"})
    void matching_documents_give_exactly_one_declaration(String sequence) throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-M");
        for (String doc : sequence.split(",")) {
            switch (doc) {
                case "order" -> CrossCheck.sendOrder(Messages.order(k.orderNo(), k.transactionId()));
                case "payment" -> CrossCheck.sendPayment(Messages.payment(k.orderNo(), k.transactionId()));
                default -> CrossCheck.sendWaybill(Messages.waybill(k.orderNo(), k.logisticsNo()), k.logisticsNo());
            }
        }
        Message forwarded = RunningAdapter.forwarded(k.declarationRecord());
        assertEquals("ceb621", forwarded.getStringProperty("AdapterFormat"));
        byte[] ceb621 = Messages.utf8(RunningAdapter.text(forwarded));
        var inventory = engine.valid(ceb621);
        assertEquals(List.of(k.orderNo()), Xml.values(inventory, "//ceb:InventoryHead/ceb:orderNo"));
        assertEquals(k.logisticsNo(), Xml.value(inventory, "//ceb:InventoryHead/ceb:logisticsNo"));
        assertEquals("3120968001", Xml.value(inventory, "//ceb:InventoryHead/ceb:logisticsCode"));
        assertEquals("王小明", Xml.value(inventory, "//ceb:InventoryHead/ceb:buyerName"));
        assertEquals("3120966002", Xml.value(inventory, "//ceb:InventoryHead/ceb:assureCode"), "the seller guarantees by default");
        assertEquals("DEMOAGENT1", Xml.value(inventory, "//ceb:InventoryHead/ceb:agentCode"));
        assertEquals("9610", Xml.value(inventory, "//ceb:InventoryHead/ceb:tradeMode"));
        assertEquals("2.45", Xml.value(inventory, "//ceb:InventoryHead/ceb:grossWeight"), "from the waybill");
        assertEquals(0, new java.math.BigDecimal("1.85").compareTo(new java.math.BigDecimal(Xml.value(inventory, "//ceb:InventoryHead/ceb:netWeight"))),
                "2 x 0.9 kg + 1 x 0.05 kg from the catalogue");
        assertEquals(List.of("1901101010", "3304990099"), Xml.values(inventory, "//ceb:InventoryList/ceb:gcode"));
        assertEquals(List.of("婴幼儿配方奶粉", "保湿面霜"), Xml.values(inventory, "//ceb:InventoryList/ceb:gname"));
        assertEquals(0, new java.math.BigDecimal("1.8").compareTo(new java.math.BigDecimal(Xml.value(inventory, "//ceb:InventoryList[1]/ceb:qty1"))));
        assertEquals("035", Xml.value(inventory, "//ceb:InventoryList[1]/ceb:unit1"));
        assertTrue(Xml.value(inventory, "count(//*[local-name() = 'Signature'])").equals("1"), "signed");
        if (Files.isDirectory(Project.root().resolve("../shared/reference/ceb/xsd-202205"))) {
            var official = Xml.schema(Project.root().resolve("../shared/reference/ceb/xsd-202205/ceb-import-202205.xsd").toFile());
            assertEquals(List.of(), Xml.errors(official, ceb621), "valid against the official schema");
        }
        assertTrue(RunningAdapter.takeForwarded(k.declarationRecord(), Duration.ofSeconds(2)).isEmpty(), "exactly one CEB621");
    }
}
