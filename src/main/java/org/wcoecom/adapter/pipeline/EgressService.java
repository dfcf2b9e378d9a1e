package org.wcoecom.adapter.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import net.sf.saxon.s9api.XdmNode;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.broker.PlainMessages;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.operations.FlowMetrics;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.Ledger;
import org.wcoecom.adapter.store.RecordSenders;
import org.wcoecom.adapter.xml.ChildDocuments;
import org.wcoecom.adapter.xml.XmlError;

/**
 * The outbound half: a canonical batch (or one record replayed from the dead letters) from a kind's
 * egress queue, each record translated to the destination's format and validated against its schema,
 * all sent in the transaction that consumes the batch. A record that cannot be written (a mapping or
 * code-list error of the adapter's data: sending it again would not help) goes to {@code DLQ.egress}
 * alone, with the reason, while the others go on; {@code dlq replay} sends it back to the same queue.
 *
 * <p>Each forwarded message's id is derived from the batch and the record's place in it, so a batch
 * delivered again (after a rollback) yields the very same messages.
 */
public final class EgressService {

    private static final Logger LOG = LoggerFactory.getLogger(EgressService.class);
    /** Where one message goes: the destination queue's name. */
    public static final String DESTINATION = "AdapterDestination";
    private static final String OUTCOMES = "AdapterEgressOutcomes";
    private static final String SENT = "AdapterEgressSent";
    private static final String MESSAGE_IDS = "AdapterEgressMessageIds";

    /** A record written for its destination: whose, in which format. */
    private record Sent(String partner, String format) {
    }

    /** The batch's records sent, its channel and when its message arrived (null for the cross-check's own). */
    private record Forwarding(List<Sent> records, String channel, Instant receivedAt) {
    }
    private static final int MAX_REASON = 2000;
    static final String MESSAGE_TOO_LARGE = "MESSAGE_TOO_LARGE";

    private final FlowMetrics metrics;

    private final FormatRegistry formats;
    private final Translator translator;
    private final Map<String, String> transferOverrides;
    private final Ledger ledger;
    private final long maxMessageBytes;

    /**
     * @param transferOverrides stylesheet parameters that replace the envelope's sender
     *                          (transfer-cop-code, transfer-cop-name, transfer-dxp-id); empty values are ignored
     * @param maxMessageBytes   the largest message the destination takes (0: no limit): a larger one
     *                          would only be refused there, so it is dead-lettered here, with the reason
     */
    public EgressService(FormatRegistry formats, Translator translator, Map<String, String> transferOverrides, Ledger ledger,
                         long maxMessageBytes, FlowMetrics metrics) {
        this.metrics = metrics;
        this.formats = formats;
        this.translator = translator;
        this.transferOverrides = Map.copyOf(transferOverrides);
        this.ledger = ledger;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** One message to send: to the destination, or to the dead letters. */
    public record Outgoing(String destination, byte[] body, Map<String, Object> headers) {
    }

    /**
     * Camel step: the batch in the body becomes the messages to send, one per record: to the given
     * destination in the given format, or, for a record that cannot be written, to DLQ.egress.
     */
    public List<Outgoing> forward(Exchange exchange, String formatId, String destination) {
        // the split below copies the message for every record: a plain one copies cheaply
        PlainMessages.replace(exchange);
        Message m = exchange.getMessage();
        Format target = formats.byId(formatId).orElseThrow(() -> new IllegalArgumentException(
                "egress format " + formatId + " is not registered"));
        String batchId = m.getHeader(CrossCheckSteps.SOURCE, String.class);
        String channel = m.getHeader(Headers.CHANNEL, String.class);
        Long receivedAt = m.getHeader(Publishing.RECEIVED_AT, Long.class);
        String replayOf = m.getHeader(org.wcoecom.adapter.broker.DeadLetterQueues.REPLAY_OF, String.class);
        LogContext.put(exchange, LogContext.CHANNEL, channel);
        LogContext.put(exchange, LogContext.PARTNER, m.getHeader(Headers.PARTNER, String.class));
        LogContext.put(exchange, LogContext.FORMAT, formatId);
        String source = DeadLetters.source(exchange.getFromEndpoint(), "");
        byte[] batch = m.getBody(byte[].class);
        exchange.setProperty(DeadLetters.ORIGINAL_PROPERTY, batch);
        List<XdmNode> records = records(batch);
        List<Outgoing> out = new ArrayList<>();
        List<AuditTrail.Event> events = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        List<RecordSenders.Registration> messageIds = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            XdmNode record = records.get(i);
            String recordId = recordId(record);
            String partner = recordId.contains(":") ? recordId.substring(0, recordId.indexOf(':')) : "";
            String guid = guid(batchId == null ? recordId : batchId, i);
            LogContext.put(exchange, LogContext.RECORD_ID, recordId);
            LogContext.put(exchange, LogContext.MESSAGE_ID, guid);
            Map<String, Object> params = new HashMap<>(transferOverrides);
            params.put("message-guid", guid);
            try {
                byte[] xml = translator.fromCanonical(target, record, params);
                if (maxMessageBytes > 0 && xml.length > maxMessageBytes) {
                    throw new TranslationException(target.id(), List.of(new XmlError(MESSAGE_TOO_LARGE, 0, 0, "/",
                            "the " + target.id() + " message is " + xml.length + " bytes, over the destination's limit of "
                                    + maxMessageBytes + " (adapter.egress.ceb.max-message-bytes)")));
                }
                Map<String, Object> headers = new LinkedHashMap<>();
                headers.put(Headers.RECORD_ID, recordId);
                headers.put(Headers.FORMAT, target.id());
                headers.put(Headers.MESSAGE_GUID, guid);
                // derived from the batch id and the record's place: a resend of this very message is dropped by the broker
                headers.put(CrossCheckSteps.DUPLICATE_ID, guid);
                out.add(new Outgoing(destination, xml, headers));
                events.add(new AuditTrail.Event(Instant.now(), AuditTrail.FORWARDED, partner, "jms", target.id(), guid, recordId,
                        AuditTrail.sha256(xml), "SENT", "to " + destination, null));
                sent.add(new Sent(partner, target.id()));
                // customs' format-check receipt (CEB900) names this message id: it leads back to the record
                messageIds.add(new RecordSenders.Registration(new RecordSenders.Sender(target.id(), recordId,
                        partner.isEmpty() ? "adapter" : partner, channel == null ? "jms" : channel),
                        Map.of(RecordSenders.MESSAGE_ID, guid)));
            } catch (TranslationException | RuntimeException e) {
                String reason = (e instanceof TranslationException t ? "TranslationException: " + t.errors()
                        : e.getClass().getSimpleName() + ": " + e.getMessage());
                reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
                LOG.error("record {} cannot be written as {}: {}; dead-lettered to DLQ.egress alone", recordId, target.id(), reason);
                Map<String, Object> headers = new LinkedHashMap<>();
                headers.put(Headers.RECORD_ID, recordId);
                headers.put(Headers.FORMAT, "canonical");
                headers.put(DeadLetters.STAGE, "egress");
                headers.put(DeadLetters.REASON, reason);
                headers.put(DeadLetters.PARTNER, partner);
                headers.put(DeadLetters.FAILED_AT, OffsetDateTime.now().toString());
                headers.put(DeadLetters.SOURCE, source);
                out.add(new Outgoing("DLQ.egress", translator.write(record), headers));
                events.add(new AuditTrail.Event(Instant.now(), AuditTrail.DEAD_LETTERED, partner, "jms", target.id(), null, recordId,
                        null, "egress", reason, null));
                metrics.deadLettered("egress", partner);
            }
        }
        exchange.setProperty(OUTCOMES, events);
        exchange.setProperty(MESSAGE_IDS, messageIds);
        exchange.setProperty(SENT, new Forwarding(sent, channel, receivedAt == null ? null : Instant.ofEpochMilli(receivedAt)));
        if (replayOf != null && !replayOf.isEmpty()) {
            String first = records.isEmpty() ? "" : recordId(records.get(0));
            metrics.replayed("egress", first.contains(":") ? first.substring(0, first.indexOf(':')) : "");
        }
        return out;
    }

