package org.wcoecom.adapter.pipeline;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.CanonicalKinds;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.operations.FlowMetrics;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.security.SenderIdentity;
import org.wcoecom.adapter.security.SignatureCheck;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.store.Ledger;
import org.wcoecom.adapter.store.ReceivedRecords;
import org.wcoecom.adapter.store.RecordSenders;
import org.wcoecom.adapter.xml.XmlError;
import org.xml.sax.InputSource;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.message.IngressResult;
import org.wcoecom.adapter.message.RejectedMessageException;
import org.wcoecom.adapter.message.Rejection;

/**
 * The steps of the pipeline every partner message takes, whatever its channel (routes/pipeline.camel.yaml):
 * begin, read (size guard, no DTD, identify, validate), permit (the partner may send this format), sender
 * (the codes in the message are the partner's), signature, to canonical, declarations (screened, taxes
 * estimated), claim (duplicates told apart; claims, senders, audit in one transaction), batches (one
 * canonical batch per kind of new records), result. A refusal at any step is a {@link RejectedMessageException},
 * answered with a receipt by the route configuration.
 */
public final class Intake {

    public static final String FORMAT_NOT_ACCEPTED = "FORMAT_NOT_ACCEPTED";
    public static final String PARTNER_UNKNOWN = "PARTNER_UNKNOWN";
    static final String SOAP = "soap";
    /**
     * Kinds that declare goods to customs, ask about a declared inventory or list its parcels (CEB607): only
     * declarants (and customs administrations) send them. An export return request (CEB213) is the
     * e-commerce enterprise's own (its ebcCode is the sender's), so it is not among them.
     */
    static final Set<String> DECLARATION_KINDS = Set.of("inventory", "declaration", "export-inventory", "return", "cancellation",
            "export-cancellation", "export-consignment-list");
    /** Kinds only the operator of a customs supervised site sends (role warehouse): what the site received. */
    static final Set<String> SITE_KINDS = Set.of("consignment-list");
    /** Receipts and tax bills come from customs, canonical documents from the adapter: a partner sends none of them. */
    static final Set<String> NOT_FROM_PARTNERS = Set.of("receipt", "response", "canonical", "tax-bill", "tax-bill-status");

    private final MessageReader reader;
    private final Translator translator;
    private final PartnerDirectory partners;
    private final SignatureCheck signatures;
    private final Declarations declarations;
    private final Ledger ledger;
    private final Routing routing;
    private final CanonicalKinds kinds;
    private final long maxBytes;
    private final ZoneId zone;
    private final FlowMetrics metrics;

    public Intake(MessageReader reader, Translator translator, PartnerDirectory partners, SignatureCheck signatures,
                  Declarations declarations, Ledger ledger, Routing routing, CanonicalKinds kinds, long maxBytes, ZoneId zone,
                  FlowMetrics metrics) {
        this.metrics = metrics;
        this.reader = reader;
        this.translator = translator;
        this.partners = partners;
        this.signatures = signatures;
        this.declarations = declarations;
        this.ledger = ledger;
        this.routing = routing;
        this.kinds = kinds;
        this.maxBytes = maxBytes;
        this.zone = zone;
    }

    /** Step: the message in progress, its channel, partner and delivery from the channel's headers. */
    public void begin(Exchange exchange) throws RejectedMessageException {
        Message m = exchange.getMessage();
        String channel = m.getHeader(Headers.CHANNEL, "unknown", String.class);
        String partnerId = Optional.ofNullable(m.getHeader(Headers.PARTNER, String.class)).map(String::trim).orElse("");
        String delivery = Optional.ofNullable(m.getHeader(Headers.INBOUND_ID, String.class)).orElseGet(() -> UUID.randomUUID().toString());
        Inbound in = new Inbound(channel, partnerId, delivery);
        exchange.setProperty(Inbound.PROPERTY, in);
        // properties outlive the headers: the dead-letter handler works on the original message
        exchange.setProperty(DeadLetters.DELIVERY_PROPERTY, delivery);
        exchange.setProperty(DeadLetters.PARTNER_PROPERTY, partnerId);
        LogContext.put(exchange, LogContext.CHANNEL, channel);
        LogContext.put(exchange, LogContext.PARTNER, partnerId);
        in.partner = partners.byId(partnerId).or(() -> exchangePartner(channel, partnerId))
                .orElseThrow(() -> reject(Optional.empty(), new XmlError(PARTNER_UNKNOWN, 0, 0, "/",
                        "'" + partnerId + "' is not a partner of this adapter")));
    }

