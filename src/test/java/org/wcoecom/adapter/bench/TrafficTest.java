package org.wcoecom.adapter.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.Test;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * The realistic traffic of the benchmark: every message valid against the project's schemas, each
 * payment and waybill agreeing with its order the way the three-document check compares them
 * (amount paid, payer = buyer, consignee), except the planned wrong payment, whose correction
 * (appType 2, the right amount) comes {@value Traffic#CORRECTION_LAG} rounds later; re-sends are the
 * very bytes sent before and expect nothing forwarded; declarations fall due as groups complete.
 */
class TrafficTest {

    private final Translations engine = new Translations();
    private final Traffic traffic = Traffic.realistic(new CorpusGenerator(20261202L), Mix.TYPICAL, true);

    @Test
    void payments_and_waybills_match_their_orders_except_the_wrong_payment() {
        Map<String, XdmNode> orders = new HashMap<>();
        List<XdmNode> payments = new ArrayList<>();
        List<XdmNode> waybills = new ArrayList<>();
        List<Traffic.Send> corrections = new ArrayList<>();
        for (int i = 0; corrections.isEmpty() && i < 4 * (Traffic.CORRECTION_LAG + 2); i++) {
            Traffic.Send s = traffic.send(i);
            XdmNode doc = engine.valid(s.xml());
            switch (s.partner()) {
                case Traffic.PLATFORM -> Xml.values(doc, "//ceb:OrderHead/ceb:orderNo").forEach(o -> orders.put(o, doc));
                case Traffic.PAYMENT -> {
                    if (Xml.value(doc, "(//ceb:PaymentHead/ceb:appType)[1]").equals("2")) {
                        corrections.add(s);
                    }
                    payments.add(doc);
                }
                default -> waybills.add(doc);
            }
        }
        List<String> wrong = new ArrayList<>();
        for (XdmNode p : payments) {
            for (String orderNo : Xml.values(p, "//ceb:PaymentHead/ceb:orderNo")) {
                XdmNode order = orders.get(orderNo);
                String head = "//ceb:OrderHead[ceb:orderNo='" + orderNo + "']/";
                String pay = "//ceb:PaymentHead[ceb:orderNo='" + orderNo + "']/";
                assertEquals(Xml.value(order, head + "ceb:buyerName"), Xml.value(p, pay + "ceb:payerName"));
                assertEquals(Xml.value(order, head + "ceb:buyerIdNumber"), Xml.value(p, pay + "ceb:payerIdNumber"));
                assertEquals(Xml.value(order, head + "ceb:payTransactionId"), Xml.value(p, pay + "ceb:payTransactionId"));
                BigDecimal paid = new BigDecimal(Xml.value(order, head + "ceb:acturalPaid"));
                if (paid.compareTo(new BigDecimal(Xml.value(p, pay + "ceb:amountPaid"))) != 0) {
                    wrong.add(Xml.value(p, pay + "ceb:payTransactionId"));
                    assertEquals("1", Xml.value(p, pay + "ceb:appType"), "only a first payment is wrong");
                }
            }
        }
        // one in every eighth round, from round 4 on; the first correction comes 40 rounds after the first wrong one
        assertEquals((Traffic.CORRECTION_LAG + 4) / Traffic.WRONG_EVERY + 1, wrong.size(), "wrong payments before the first correction");
        assertEquals(1, corrections.size(), "the first correction");
        assertEquals(List.of(Traffic.PAYMENT + ":" + wrong.get(0) + "#2"), corrections.get(0).forwards(), "corrects the first wrong payment");
        for (XdmNode w : waybills) {
            for (String orderNo : Xml.values(w, "//ceb:LogisticsHead/ceb:orderNo")) {
                XdmNode order = orders.get(orderNo);
                String head = "//ceb:OrderHead[ceb:orderNo='" + orderNo + "']/";
                String bill = "//ceb:LogisticsHead[ceb:orderNo='" + orderNo + "']/";
                for (String field : List.of("consignee", "consigneeTelephone", "consigneeAddress")) {
                    assertEquals(Xml.value(order, head + "ceb:" + field), Xml.value(w, bill + "ceb:" + field), field);
                }
            }
        }
    }

    @Test
    void resends_repeat_earlier_bytes_and_declarations_fall_due_as_groups_complete() {
        // round 0: orders, payments, waybills: six groups complete once the waybills are sent
        assertEquals(0, traffic.declarationsDue(2));
        assertEquals(6, traffic.declarationsDue(3));
        Traffic.Send resend = null;
        long index = 0;
        for (long i = 0; i < 40; i++) {
            Traffic.Send s = traffic.send(i);
            if (s.partner().equals(Traffic.PLATFORM) && s.forwards().isEmpty()) {
                resend = s;
                index = i;
                break;
            }
        }
        assertTrue(resend != null, "a re-send within the first ten rounds");
        assertArrayEquals(traffic.send(3L * 4).xml(), resend.xml(), "round 9 sends round 4's orders again");
        assertEquals(3L * 10, index, "after round 9's three messages");
        // round 4 has the wrong payment: five of its groups complete with its waybills, the sixth with the correction
        long dueBeforeRound4Waybills = traffic.declarationsDue(3L * 4 + 2);
        assertEquals(5, traffic.declarationsDue(3L * 4 + 3) - dueBeforeRound4Waybills);
        assertNotEquals(0, Traffic.CORRECTION_LAG);
    }
}
