package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * A partner cannot send under another partner's identity: the sender code (copCode) and the codes
 * the format ties to the sender (an order's platform) must be the authenticated partner's own, on
 * HTTP as on JMS; the receipt says which element and why.
 */
@ExtendWith(RunningAdapter.class)
class SenderIdentityTest {

    private final Translations engine = new Translations();

    @Test
    void an_order_of_another_platform_posted_over_http_is_rejected() throws Exception {
        String orderNo = Messages.orderNo("ID-HTTP");
        // demo-platform's own key, but the order is another platform's (copCode and ebpCode 3120966999)
        HttpResponse<String> r = RunningAdapter.post(Messages.utf8(Messages.single(orderNo).replace("3120966001", "3120966999")),
                "demo-platform");
        assertEquals(400, r.statusCode(), r.body());
        var ceb312 = engine.valid(Messages.utf8(r.body()));
        assertEquals("-301008", Xml.value(ceb312, "//ceb:returnStatus"));
        String info = Xml.value(ceb312, "//ceb:returnInfo");
        // an element path with line and column, as for every other error (not format.yaml's XPath)
        assertTrue(info.matches(".*\\d+:\\d+ /CEB311Message/BaseTransfer\\[1]/copCode\\[1] the sender code 3120966999 "
                + "is not a code of partner demo-platform.*"), info);
        assertTrue(info.matches(".*\\d+:\\d+ /CEB311Message/Order\\[1]/OrderHead\\[1]/ebpCode\\[1] .*"), info);
        assertTrue(RunningAdapter.takeForwarded("demo-platform:" + orderNo, Duration.ofSeconds(2)).isEmpty());
    }

    @Test
    void a_carrier_sending_another_carriers_waybill_on_its_own_queue_is_rejected() throws Exception {
        String orderNo = Messages.orderNo("ID-JMS");
        try (Connection c = RunningAdapter.adapter().connection("demo-logistics")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage m = s.createBytesMessage();
            // demo-logistics' own broker user, but the waybill is another carrier's (logisticsCode 3120968999)
            m.writeBytes(Messages.utf8(Messages.waybill(orderNo, "WB" + orderNo).replace("<ceb:logisticsCode>3120968001<",
                    "<ceb:logisticsCode>3120968999<")));
            s.createProducer(s.createQueue("partner.demo-logistics.in")).send(m);
            try (MessageConsumer receipts = s.createConsumer(s.createQueue("partner.demo-logistics.receipts"),
                    "JMSCorrelationID = '" + m.getJMSMessageID() + "'")) {
                Message receipt = receipts.receive(RunningAdapter.WAIT.toMillis());
                assertNotNull(receipt);
                String info = Xml.value(engine.valid(Messages.utf8(RunningAdapter.text(receipt))), "//ceb:returnInfo");
                assertTrue(info.contains("SENDER") || info.contains("not a code of partner demo-logistics"), info);
            }
        }
        assertTrue(RunningAdapter.takeForwarded("demo-logistics:WB" + orderNo, Duration.ofSeconds(2)).isEmpty());
    }
}