    /** Step: the bytes guarded (size, no DTD, encoding), the format identified by the root, validated against its schema. */
    public void read(Exchange exchange) throws RejectedMessageException {
        Inbound in = Inbound.of(exchange);
        Object body = exchange.getMessage().getBody();
        ReadResult read;
        if (body instanceof String text) {
            in.text = true;
            if (text.length() > maxBytes) {
                throw tooLarge(in);
            }
            in.content(text.getBytes(StandardCharsets.UTF_8));
            read = text.isEmpty() ? reader.read(new byte[0]) : reader.read(new InputSource(new StringReader(text)));
        } else {
            byte[] bytes = body == null ? new byte[0] : exchange.getMessage().getBody(byte[].class);
            if (bytes.length > maxBytes) {
                throw tooLarge(in);
            }
            in.content(bytes);
            read = reader.read(bytes);
        }
        read.format().ifPresent(f -> {
            in.format = f;
            LogContext.put(exchange, LogContext.FORMAT, f.id());
        });
        if (!read.valid()) {
            throw new RejectedMessageException(new Rejection(in.partnerName(), read.format(), read.document(),
                    read.allErrors(), read.droppedErrors(), read.format().map(Format::id).orElse("message")));
        }
        in.document = read.document().orElseThrow();
        in.messageId = in.format.messageId(in.document).orElse(null);
        in.records = in.format.records(in.document);
        LogContext.put(exchange, LogContext.MESSAGE_ID, in.messageId);
        LogContext.put(exchange, LogContext.RECORD_ID, String.join(",", in.records.stream().map(r -> in.partner.id() + ":" + r.key()).toList()));
    }

    /** Step: partners send business records of the formats their entry allows; declarations only declarants and customs. */
    public void permit(Exchange exchange) throws RejectedMessageException {
        Inbound in = Inbound.of(exchange);
        Format format = in.format;
        String kind = format.definition().kind();
        if (!format.definition().readable() || NOT_FROM_PARTNERS.contains(kind)) {
            throw refuse(in, new XmlError(FORMAT_NOT_ACCEPTED, 0, 0, "/", "messages of format " + format.id()
                    + " are not accepted from partners"));
        }
        // an export order is a canonical Order too: without its own forward it would leave as an import CEB311
        if (kinds.kind(kind).isPresent() && kinds.kind(kind).get().forwardedAs().isEmpty()) {
            throw refuse(in, new XmlError(FORMAT_NOT_ACCEPTED, 0, 0, "/", "records of kind " + kind + " (format " + format.id()
                    + ") are not accepted yet: the adapter does not forward them (no forwardedAs in " + CanonicalKinds.FILE + ")"));
        }
        if (!in.partner.maySend(format.id()) || (DECLARATION_KINDS.contains(kind) && !in.partner.mayDeclare())
                || (SITE_KINDS.contains(kind) && !in.partner.operatesSite())) {
            throw refuse(in, new XmlError(FORMAT_NOT_ACCEPTED, 0, 0, "/", "partner " + in.partner.id() + " may not send "
                    + format.id() + " messages (it may send: " + String.join(", ", in.partner.formats()) + ")"));
        }
    }

    /**
     * Step: the sender code and the codes the format ties to the sender are the partner's own. A customs
     * administration relays the declarations of many declarants: WS-Security and its signature say who it is.
     */
    public void sender(Exchange exchange) throws RejectedMessageException {
        Inbound in = Inbound.of(exchange);
        if (SOAP.equals(in.channel)) {
            return;
        }
        List<XmlError> impostor = SenderIdentity.check(in.partner, in.format, in.document, in.records);
        if (!impostor.isEmpty()) {
            throw refuse(in, impostor);
        }
    }

    /** Step: the XML signature of a signed format, verified against the partner's certificates. */
    public void signature(Exchange exchange) throws RejectedMessageException {
        Inbound in = Inbound.of(exchange);
        List<XmlError> bad = signatures.check(in.partner, in.format, in.document, in.content, in.text);
        if (!bad.isEmpty()) {
            throw refuse(in, bad);
        }
    }

