package org.wcoecom.adapter.pipeline;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.receipt.PendingReceipt;

/**
 * Prepares a receipt sent after the fact (cross-check outcome, relayed customs answer) for its
 * way: a file in outbox/&lt;partner&gt;/ when the record came as a file, else the partner's
 * receipt queue (HTTP callers, who got their synchronous receipt already, find later ones there).
 */
public final class LaterReceipts {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS");

    public void prepare(Exchange exchange) {
        Message m = exchange.getMessage();
        PendingReceipt p = m.getBody(PendingReceipt.class);
        m.setHeader(Headers.PARTNER, p.partner());
        m.setHeader(Headers.CHANNEL, p.channel());
        m.setHeader(Headers.RECORD_ID, p.recordId());
        m.setHeader(Headers.OUTCOME, p.receipt().outcome());
        m.setHeader(Headers.RECEIPT_FORMAT, p.receipt().format());
        String safeRecord = p.recordId().replaceAll("[^A-Za-z0-9._-]", "_");
        m.setHeader(Exchange.FILE_NAME, p.partner() + "/" + LocalDateTime.now().format(STAMP) + "-" + safeRecord + "."
                + p.receipt().format() + ".xml");
        m.setBody(p.receipt().xml());
    }
}
