package org.wcoecom.adapter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsConstants;
import org.wcoecom.adapter.message.Headers;

/** A canonical batch as the broker message published on its kind's address. */
public final class Publishing {

    /** Record ids shown on the message (for people and dead-letter listings), cut to this many characters. */
    private static final int MAX_IDS = 2000;
    /** The partner message's format and arrival (epoch milliseconds), for the forwarding metrics. */
    public static final String SOURCE_FORMAT = "AdapterSourceFormat";
    public static final String RECEIVED_AT = "AdapterReceivedAt";

    /** Camel step inside the split: the batch becomes the message, its address the destination. */
    public void toMessage(Exchange exchange) {
        Message m = exchange.getMessage();
        CanonicalBatch b = m.getBody(CanonicalBatch.class);
        m.removeHeaders("*");
        m.setHeader(CrossCheckSteps.SOURCE, b.id());
        m.setHeader(CrossCheckSteps.DUPLICATE_ID, b.id());
        m.setHeader(JmsConstants.JMS_DESTINATION_NAME, b.address());
        m.setHeader(Headers.KIND, b.kind());
        m.setHeader(Headers.FORMAT, "canonical");
        m.setHeader(Headers.PARTNER, b.partner());
        m.setHeader(Headers.CHANNEL, b.channel());
        m.setHeader(Headers.RECORDS, b.recordIds().size());
        m.setHeader(SOURCE_FORMAT, b.format());
        m.setHeader(RECEIVED_AT, b.receivedAt().toEpochMilli());
        String ids = String.join(",", b.recordIds());
        m.setHeader(Headers.RECORD_ID, ids.length() > MAX_IDS ? ids.substring(0, MAX_IDS) : ids);
        m.setBody(b.xml());
    }
}
