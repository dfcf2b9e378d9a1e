package org.wcoecom.adapter.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.store.RecordSenders;
import org.wcoecom.adapter.xml.XmlError;
import org.xml.sax.InputSource;

/**
 * The inbound half of the pipeline, whatever the channel: guard (size), identify, validate,
 * translate to canonical. Anything wrong becomes a {@link RejectedMessageException}, answered
 * by the route configuration with a rejection receipt.
 */
public final class IngressService {

    public static final String FORMAT_NOT_ACCEPTED = "FORMAT_NOT_ACCEPTED";
    public static final String PARTNER_UNKNOWN = "PARTNER_UNKNOWN";

    /** What partners may send: business records, not receipts (those come from customs) or canonical documents. */
    static final java.util.Set<String> PARTNER_KINDS = java.util.Set.of("order", "payment", "waybill", "status", "inventory",
            // WCO DM declarations (wco-dm-dec), from overseas customs over SOAP or any channel
            "declaration");

    /** The persistent queue each kind of canonical document waits on for its egress route. */
    static final Map<String, String> QUEUES = Map.of("Order", "canonical.order", "Payment", "canonical.payment",
            "Shipment", "canonical.shipment", "StatusEvent", "canonical.status", "Declaration", "canonical.declaration");
    /** The kinds the three-document check correlates. */
    static final java.util.Set<String> CROSS_CHECKED = java.util.Set.of("Order", "Payment", "Shipment");

    private final MessageReader reader;
    private final Translator translator;
    private final PartnerDirectory partners;
    private final RecordSenders senders;
    private final long maxBytes;
    private final ZoneId zone;

    public IngressService(MessageReader reader, Translator translator, PartnerDirectory partners, RecordSenders senders,
                          long maxBytes, ZoneId zone) {
        this.reader = reader;
        this.translator = translator;
        this.partners = partners;
        this.senders = senders;
        this.maxBytes = maxBytes;
        this.zone = zone;
    }

    public IngressResult receive(Exchange exchange) throws RejectedMessageException {
        Message in = exchange.getMessage();
        String channel = in.getHeader(Headers.CHANNEL, "unknown", String.class);
        Optional<String> declared = Optional.ofNullable(in.getHeader(Headers.PARTNER, String.class))
                .map(String::trim).filter(s -> !s.isEmpty());
        if (declared.isPresent() && !Partner.isValidId(declared.get())) {
            throw reject(Optional.empty(), new XmlError(PARTNER_UNKNOWN, 0, 0, "/", "partner id '" + declared.get()
                    + "' is not valid: use letters, digits, '.', '_' and '-'"));
        }
        ReadResult read = read(in, declared);
        Optional<String> partner = declared.or(() -> senderPartner(read));
        if (!read.valid()) {
            throw new RejectedMessageException(new Rejection(partner, read.format(), read.document(),
                    read.allErrors(), read.droppedErrors(), read.format().map(Format::id).orElse("message")));
        }
        Format format = read.format().orElseThrow();
        if (!format.definition().readable() || !PARTNER_KINDS.contains(format.definition().kind())) {
            throw new RejectedMessageException(new Rejection(partner, read.format(), read.document(),
                    List.of(new XmlError(FORMAT_NOT_ACCEPTED, 0, 0, "/", "messages of format " + format.id()
                            + " are not accepted from partners")), 0, format.id()));
        }
        if (partner.isEmpty()) {
            throw new RejectedMessageException(new Rejection(partner, read.format(), read.document(),
                    List.of(new XmlError(PARTNER_UNKNOWN, 0, 0, "/", "the sender cannot be told: name the partner"
                            + " (HTTP header X-Partner-Id) or fill in the message's sender code")), 0, format.id()));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("partner", partner.get());
        params.put("channel", channel);
        params.put("received-at", OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MILLIS));
        List<CanonicalDocument> documents;
        try {
            documents = translator.toCanonical(format, read.document().orElseThrow(), params);
        } catch (TranslationException e) {
            throw new RejectedMessageException(new Rejection(partner, read.format(), read.document(), e.errors(), 0,
                    e.document()));
        }
        IngressResult result = new IngressResult(partner.get(), channel, format,
                format.messageId(read.document().orElseThrow()), format.records(read.document().orElseThrow()), documents);
        // so that customs' answers to these records can be relayed to their sender
        for (int i = 0; i < documents.size() && i < result.getRecords().size(); i++) {
            senders.register(new RecordSenders.Sender(format.id(), documents.get(i).recordId(), partner.get(), channel),
                    result.getRecords().get(i).references());
        }
        in.setHeader(Headers.PARTNER, partner.get());
        in.setHeader(Headers.FORMAT, format.id());
        in.setHeader(Headers.RECORDS, documents.size());
        return result;
    }

    /** Prepares one canonical document (inside the split) for the canonical queue. */
    public void toQueueMessage(Exchange exchange) {
        CanonicalDocument doc = exchange.getMessage().getBody(CanonicalDocument.class);
        Message m = exchange.getMessage();
        m.setHeader(Headers.RECORD_ID, doc.recordId());
        m.setHeader(Headers.KIND, doc.kind());
        m.setHeader(Headers.FORMAT, "canonical");
        m.setHeader(Headers.QUEUE, QUEUES.getOrDefault(doc.kind(), "canonical.other"));
        m.setHeader(Headers.CROSS_CHECK, CROSS_CHECKED.contains(doc.kind()));
        m.setBody(doc.xml());
    }

    private ReadResult read(Message in, Optional<String> partner) throws RejectedMessageException {
        Object body = in.getBody();
        if (body instanceof String text) {
            // a JMS TextMessage: characters already decoded, so the declared encoding no longer applies
            in.setHeader(Headers.INBOUND_TEXT, true);
            if (text.length() > maxBytes) {
                throw tooLarge(partner);
            }
            if (text.isEmpty()) {
                return reader.read(new byte[0]);
            }
            return reader.read(new InputSource(new StringReader(text)));
        }
        byte[] bytes;
        try (InputStream stream = in.getBody(InputStream.class)) {
            if (stream == null) {
                return reader.read(new byte[0]);
            }
            bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(partner);
            }
        } catch (IOException e) {
            throw reject(partner, new XmlError(XmlError.MALFORMED, 0, 0, "/", "the message cannot be read: " + e.getMessage()));
        }
        return reader.read(bytes);
    }

    private Optional<String> senderPartner(ReadResult read) {
        if (read.format().isEmpty() || read.document().isEmpty()) {
            return Optional.empty();
        }
        return read.format().get().senderCode(read.document().get())
                .map(code -> partners.bySenderCode(code).map(Partner::id).orElse(code))
                .filter(Partner::isValidId);
    }

    private RejectedMessageException tooLarge(Optional<String> partner) {
        return reject(partner, new XmlError(XmlError.TOO_LARGE, 0, 0, "/",
                "the message is larger than the limit of " + maxBytes + " bytes"));
    }

    private static RejectedMessageException reject(Optional<String> partner, XmlError error) {
        return new RejectedMessageException(new Rejection(partner, Optional.empty(), Optional.empty(), List.of(error), 0, "message"));
    }
}
