package org.wcoecom.adapter.crosscheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;

/** Goods the screening lists refuse (a live turtle: HS chapter 01) stop the declaration, with the reason, to every sender. */
@ExtendWith(RunningAdapter.class)
class ScreeningRejectionTest {

    @Test
    void a_live_animal_is_refused_with_the_reason() throws Exception {
        Path csv = RunningAdapter.dataDir().resolve("turtle.csv");
        Files.writeString(csv, "item_no,gcode,gname,unit1,qty1_per_unit,unit2,qty2_per_unit,item_record_no,net_weight_kg\n"
                + "SKU-TURTLE,0106209000,活体爬行动物（巴西龟）,007,1,,,,0.3\n");
        Cli imported = Cli.run("catalogue", "import", "--data", RunningAdapter.dataDir().toString(), csv.toString());
        assertTrue(imported.exit == 0, imported.toString());

        CrossCheck.Keys k = CrossCheck.Keys.fresh("CC-S");
        CrossCheck.sendOrder(Messages.order(k.orderNo(), k.transactionId()).replace("SKU-CREAM-50ML", "SKU-TURTLE"));
        CrossCheck.sendPayment(Messages.payment(k.orderNo(), k.transactionId()));
        CrossCheck.sendWaybill(Messages.waybill(k.orderNo(), k.logisticsNo()), k.logisticsNo());
        String toPlatform = CrossCheck.laterReceipt(CrossCheck.PLATFORM, CrossCheck.PLATFORM + ":" + k.orderNo(), RunningAdapter.WAIT)
                .orElseThrow();
        assertTrue(toPlatform.contains("SCREEN-PROHIBITED") && toPlatform.contains("live animals"), toPlatform);
        assertTrue(CrossCheck.laterReceipt(CrossCheck.PAYMENT, CrossCheck.PAYMENT + ":" + k.transactionId(), RunningAdapter.WAIT)
                .orElseThrow().contains("SCREEN-PROHIBITED"));
        assertTrue(RunningAdapter.takeForwarded(k.declarationRecord(), Duration.ofSeconds(1)).isEmpty());
    }
}
