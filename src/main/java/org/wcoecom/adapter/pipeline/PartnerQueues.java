package org.wcoecom.adapter.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.jms.Destination;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsConstants;
import org.wcoecom.adapter.message.Headers;

/**
 * HTTP, files and SOAP put their messages on the partner's queue and wait for the receipt on a reply
 * queue: the request keeps the channel's own headers aside (a reply replaces the message), and the
 * pipeline answers on the reply queue the broker vouched for.
 */
public final class PartnerQueues {

    private static final String KEPT = "AdapterChannelHeaders";
    /** What a receipt tells the channel that waits for it. */
    private static final Set<String> RECEIPT_HEADERS = Set.of(Headers.OUTCOME, Headers.RECEIPT_FORMAT, Headers.RECORDS,
            Headers.HTTP_STATUS, Headers.PARTNER);

    /** Camel step before the request: the channel's headers kept aside, the partner's queue named. */
    public void request(Exchange exchange) {
        Message m = exchange.getMessage();
        exchange.setProperty(KEPT, new HashMap<>(m.getHeaders()));
        String partner = m.getHeader(Headers.PARTNER, String.class);
        // an empty request is a message too (it gets its rejection): the bytes of nothing, not no body
        m.setBody(m.getBody() == null ? new byte[0] : m.getBody(byte[].class));
        m.setHeader(Headers.QUEUE, ("soap".equals(m.getHeader(Headers.CHANNEL, String.class)) ? "exchange." : "partner.")
                + partner + ".in");
    }

    /** Camel step after the reply: the channel's headers again, with the receipt's on top. */
    public void answered(Exchange exchange) {
        Message m = exchange.getMessage();
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = exchange.getProperty(KEPT, Map.class);
        Map<String, Object> merged = new HashMap<>(kept == null ? Map.of() : kept);
        m.getHeaders().forEach((k, v) -> {
            if (RECEIPT_HEADERS.contains(k)) {
                merged.put(k, v);
            }
        });
        m.setHeaders(merged);
    }

    /** Camel step: the receipt addressed to the reply queue of the channel that waits for it. */
    public void reply(Exchange exchange) {
        Message m = exchange.getMessage();
        Destination replyTo = m.getHeader(JmsInbound.REPLY_TO, Destination.class);
        String correlation = m.getHeader(JmsInbound.REPLY_CORRELATION, String.class);
        Map<String, Object> keep = new HashMap<>();
        for (String h : RECEIPT_HEADERS) {
            Object v = m.getHeader(h);
            if (v != null) {
                keep.put(h, v);
            }
        }
        m.setHeaders(keep);
        m.setHeader(JmsConstants.JMS_DESTINATION, replyTo);
        if (correlation != null) {
            m.setHeader("JMSCorrelationID", correlation);
        }
    }
}
