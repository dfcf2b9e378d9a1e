package org.wcoecom.adapter.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.model.ReferenceType;
import org.wcoecom.adapter.canonical.model.ResponseType;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.message.IngressResult;
import org.wcoecom.adapter.message.RejectedMessageException;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.receipt.PendingReceipt;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.xml.XmlError;

/**
 * submitResponse: an overseas customs' answer to a declaration the adapter sent it earlier
 * (acceptance, taxes, release, rejection). Each answer is matched by its LRN to the declaration
 * sent to that partner and relayed to the record's original sender; the partner gets a WCO DM
 * acknowledgement, or a rejection with every error (invalid, or answering nothing we sent it).
 */
public final class ExchangeResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeResponses.class);

    /** exchange property: the receipts to relay (a list of PendingReceipt) */
    public static final String RELAYED = "AdapterRelayed";
    public static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";

    private final MessageReader reader;
    private final Translator translator;
    private final ReceiptService receipts;
    private final ExchangeLog log;

    ExchangeResponses(MessageReader reader, Translator translator, ReceiptService receipts, ExchangeLog log) {
        this.reader = reader;
        this.translator = translator;
        this.receipts = receipts;
        this.log = log;
    }

    /** Camel step: body (bytes) to an IngressResult for the acknowledgement; the relays in RELAYED. */
    public IngressResult receive(Exchange exchange) throws RejectedMessageException {
        Message m = exchange.getMessage();
        String partner = m.getHeader(Headers.PARTNER, String.class);
        ReadResult read = reader.read(m.getBody(byte[].class));
        Optional<String> who = Optional.of(partner);
        if (!read.valid()) {
            throw new RejectedMessageException(new Rejection(who, read.format(), read.document(), read.allErrors(),
                    read.droppedErrors(), read.format().map(Format::id).orElse("message")));
        }
        Format format = read.format().get();
        if (!SoapEgress.RES.equals(format.id())) {
            throw reject(who, read, List.of(new XmlError("FORMAT_NOT_ACCEPTED", 0, 0, "/",
                    "submitResponse takes a WCO DM response, not " + format.id())));
        }
        List<CanonicalDocument> docs;
        try {
            docs = translator.toCanonical(format, read.document().get(), Map.of("partner", partner, "channel", SoapIngress.CHANNEL));
        } catch (TranslationException e) {
            throw new RejectedMessageException(new Rejection(who, read.format(), read.document(), e.errors(), 0, e.document()));
        }
        List<PendingReceipt> relays = new ArrayList<>();
        List<XmlError> unknown = new ArrayList<>();
        List<Format.RecordRef> records = format.records(read.document().get());
        for (int i = 0; i < docs.size(); i++) {
            ResponseType response = (ResponseType) Canonical.read(docs.get(i).xml());
            String lrn = response.getRefersTo().getReference().stream().filter(r -> "LOCAL_REFERENCE".equals(r.getType()))
                    .map(ReferenceType::getValue).findFirst().orElse("");
            Optional<ExchangeLog.Sent> sent = log.find(partner, lrn);
            String path = i < records.size() ? records.get(i).path() : "/";
            if (sent.isEmpty()) {
                unknown.add(new XmlError(UNKNOWN_REFERENCE, 0, 0, path, "no declaration with functional reference '" + lrn
                        + "' was sent to " + partner));
                continue;
            }
            try {
                relays.add(SoapEgress.relay(response, sent.get(), receipts));
            } catch (TranslationException e) {
                throw new IllegalStateException("cannot write the relayed response: " + e.getMessage(), e);
            }
        }
        if (!unknown.isEmpty()) {
            throw reject(who, read, unknown);
        }
        LOG.info("{} answered {} declaration(s) sent earlier", partner, relays.size());
        exchange.setProperty(RELAYED, relays);
        return IngressResult.allNew(partner, SoapIngress.CHANNEL, format, format.messageId(read.document().get()), records, docs);
    }

    private static RejectedMessageException reject(Optional<String> partner, ReadResult read, List<XmlError> errors) {
        return new RejectedMessageException(new Rejection(partner, read.format(), read.document(), errors, 0,
                read.format().map(Format::id).orElse("message")));
    }
}
