package org.wcoecom.adapter.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * HTTP: a partner posts a message to /api/v1/messages and gets its CEB312 receipt in the response;
 * every order is forwarded as its own CEB311 to customs.ceb.out.
 */
@ExtendWith(RunningAdapter.class)
class HttpChannelTest {

    private final Translations engine = new Translations();

    @Test
    void each_order_of_a_message_is_accepted_and_forwarded() throws Exception {
        String a = Messages.orderNo("HTTP-A"), b = Messages.orderNo("HTTP-B"), c = Messages.orderNo("HTTP-C");
        HttpResponse<String> response = RunningAdapter.post(Messages.utf8(Messages.multi(a, b, c)), "demo-platform");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        var receipt = engine.valid(Messages.utf8(response.body()));
        assertEquals(List.of(a, b, c), Xml.values(receipt, "/ceb:CEB312Message/ceb:OrderReturn/ceb:orderNo"));
        assertEquals(List.of("2", "2", "2"), Xml.values(receipt, "//ceb:returnStatus"));
        assertTrue(Xml.value(receipt, "//ceb:OrderReturn[1]/ceb:returnInfo").contains(a));

        for (String orderNo : List.of(a, b, c)) {
            Message forwarded = RunningAdapter.forwarded("demo-platform:" + orderNo);
            assertEquals("ceb311", forwarded.getStringProperty("AdapterFormat"));
            var ceb311 = engine.valid(Messages.utf8(RunningAdapter.text(forwarded)));
            assertEquals(List.of(orderNo), Xml.values(ceb311, "//ceb:OrderHead/ceb:orderNo"));
            assertEquals(forwarded.getStringProperty("AdapterMessageGuid"), Xml.value(ceb311, "/ceb:CEB311Message/@guid"));
        }
    }

    @Test
    void the_forwarded_order_carries_every_value_of_the_partner_order() throws Exception {
        String orderNo = Messages.orderNo("HTTP-V");
        String message = Messages.single(orderNo);
        assertEquals(200, RunningAdapter.post(Messages.utf8(message), "demo-platform").statusCode());
        var forwarded = engine.valid(Messages.utf8(RunningAdapter.text(RunningAdapter.forwarded("demo-platform:" + orderNo))));
        var original = engine.valid(Messages.utf8(message));
        assertEquals(Xml.values(original, "//ceb:Order//*[not(*)]/string()"), Xml.values(forwarded, "//ceb:Order//*[not(*)]/string()"));
        assertEquals(Xml.values(original, "//ceb:BaseTransfer/*/string()"), Xml.values(forwarded, "//ceb:BaseTransfer/*/string()"));
    }

    @Test
    void without_a_partner_header_the_api_key_names_the_partner() throws Exception {
        String orderNo = Messages.orderNo("HTTP-S");
        HttpResponse<String> response = RunningAdapter.post(Messages.utf8(Messages.single(orderNo)),
                RunningAdapter.adapter().apiKey("demo-platform"), null);
        assertEquals(200, response.statusCode(), response.body());
        RunningAdapter.forwarded("demo-platform:" + orderNo);
    }

    @Test
    void the_message_bytes_are_read_in_their_declared_encoding() throws Exception {
        String orderNo = Messages.orderNo("HTTP-GBK");
        byte[] gbk = Messages.single(orderNo).replace("encoding=\"UTF-8\"", "encoding=\"GBK\"")
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        assertEquals(200, RunningAdapter.post(gbk, "demo-platform").statusCode());
        var forwarded = engine.valid(Messages.utf8(RunningAdapter.text(RunningAdapter.forwarded("demo-platform:" + orderNo))));
        assertEquals("王小明", Xml.value(forwarded, "//ceb:buyerName"));
    }

    @Test
    void only_post_is_accepted() throws Exception {
        assertEquals(405, RunningAdapter.get().statusCode());
    }
}
