package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Cli;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * A record received again (a partner resending after a lost answer, on any channel) is answered as
 * a duplicate, with the format's "already exists" code, and never forwarded twice; an amended
 * record is a new version and goes on; the audit trail tells each story.
 */
@ExtendWith(RunningAdapter.class)
class DuplicateRecordTest {

    private final Translations engine = new Translations();

    @Test
    void the_same_order_sent_again_is_answered_as_a_duplicate_and_forwarded_once() throws Exception {
        String orderNo = Messages.orderNo("DUP");
        byte[] order = Messages.utf8(Messages.single(orderNo));
        assertEquals(200, RunningAdapter.post(order, "demo-platform").statusCode());
        RunningAdapter.forwarded("demo-platform:" + orderNo);

        HttpResponse<String> again = RunningAdapter.post(order, "demo-platform");
        assertEquals(200, again.statusCode(), again.body());
        var ceb312 = engine.valid(Messages.utf8(again.body()));
        assertEquals("-301010", Xml.value(ceb312, "//ceb:returnStatus"), again.body());
        assertTrue(Xml.value(ceb312, "//ceb:returnInfo").contains("already received"), again.body());
        assertTrue(RunningAdapter.takeForwarded("demo-platform:" + orderNo, Duration.ofSeconds(3)).isEmpty(),
                "the duplicate was forwarded");

        Cli audit = Cli.run(cli("audit", "demo-platform:" + orderNo));
        assertEquals(0, audit.exit, audit.toString());
        List<String> events = List.of(audit.lines());
        assertEquals(1, events.stream().filter(l -> l.contains("RECEIVED") && l.contains("ACCEPTED")).count(), audit.out);
        assertEquals(1, events.stream().filter(l -> l.contains("RECEIVED") && l.contains("DUPLICATE")).count(), audit.out);
        assertEquals(1, events.stream().filter(l -> l.contains("FORWARDED")).count(), audit.out);
    }

    @Test
    void in_a_message_of_several_orders_only_the_new_ones_go_on() throws Exception {
        String a = Messages.orderNo("DUP-A");
        String b = Messages.orderNo("DUP-B");
        String c = Messages.orderNo("DUP-C");
        assertEquals(200, RunningAdapter.post(Messages.utf8(Messages.single(a)), "demo-platform").statusCode());
        RunningAdapter.forwarded("demo-platform:" + a);

        // order a again, as it was, in a batch with two new orders
        String single = Messages.single(a);
        String orderA = single.substring(single.indexOf("<ceb:Order>"), single.indexOf("</ceb:Order>") + "</ceb:Order>".length());
        String multi = Messages.multi(b, c, Messages.orderNo("DUP-X"));
        int third = multi.lastIndexOf("<ceb:Order>");
        String batch = multi.substring(0, third) + orderA + multi.substring(multi.indexOf("</ceb:Order>", third) + "</ceb:Order>".length());
        HttpResponse<String> r = RunningAdapter.post(Messages.utf8(batch), "demo-platform");
        assertEquals(200, r.statusCode(), r.body());
        RunningAdapter.forwarded("demo-platform:" + b);
        RunningAdapter.forwarded("demo-platform:" + c);
        var ceb312 = engine.valid(Messages.utf8(r.body()));
        assertEquals(3, Xml.values(ceb312, "//ceb:OrderReturn").size(), r.body());
        assertEquals(List.of("2", "2"), Xml.values(ceb312, "//ceb:OrderReturn[ceb:orderNo != '" + a + "']/ceb:returnStatus/string()"));
        assertEquals("-301010", Xml.value(ceb312, "//ceb:OrderReturn[ceb:orderNo = '" + a + "']/ceb:returnStatus"));
        assertTrue(RunningAdapter.takeForwarded("demo-platform:" + a, Duration.ofSeconds(2)).isEmpty(), "order a forwarded twice");
    }

    @Test
    void an_amended_order_is_a_new_version_and_is_forwarded() throws Exception {
        String orderNo = Messages.orderNo("DUP-AMEND");
        String order = Messages.single(orderNo);
        assertEquals(200, RunningAdapter.post(Messages.utf8(order), "demo-platform").statusCode());
        RunningAdapter.forwarded("demo-platform:" + orderNo);
        String amended = order.replace("<ceb:appType>1</ceb:appType>", "<ceb:appType>2</ceb:appType>");
        HttpResponse<String> r = RunningAdapter.post(Messages.utf8(amended), "demo-platform");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("2", Xml.value(engine.valid(Messages.utf8(r.body())), "//ceb:returnStatus"));
        var forwarded = Xml.parse(RunningAdapter.text(RunningAdapter.forwarded("demo-platform:" + orderNo)));
        assertEquals("2", Xml.value(forwarded, "//ceb:appType"));
    }

    private static String[] cli(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        List<String> options = RunningAdapter.adapter().commandOptions();
        // audit takes --home and --data only
        all.addAll(options.subList(0, 4));
        return all.toArray(String[]::new);
    }
}