    /** Camel step inside the split: one outgoing message as the message to send. */
    public void toMessage(Exchange exchange) {
        Message m = exchange.getMessage();
        Outgoing o = m.getBody(Outgoing.class);
        m.removeHeaders("*");
        o.headers().forEach(m::setHeader);
        m.setHeader(DESTINATION, o.destination());
        m.setBody(o.body());
    }

    /** Camel step once the batch's messages are sent: their audit events and message ids, in one transaction. */
    public void forwarded(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<AuditTrail.Event> events = exchange.getProperty(OUTCOMES, List.class);
        @SuppressWarnings("unchecked")
        List<RecordSenders.Registration> messageIds = exchange.getProperty(MESSAGE_IDS, List.class);
        if (events != null || messageIds != null) {
            ledger.inTransaction(tx -> {
                tx.audit(events == null ? List.of() : events);
                tx.register(messageIds == null ? List.of() : messageIds);
                return null;
            });
        }
        Forwarding forwarding = exchange.getProperty(SENT, Forwarding.class);
        if (forwarding != null) {
            java.time.Duration latency = forwarding.receivedAt() == null ? null
                    : java.time.Duration.between(forwarding.receivedAt(), Instant.now());
            forwarding.records().forEach(r -> metrics.forwarded(r.partner(), forwarding.channel(), r.format(), latency));
        }
    }

    /**
     * The records of a canonical batch, each a document of its own, built in one parse; or the one
     * document a replay brings. Not validated again: only the adapter writes these queues (partners'
     * broker roles cannot), each document was validated against the canonical schema when it was
     * made, and the output is validated against the destination's schema.
     */
    private static List<XdmNode> records(byte[] xml) {
        return ChildDocuments.of(xml, "Batch", Canonical.NAMESPACE);
    }

    private static String recordId(XdmNode doc) {
        for (XdmNode header : Format.rootElement(doc).children("Header")) {
            for (XdmNode id : header.children("RecordId")) {
                return id.getStringValue();
            }
        }
        return "";
    }

    /** The same batch and place give the same message id, whichever delivery of the batch sends it. */
    static String guid(String batchId, int index) {
        return UUID.nameUUIDFromBytes((batchId + "/" + index).getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT);
    }
}