    /** Step: one canonical document per business record, each valid against the canonical schema. */
    public void toCanonical(Exchange exchange) throws RejectedMessageException {
        Inbound in = Inbound.of(exchange);
        Map<String, Object> params = new HashMap<>();
        params.put("partner", in.partner.id());
        params.put("channel", in.channel);
        params.put("received-at", OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MILLIS));
        try {
            in.documents = new ArrayList<>(translator.toCanonical(in.format, in.document, params));
        } catch (TranslationException e) {
            throw new RejectedMessageException(new Rejection(in.partnerName(), Optional.of(in.format), Optional.of(in.document),
                    e.errors(), 0, e.document()));
        }
        for (CanonicalDocument d : in.documents) {
            if (route(in, d).isEmpty()) {
                throw refuse(in, new XmlError(FORMAT_NOT_ACCEPTED, 0, 0, "/", "canonical " + d.kind()
                        + " documents have no route (mappings/routing.yaml): not accepted"));
            }
        }
    }

    /** Step: a declaration leaves only screened and with the adapter's tax estimate, whoever made it. */
    public void declarations(Exchange exchange) throws RejectedMessageException {
        Inbound in = Inbound.of(exchange);
        List<XmlError> refused = new ArrayList<>();
        for (int i = 0; i < in.documents.size(); i++) {
            if (!"Declaration".equals(in.documents.get(i).kind())) {
                continue;
            }
            Declarations.Received d;
            try {
                d = declarations.received(in.documents.get(i));
            } catch (TranslationException e) {
                throw new IllegalStateException("the estimate of " + in.documents.get(i).recordId() + " cannot be written: "
                        + e.getMessage(), e);
            }
            String at = i < in.records.size() ? in.records.get(i).path() : "/";
            d.violations().forEach(v -> refused.add(new XmlError(v.code(), 0, 0, at, v.message() + " (" + String.join(", ", v.paths()) + ")")));
            in.documents.set(i, d.document());
            in.declarations.add(d);
        }
        if (!refused.isEmpty()) {
            throw refuse(in, refused);
        }
    }

    /**
     * Step: one database transaction for the whole message: its records claimed (a record received
     * before, on any channel, in any envelope, is a duplicate), who sent the new ones, the audit events,
     * what its declarations add to their buyers' annual totals, and what its return requests take back
     * and its tallies close ({@link InventoryRequests}).
     */
    public void claim(Exchange exchange) {
        Inbound in = Inbound.of(exchange);
        List<String> digests = in.format.recordDigests(in.document);
        List<ReceivedRecords.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < in.documents.size(); i++) {
            String recordId = in.documents.get(i).recordId();
            candidates.add(new ReceivedRecords.Candidate(recordKey(recordId, i < digests.size() ? Optional.of(digests.get(i))
                    : Optional.empty()), recordId));
        }
        int year = LocalDate.now(zone).getYear();
        ledger.inTransaction(tx -> {
            in.claims = tx.claim(in.partner.id(), candidates, in.delivery);
            List<RecordSenders.Registration> registrations = new ArrayList<>();
            for (int i = 0; i < in.documents.size(); i++) {
                if (!in.duplicate(i) && i < in.records.size()) {
                    // so that customs' answers to this record can be relayed to its sender
                    registrations.add(new RecordSenders.Registration(new RecordSenders.Sender(in.format.id(),
                            in.documents.get(i).recordId(), in.partner.id(), in.channel), in.records.get(i).references()));
                }
            }
            tx.register(registrations);
            tx.audit(in.acceptedEvents());
            for (Declarations.Received d : in.declarations) {
                int i = in.documents.indexOf(d.document());
                if (i >= 0 && !in.duplicate(i) && d.buyerKey() != null) {
                    tx.addToBuyer(d.buyerKey(), year, d.dutiable());
                }
                if (i >= 0 && !in.duplicate(i)) {
                    // kept for the return requests and cancellations that will name it
                    DeclarationType kept = (DeclarationType) Canonical.read(d.document().xml());
                    Optional<Declarations.Declared> declared = Declarations.declared(kept);
                    if (declared.isPresent()) {
                        Declarations.Declared x = declared.get();
                        tx.declaredInventory(x.declarant(), x.localReference(), x.direction(), x.orderNumber(), x.quantities());
                    }
                    Optional<GoodsMovements.Parcel> parcel = GoodsMovements.parcel(kept);
                    if (parcel.isPresent()) {
                        GoodsMovements.Parcel p = parcel.get();
                        tx.exportParcel(p.declarant(), p.localReference(), p.carrier(), p.waybill(), p.seller(), p.declaration());
                    }
                }
            }
            // the export parcels its new arrival and departure reports mark (a duplicate marks nothing again)
            for (GoodsMovements.Moved m : in.movements) {
                if (!in.duplicate(m.document())) {
                    tx.parcelMoved(m.declarant(), m.localReference(), m.departure(), m.at());
                }
            }
            // what its new return requests take back of their inventories, what its tallies close (a duplicate changes nothing)
            for (InventoryRequests.Effect effect : in.inventoryEffects) {
                if (!in.duplicate(effect.document())) {
                    effect.apply(tx);
                }
            }
            return null;
        });
    }

    /**
     * Step: the new records, one canonical batch per kind, for a split that publishes each on its kind's
     * address (egress and the cross-check read it from their queues there). Empty when every record was a duplicate.
     */
    public List<CanonicalBatch> batches(Exchange exchange) {
        Inbound in = Inbound.of(exchange);
        Map<Routing.Route, List<CanonicalDocument>> byRoute = new LinkedHashMap<>();
        for (int i = 0; i < in.documents.size(); i++) {
            if (!in.duplicate(i)) {
                byRoute.computeIfAbsent(route(in, in.documents.get(i)).orElseThrow(), k -> new ArrayList<>()).add(in.documents.get(i));
            }
        }
        List<CanonicalBatch> batches = new ArrayList<>();
        for (Map.Entry<Routing.Route, List<CanonicalDocument>> e : byRoute.entrySet()) {
            batches.add(CanonicalBatch.of(e.getKey(), e.getValue(), in.partner.id(), in.channel, in.delivery,
                    in.format.id(), in.at));
        }
        return batches;
    }

    /**
     * Where a document goes: the route of its format's kind when routing.yaml gives that kind one (an
     * export order travels as export-order, not as the Order it also is), else its canonical element's.
     */
    private Optional<Routing.Route> route(Inbound in, CanonicalDocument d) {
        return routing.of(in.format.definition().kind()).or(() -> routing.of(d.kind()));
    }

    /** Step: the body becomes the accepted message's result, for its receipt. */
    public IngressResult result(Exchange exchange) {
        Inbound in = Inbound.of(exchange);
        List<Boolean> duplicate = new ArrayList<>();
        for (int i = 0; i < in.documents.size(); i++) {
            duplicate.add(in.duplicate(i));
        }
        Message m = exchange.getMessage();
        m.setHeader(Headers.PARTNER, in.partner.id());
        m.setHeader(Headers.FORMAT, in.format.id());
        m.setHeader(Headers.RECORDS, in.documents.size());
        int duplicates = (int) duplicate.stream().filter(d -> d).count();
        metrics.accepted(in.partner.id(), in.channel, in.format.id(), duplicate.size() - duplicates, duplicates);
        return new IngressResult(in.partner.id(), in.channel, in.format, Optional.ofNullable(in.messageId), in.records,
                in.documents, duplicate);
    }

    /** Route configuration step, on a refused message: its audit events (one transaction). */
    public void rejected(Exchange exchange) {
        Inbound in = exchange.getProperty(Inbound.PROPERTY, Inbound.class);
        RejectedMessageException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RejectedMessageException.class);
        if (in != null && e != null) {
            List<AuditTrail.Event> events = in.rejectedEvents(e.rejection());
            ledger.inTransaction(tx -> {
                tx.audit(events);
                return null;
            });
            Rejection r = e.rejection();
            metrics.rejected(in.partner == null ? "unknown" : in.partner.id(), in.channel,
                    r.format().map(Format::id).orElse("unknown"), r.errors().isEmpty() ? "REJECTED" : r.errors().get(0).code(),
                    (int) events.stream().filter(ev -> ev.recordId() != null).count());
        }
    }

    /** An overseas customs administration on the SOAP channel: authenticated by WS-Security (adapter.soap.partner.*). */
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

    private RejectedMessageException tooLarge(Inbound in) {
        return reject(in.partnerName(), new XmlError(XmlError.TOO_LARGE, 0, 0, "/",
                "the message is larger than the limit of " + maxBytes + " bytes"));
    }

    private static RejectedMessageException refuse(Inbound in, XmlError error) {
        return refuse(in, List.of(error));
    }

    private static RejectedMessageException refuse(Inbound in, List<XmlError> errors) {
        return new RejectedMessageException(new Rejection(in.partnerName(), Optional.of(in.format), Optional.ofNullable(in.document),
                errors, 0, in.format.id()));
    }

    private static RejectedMessageException reject(Optional<String> partner, XmlError error) {
        return new RejectedMessageException(new Rejection(partner, Optional.empty(), Optional.empty(), List.of(error), 0, "message"));
    }
}
