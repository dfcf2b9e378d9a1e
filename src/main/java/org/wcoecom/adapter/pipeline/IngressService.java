package org.wcoecom.adapter.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import net.sf.saxon.s9api.XdmNode;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.security.SenderIdentity;
import org.wcoecom.adapter.security.SignatureCheck;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.ReceivedRecords;
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
    /** the channel of overseas customs administrations */
    static final String SOAP = "soap";

    /** What partners may send: business records, not receipts (those come from customs) or canonical documents. */
    static final java.util.Set<String> PARTNER_KINDS = java.util.Set.of("order", "payment", "waybill", "status", "inventory",
            // WCO DM declarations (wco-dm-dec), from overseas customs over SOAP or any channel
            "declaration");

    /** Kinds that declare goods to customs: only declarants (and customs administrations) send them. */
    static final java.util.Set<String> DECLARATION_KINDS = java.util.Set.of("inventory", "declaration");

    /** The persistent queue each kind of canonical document waits on for its egress route. */
    static final Map<String, String> QUEUES = Map.of("Order", "canonical.order", "Payment", "canonical.payment",
            "Shipment", "canonical.shipment", "StatusEvent", "canonical.status", "Declaration", "canonical.declaration");
    /** The kinds the three-document check correlates. */
    static final java.util.Set<String> CROSS_CHECKED = java.util.Set.of("Order", "Payment", "Shipment");

    private final MessageReader reader;
    private final Translator translator;
    private final PartnerDirectory partners;
    private final SignatureCheck signatures;
    private final RecordSenders senders;
    private final ReceivedRecords received;
    private final AuditTrail audit;
    private final Declarations declarations;
    private final long maxBytes;
    private final ZoneId zone;

    public IngressService(MessageReader reader, Translator translator, PartnerDirectory partners, SignatureCheck signatures,
                          RecordSenders senders, ReceivedRecords received, AuditTrail audit, Declarations declarations, long maxBytes,
                          ZoneId zone) {
        this.reader = reader;
        this.translator = translator;
        this.partners = partners;
        this.signatures = signatures;
        this.senders = senders;
        this.received = received;
        this.audit = audit;
        this.declarations = declarations;
        this.maxBytes = maxBytes;
        this.zone = zone;
    }

    /**
     * Camel step: the partner's message (its partner already authenticated by the channel) becomes
     * the canonical documents of its new records; duplicates are told apart; the message is
     * recorded in the audit trail whatever the outcome.
     */
    public IngressResult receive(Exchange exchange) throws RejectedMessageException {
        Message in = exchange.getMessage();
        String channel = in.getHeader(Headers.CHANNEL, "unknown", String.class);
        String partnerId = Optional.ofNullable(in.getHeader(Headers.PARTNER, String.class)).map(String::trim).orElse("");
        String delivery = Optional.ofNullable(in.getHeader(Headers.INBOUND_ID, String.class))
                .orElseGet(() -> UUID.randomUUID().toString());
        in.setHeader(Headers.INBOUND_ID, delivery);
        // properties outlive the headers: the dead-letter handler works on the original message
        exchange.setProperty(DeadLetters.DELIVERY_PROPERTY, delivery);
        exchange.setProperty(DeadLetters.PARTNER_PROPERTY, partnerId);
        Inbound inbound = new Inbound(channel, partnerId, delivery);
        try {
            Partner partner = partners.byId(partnerId).or(() -> exchangePartner(channel, partnerId))
                    .orElseThrow(() -> reject(Optional.empty(), new XmlError(PARTNER_UNKNOWN,
                            0, 0, "/", "'" + partnerId + "' is not a partner of this adapter")));
            IngressResult result = translate(in, inbound, partner, channel, delivery);
            audit.record(inbound.events(result));
            return result;
        } catch (RejectedMessageException e) {
            audit.record(inbound.events(e.rejection()));
            throw e;
        }
    }

    private IngressResult translate(Message in, Inbound inbound, Partner partner, String channel, String delivery)
            throws RejectedMessageException {
        Optional<String> partnerId = Optional.of(partner.id());
        ReadResult read = read(in, partnerId, inbound);
        if (!read.valid()) {
            throw new RejectedMessageException(new Rejection(partnerId, read.format(), read.document(),
                    read.allErrors(), read.droppedErrors(), read.format().map(Format::id).orElse("message")));
        }
        Format format = read.format().orElseThrow();
        XdmNode document = read.document().orElseThrow();
        inbound.format = format.id();
        inbound.messageId = format.messageId(document).orElse(null);
        if (!format.definition().readable() || !PARTNER_KINDS.contains(format.definition().kind())) {
            throw new RejectedMessageException(new Rejection(partnerId, read.format(), read.document(),
                    List.of(new XmlError(FORMAT_NOT_ACCEPTED, 0, 0, "/", "messages of format " + format.id()
                            + " are not accepted from partners")), 0, format.id()));
        }
        // what the partners file lets this partner send; declarations only ever from declarants and customs
        if (!partner.maySend(format.id()) || (DECLARATION_KINDS.contains(format.definition().kind()) && !partner.mayDeclare())) {
            throw new RejectedMessageException(new Rejection(partnerId, read.format(), read.document(),
                    List.of(new XmlError(FORMAT_NOT_ACCEPTED, 0, 0, "/", "partner " + partner.id() + " may not send " + format.id()
                            + " messages (it may send: " + String.join(", ", partner.formats()) + ")")), 0, format.id()));
        }
        List<Format.RecordRef> records = format.records(document);
        // a customs administration relays the declarations of many declarants: WS-Security and its
        // signature say who it is, the declarant named in a message is not its own code
        List<XmlError> impostor = SOAP.equals(channel) ? List.of() : SenderIdentity.check(partner, format, document, records);
        if (!impostor.isEmpty()) {
            throw new RejectedMessageException(new Rejection(partnerId, read.format(), read.document(), impostor, 0, format.id()));
        }
        List<XmlError> badSignature = signatures.check(partner, format, document, inbound.content(),
                in.getHeader(Headers.INBOUND_TEXT, false, Boolean.class));
        if (!badSignature.isEmpty()) {
            throw new RejectedMessageException(new Rejection(partnerId, read.format(), read.document(), badSignature, 0, format.id()));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("partner", partner.id());
        params.put("channel", channel);
        params.put("received-at", OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MILLIS));
        List<CanonicalDocument> documents;
        try {
            documents = new ArrayList<>(translator.toCanonical(format, document, params));
        } catch (TranslationException e) {
            throw new RejectedMessageException(new Rejection(partnerId, read.format(), read.document(), e.errors(), 0,
                    e.document()));
        }
        // a declaration leaves only screened and with the adapter's tax estimate, whoever made it
        List<Declarations.Received> declared = new ArrayList<>();
        List<XmlError> refused = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if ("Declaration".equals(documents.get(i).kind())) {
                Declarations.Received d;
                try {
                    d = declarations.received(documents.get(i));
                } catch (TranslationException e) {
                    throw new IllegalStateException("the estimate of " + documents.get(i).recordId() + " cannot be written: " + e.getMessage(), e);
                }
                String at = i < records.size() ? records.get(i).path() : "/";
                d.violations().forEach(v -> refused.add(new XmlError(v.code(), 0, 0, at, v.message() + " (" + String.join(", ", v.paths()) + ")")));
                documents.set(i, d.document());
                declared.add(d);
            }
        }
        if (!refused.isEmpty()) {
            throw new RejectedMessageException(new Rejection(partnerId, read.format(), read.document(), refused, 0, format.id()));
        }
        List<String> digests = format.recordDigests(document);
        List<ReceivedRecords.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String recordId = documents.get(i).recordId();
            candidates.add(new ReceivedRecords.Candidate(
                    recordKey(recordId, i < digests.size() ? Optional.of(digests.get(i)) : Optional.empty()), recordId));
        }
        List<ReceivedRecords.Claim> claims = received.claimAll(partner.id(), candidates, delivery);
        List<Boolean> duplicate = new ArrayList<>();
        List<RecordSenders.Registration> registrations = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            boolean isDuplicate = claims.get(i) == ReceivedRecords.Claim.DUPLICATE;
            duplicate.add(isDuplicate);
            if (!isDuplicate && i < records.size()) {
                // so that customs' answers to this record can be relayed to its sender
                registrations.add(new RecordSenders.Registration(new RecordSenders.Sender(format.id(),
                        documents.get(i).recordId(), partner.id(), channel), records.get(i).references()));
            }
        }
        senders.registerAll(registrations);
        for (Declarations.Received d : declared) {
            int i = documents.indexOf(d.document());
            if (i >= 0 && !duplicate.get(i)) {
                declarations.counted(d);
            }
        }
        IngressResult result = new IngressResult(partner.id(), channel, format, format.messageId(document), records, documents, duplicate);
        in.setHeader(Headers.PARTNER, partner.id());
        in.setHeader(Headers.FORMAT, format.id());
        in.setHeader(Headers.RECORDS, documents.size());
        return result;
    }

    /** An overseas customs administration on the SOAP channel: authenticated by WS-Security (adapter.soap.partner.*) before any route. */
    private static Optional<Partner> exchangePartner(String channel, String id) {
        return SOAP.equals(channel) && Partner.isValidId(id)
                ? Optional.of(new Partner(id, id, Partner.EXCHANGE, List.of(), List.of("wco-dm-dec"), Optional.empty()))
                : Optional.empty();
    }

    /**
     * The record's identity for duplicates: its id and the digest of its XML, so that the same record
     * sent again is a duplicate and an amendment (appType 2, other values) a new version.
     */
    static String recordKey(String recordId, Optional<String> digest) {
        return digest.map(d -> recordId + "#" + d).orElse(recordId);
    }

    /** Camel step after the records have been sent on: they are no longer pending. */
    public void sent(Exchange exchange) {
        received.done(exchange.getMessage().getHeader(Headers.INBOUND_ID, String.class));
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
        // names this canonical message wherever it goes, across redeliveries and replays (the cross-check keys its decisions by it)
        m.setHeader(CrossCheckSteps.SOURCE, UUID.randomUUID().toString());
        m.setBody(doc.xml());
    }

    private ReadResult read(Message in, Optional<String> partner, Inbound inbound) throws RejectedMessageException {
        Object body = in.getBody();
        if (body instanceof String text) {
            // a JMS TextMessage: characters already decoded, so the declared encoding no longer applies
            in.setHeader(Headers.INBOUND_TEXT, true);
            if (text.length() > maxBytes) {
                throw tooLarge(partner);
            }
            inbound.content(text.getBytes(StandardCharsets.UTF_8));
            if (text.isEmpty()) {
                return reader.read(new byte[0]);
            }
            return reader.read(new InputSource(new StringReader(text)));
        }
        byte[] bytes;
        try (InputStream stream = in.getBody(InputStream.class)) {
            if (stream == null) {
                inbound.content(new byte[0]);
                return reader.read(new byte[0]);
            }
            bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(partner);
            }
        } catch (IOException e) {
            throw reject(partner, new XmlError(XmlError.MALFORMED, 0, 0, "/", "the message cannot be read: " + e.getMessage()));
        }
        inbound.content(bytes);
        return reader.read(bytes);
    }

    private RejectedMessageException tooLarge(Optional<String> partner) {
        return reject(partner, new XmlError(XmlError.TOO_LARGE, 0, 0, "/",
                "the message is larger than the limit of " + maxBytes + " bytes"));
    }

    private static RejectedMessageException reject(Optional<String> partner, XmlError error) {
        return new RejectedMessageException(new Rejection(partner, Optional.empty(), Optional.empty(), List.of(error), 0, "message"));
    }
}
