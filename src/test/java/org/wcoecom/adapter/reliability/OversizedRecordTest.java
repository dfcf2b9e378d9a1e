package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.pipeline.DeadLetters;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * A record whose message would be larger than customs takes (adapter.egress.ceb.max-message-bytes)
 * goes to DLQ.egress alone, with the reason and its size; the other records of the same partner
 * message go on.
 */
class OversizedRecordTest {

    @Test
    void an_order_too_large_for_customs_is_dead_lettered_alone(@TempDir Path data) throws Exception {
        try (TestAdapter adapter = new TestAdapter(data, Map.of("adapter.egress.ceb.max-message-bytes",
                String.valueOf(GroupTraffic.POISON_LIMIT)))) {
            String big = Messages.orderNo("BIG");
            String small = Messages.orderNo("SMALL");
            String poison = GroupTraffic.poisonOrder(big);
            String bigOrder = poison.substring(poison.indexOf("<ceb:Order>"), poison.indexOf("</ceb:Order>") + "</ceb:Order>".length());
            String message = Messages.single(small).replace("</ceb:Order>", "</ceb:Order>\n  " + bigOrder);
            var r = adapter.post(Messages.utf8(message), "demo-platform");
            assertEquals(200, r.statusCode(), r.body());

            assertTrue(adapter.take("customs.ceb.out", "AdapterRecordId = 'demo-platform:" + small + "'", Duration.ofSeconds(30)).isPresent(),
                    "the order of normal size was not forwarded");
            Optional<jakarta.jms.Message> letter = adapter.take("DLQ.egress", "AdapterRecordId = 'demo-platform:" + big + "'", Duration.ofSeconds(30));
            assertTrue(letter.isPresent(), "the oversized order is not in DLQ.egress");
            String reason = letter.get().getStringProperty(DeadLetters.REASON);
            assertTrue(reason != null && reason.contains("MESSAGE_TOO_LARGE") && reason.contains("adapter.egress.ceb.max-message-bytes"),
                    String.valueOf(reason));
            assertTrue(adapter.take("customs.ceb.out", "AdapterRecordId = 'demo-platform:" + big + "'", Duration.ofSeconds(2)).isEmpty(),
                    "the oversized order reached customs");
            List<String> command = new java.util.ArrayList<>(List.of("audit", "demo-platform:" + big));
            command.addAll(adapter.commandOptions().subList(0, 4));
            Cli audit = Cli.run(command.toArray(String[]::new));
            assertEquals(0, audit.exit, audit.toString());
            assertTrue(audit.out.contains("DEAD_LETTERED") && audit.out.contains("MESSAGE_TOO_LARGE"), audit.out);
        }
    }
}
