package org.wcoecom.adapter.soap;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.ResponseType;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.receipt.PendingReceipt;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Declarations to overseas customs: which partner a canonical Declaration goes to (by destination
 * country), the wco-dm-dec request, and the partner's WCO DM response read back into a canonical
 * Response for the record's original sender, in that sender's receipt format.
 */
public final class SoapEgress {

    private static final Logger LOG = LoggerFactory.getLogger(SoapEgress.class);

    /** the exchange partner the declaration in the body goes to; empty when none */
    public static final String DESTINATION = "AdapterSoapDestination";
    /** exchange property: the canonical declaration, for the dead letter queue */
    public static final String CANONICAL = "AdapterCanonical";

    static final String DEC = "wco-dm-dec";
    static final String RES = "wco-dm-res";

    private final ExchangePartners partners;
    private final FormatRegistry formats;
    private final MessageReader reader;
    private final Translator translator;
    private final ReceiptService receipts;
    private final ExchangeLog log;
    private final String defaultCountry;

    SoapEgress(ExchangePartners partners, FormatRegistry formats, MessageReader reader, Translator translator,
               ReceiptService receipts, ExchangeLog log, String defaultCountry) {
        this.partners = partners;
        this.formats = formats;
        this.reader = reader;
        this.translator = translator;
        this.receipts = receipts;
        this.log = log;
        this.defaultCountry = defaultCountry;
    }

    /** Camel step: the declarations of a canonical batch (or the one declaration), each to be offered on its own. */
    public List<byte[]> declarations(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        Object doc = Canonical.read(body);
        if (doc instanceof org.wcoecom.adapter.canonical.model.BatchType batch) {
            return batch.getOrderOrPaymentOrShipment().stream().map(d -> Canonical.write(Canonical.element(d))).toList();
        }
        return List.of(body);
    }

    /**
     * Camel step: the canonical declaration in the body becomes the wco-dm-dec request for the
     * partner that receives its destination country, or the DESTINATION header is left empty.
     */
    public void request(Exchange exchange) throws TranslationException {
        Message m = exchange.getMessage();
        byte[] canonical = m.getBody(byte[].class);
        exchange.setProperty(CANONICAL, canonical);
        m.setHeader(DESTINATION, "");
        if (!(Canonical.read(canonical) instanceof DeclarationType d)) {
            throw new IllegalArgumentException("not a canonical Declaration");
        }
        String country = DestinationCountry.of(d, defaultCountry);
        String source = d.getHeader().getSource().getPartner();
        // never send a declaration back to the customs it came from
        List<ExchangePartner> to = partners.receiving(country).stream().filter(p -> !p.id().equals(source)).toList();
        if (to.isEmpty()) {
            LOG.debug("declaration {} (destination {}): no exchange partner receives it", d.getHeader().getRecordId(), country);
            return;
        }
        if (to.size() > 1) {
            LOG.warn("declaration {}: partners {} all receive destination {}; sending to {}", d.getHeader().getRecordId(),
                    to.stream().map(ExchangePartner::id).toList(), country, to.get(0).id());
        }
        ExchangePartner partner = to.get(0);
        String lrn = Optional.ofNullable(d.getLocalReference()).filter(s -> !s.isBlank())
                .orElse(UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        ReadResult read = reader.read(canonical);
        Map<String, Object> params = new HashMap<>();
        params.put("destination-country", country);
        params.put("functional-reference", lrn);
        byte[] request = translator.fromCanonical(formats.byId(DEC).orElseThrow(), read.document().orElseThrow(), params);

        String recordId = d.getHeader().getRecordId();
        String[] origin = log.origin(recordId).orElse(new String[] {d.getHeader().getSource().getFormat(), source,
                d.getHeader().getSource().getChannel()});
        log.sent(new ExchangeLog.Sent(partner.id(), lrn, recordId, origin[1], origin[2], origin[0]));

        m.setHeader(DESTINATION, partner.id());
        m.setHeader(Headers.RECORD_ID, recordId);
        m.setHeader(Headers.FORMAT, DEC);
        m.setHeader(Headers.MESSAGE_GUID, lrn);
        m.setHeader(CxfConstants.OPERATION_NAME, "submitDeclaration");
        m.setHeader(CxfConstants.OPERATION_NAMESPACE, SoapExchange.NAMESPACE);
        m.setBody(Payloads.payload(request));
    }

    /**
     * Camel step: the partner's answer (a WCO DM response) becomes the receipt for the record's
     * original sender. An answer that is not a valid response is the partner's error: it fails the
     * exchange for the dead letter queue, it would not get better by sending again.
     */
    public PendingReceipt answer(Exchange exchange) throws TranslationException {
        Message m = exchange.getMessage();
        String destination = m.getHeader(DESTINATION, String.class);
        String lrn = m.getHeader(Headers.MESSAGE_GUID, String.class);
        byte[] xml = Payloads.bytes(m.getBody(CxfPayload.class));
        ReadResult read = reader.read(xml);
        if (!read.valid() || !RES.equals(read.format().map(Format::id).orElse(""))) {
            throw new IllegalArgumentException("partner " + destination + " answered with no valid WCO DM response: "
                    + read.allErrors().stream().map(XmlError::describe).collect(Collectors.joining("; ")));
        }
        ExchangeLog.Sent sent = log.find(destination, lrn).orElseThrow(() -> new IllegalStateException(
                "declaration " + lrn + " to " + destination + " is not in the exchange log"));
        List<CanonicalDocument> docs = translator.toCanonical(read.format().get(), read.document().get(),
                Map.of("partner", destination, "channel", SoapIngress.CHANNEL));
        ResponseType response = (ResponseType) Canonical.read(docs.get(0).xml());
        LOG.info("{} answered declaration {} (record {}): {}", destination, lrn, sent.recordId(), response.getOutcome().value());
        return relay(response, sent, receipts);
    }

    /** A response from an exchange partner, addressed to the original sender of the record it answers. */
    static PendingReceipt relay(ResponseType response, ExchangeLog.Sent sent, ReceiptService receipts) throws TranslationException {
        // receipt formats may need an id of their own form (CEB: a 36-character guid): the
        // partner's response id is the partner's, the relayed receipt gets a new one when it does not fit
        if (response.getResponseId().length() != 36) {
            response.setResponseId(UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        }
        response.getRefersTo().setRecordId(sent.recordId());
        response.getRefersTo().setPartner(sent.originPartner());
        return new PendingReceipt(sent.originPartner(), sent.originChannel(), sent.recordId(),
                receipts.relayed(response, sent.originFormat(), sent.originPartner()));
    }
}
