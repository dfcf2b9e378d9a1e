package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * An item missing from the catalogue holds the declaration (nothing is sent, nothing is lost)
 * until the item is imported; then the declaration goes out on its own.
 */
@ExtendWith(RunningAdapter.class)
class DeclarationHoldTest {

    @Test
    void the_declaration_waits_for_the_catalogue_and_then_goes() throws Exception {
        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-H");
        String sku = "SKU-NEW-" + k.orderNo().hashCode();
        CrossCheck.sendOrder(Messages.order(k.orderNo(), k.transactionId()).replace("SKU-CREAM-50ML", sku));
        CrossCheck.sendPayment(Messages.payment(k.orderNo(), k.transactionId()));
        CrossCheck.sendWaybill(Messages.waybill(k.orderNo(), k.logisticsNo()), k.logisticsNo());
        assertTrue(RunningAdapter.takeForwarded(k.declarationRecord(), Duration.ofSeconds(3)).isEmpty(), "held, not sent");

        Path csv = RunningAdapter.dataDir().resolve(sku + ".csv");
        Files.writeString(csv, "item_no,gcode,gname,unit1,qty1_per_unit,unit2,qty2_per_unit,item_record_no,net_weight_kg\n"
                + sku + ",3304990099,保湿面霜,035,0.05,,,,0.05\n");
        Cli imported = Cli.run("catalogue", "import", "--data", RunningAdapter.dataDir().toString(), csv.toString());
        assertEquals(0, imported.exit, imported.toString());

        var ceb621 = new Translations().valid(Messages.utf8(RunningAdapter.text(RunningAdapter.forwarded(k.declarationRecord()))));
        assertEquals(List.of("SKU-MILK-900G-3", sku), Xml.values(ceb621, "//ceb:InventoryList/ceb:itemNo"));
    }
}
