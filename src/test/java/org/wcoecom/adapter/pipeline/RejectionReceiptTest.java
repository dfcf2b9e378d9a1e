package org.wcoecom.adapter.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import net.sf.saxon.s9api.XdmNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.Resources;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * A message the adapter refuses is answered in the sender's format (CEB312 for CEB311 senders)
 * with the CEB status for a failed validation and every error with line, column and element path;
 * nothing of it is forwarded.
 */
@ExtendWith(RunningAdapter.class)
class RejectionReceiptTest {

    private final Translations engine = new Translations();

    @Test
    void malformed_xml_is_answered_with_where_it_breaks() throws Exception {
        String orderNo = Messages.orderNo("REJ-M");
        String broken = Messages.single(orderNo).replace("</ceb:buyerName>", "</ceb:buyer>");
        XdmNode receipt = rejected(broken);
        String info = Xml.value(receipt, "//ceb:returnInfo");
        assertTrue(info.startsWith("[Code:0001;"), info);
        assertTrue(info.contains("23:") && info.contains("/CEB311Message/Order[1]/OrderHead[1]/buyerName[1]"), info);
        assertNothingForwarded(orderNo);
    }

    @Test
    void an_xxe_attempt_never_returns_or_forwards_the_file(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, "root:x:0:0:SECRET-4f2a");
        String orderNo = Messages.orderNo("REJ-X");
        String xxe = Messages.single(orderNo)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE ceb:CEB311Message [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                .replace("<ceb:note>双十一活动订单</ceb:note>", "<ceb:note>&xxe;</ceb:note>");
        HttpResponse<String> response = RunningAdapter.post(Messages.utf8(xxe), RunningAdapter.PARTNER);
        assertEquals(400, response.statusCode());
        assertFalse(response.body().contains("SECRET-4f2a"));
        String info = Xml.value(engine.valid(Messages.utf8(response.body())), "//ceb:returnInfo");
        assertTrue(info.contains("DOCTYPE"), info);
        assertNothingForwarded(orderNo);
        assertTrue(RunningAdapter.browseForwarded().stream().noneMatch(m -> m.contains("SECRET-4f2a")));
    }

    @Test
    void a_wrong_namespace_is_answered_with_the_root_seen_and_the_formats_known() throws Exception {
        XdmNode receipt = rejected(Resources.text("messages/ceb311-wrong-namespace.xml"));
        // the list of known roots is long: the answer may continue in further return elements
        String info = String.join(" ", Xml.values(receipt, "//ceb:returnInfo/string()"));
        assertTrue(info.contains("{http://www.chinaport.gov.cn/ceb/2018}CEB311Message"), info);
        assertTrue(info.contains("ceb311"), info);
        assertEquals("UNKNOWN", Xml.value(receipt, "//ceb:orderNo"), "no order could be read from it");
    }

    @Test
    void schema_violations_are_answered_per_order_with_every_error() throws Exception {
        XdmNode receipt = rejected(Resources.text("messages/ceb311-schema-violations.xml"));
        List<String> orders = Xml.values(receipt, "//ceb:OrderReturn/ceb:orderNo");
        assertEquals(3, orders.stream().distinct().count(), orders.toString());
        assertTrue(orders.contains("YX20261121091502018") && orders.contains("YX20261120143005001"));
        assertTrue(orders.contains("YX2026112109150001700000000000000000000000000000000000000000"),
                "an over-long order number is cut to fit the receipt");
        assertEquals(List.of("-301008"), Xml.values(receipt, "//ceb:returnStatus").stream().distinct().toList());
        String first = String.join(" ", Xml.values(receipt, "//ceb:OrderReturn[starts-with(ceb:orderNo, 'YX20261121091500017')]/ceb:returnInfo"));
        assertTrue(first.contains("11:97 /CEB311Message/Order[1]/OrderHead[1]/orderNo[1] cvc-maxLength-valid"), first);
        assertTrue(first.contains("52:30 /CEB311Message/Order[1]/OrderList[2]/unit[1]"), first);
        String second = Xml.value(receipt, "//ceb:OrderReturn[ceb:orderNo = 'YX20261121091502018']/ceb:returnInfo");
        assertTrue(second.contains("/CEB311Message/Order[2]/OrderHead[1]/goodsValue[1] cvc-fractionDigits-valid"), second);
        String third = Xml.value(receipt, "//ceb:OrderReturn[ceb:orderNo = 'YX20261120143005001']/ceb:returnInfo");
        assertTrue(third.contains("130:30 /CEB311Message/Order[3]/OrderHead[1]/buyerIdType[1]") && third.contains("buyerTelephone"), third);
    }

    @Test
    void an_unknown_code_is_answered_with_its_place() throws Exception {
        String orderNo = Messages.orderNo("REJ-C");
        XdmNode receipt = rejected(Messages.single(orderNo).replace("<ceb:country>116</ceb:country>", "<ceb:country>999</ceb:country>"));
        String info = Xml.value(receipt, "//ceb:returnInfo");
        assertTrue(info.startsWith("[Code:2999;"), info);
        assertTrue(info.contains("64:") && info.contains("/CEB311Message/Order[1]/OrderList[2]/country[1]") && info.contains("\"999\""), info);
        assertEquals(orderNo, Xml.value(receipt, "//ceb:orderNo"));
        assertNothingForwarded(orderNo);
    }

    @Test
    void a_body_that_is_not_xml_or_empty_is_answered_too() throws Exception {
        XdmNode json = rejected("{\"orderNo\": \"1\"}");
        assertTrue(Xml.value(json, "//ceb:returnInfo").contains("1:1"), "points at the first character");
        XdmNode empty = rejected("");
        assertTrue(Xml.value(empty, "//ceb:returnInfo").contains("empty"));
    }

    @Test
    void a_message_over_the_size_limit_is_answered_and_one_far_over_it_is_cut_off() throws Exception {
        String padding = "<!--" + "x".repeat(RunningAdapter.MAX_MESSAGE_BYTES) + "-->";
        XdmNode receipt = rejected(Messages.single(Messages.orderNo("REJ-L")) + padding);
        assertTrue(Xml.value(receipt, "//ceb:returnInfo").contains("larger than the limit"));
        HttpResponse<String> huge = RunningAdapter.post(new byte[3 * RunningAdapter.MAX_MESSAGE_BYTES], RunningAdapter.PARTNER);
        assertEquals(413, huge.statusCode());
    }

    private XdmNode rejected(String body) throws Exception {
        HttpResponse<String> response = RunningAdapter.post(Messages.utf8(body), RunningAdapter.PARTNER);
        assertEquals(400, response.statusCode(), response.body());
        XdmNode receipt = engine.valid(Messages.utf8(response.body()));
        assertEquals("CEB312Message", Xml.value(receipt, "local-name(/*)"));
        assertEquals(List.of("-301008"), Xml.values(receipt, "//ceb:returnStatus").stream().distinct().toList());
        return receipt;
    }

    private static void assertNothingForwarded(String orderNo) throws Exception {
        assertTrue(RunningAdapter.takeForwarded(RunningAdapter.PARTNER + ":" + orderNo, Duration.ofSeconds(2)).isEmpty(),
                orderNo + " must not be forwarded");
    }
}
