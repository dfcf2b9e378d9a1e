package org.wcoecom.adapter.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.model.RefersToType;
import org.wcoecom.adapter.canonical.model.ReferenceType;
import org.wcoecom.adapter.canonical.model.ResponseType;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.receipt.PendingReceipt;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.store.ExportParcels;
import org.wcoecom.adapter.store.Inventories;
import org.wcoecom.adapter.store.RecordSenders;
import org.wcoecom.adapter.store.Returns;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Receipts from customs (CEB312, 412, 512, 514, 622 on the customs inbound queue; CEB792 summary
 * results go to their enterprise, see {@link SummaryResults}; CEB816 tax bills and CEB818 their
 * statuses to the parties they name, see {@link TaxBills}): each answer is
 * read into a canonical Response, matched to the record it answers by the keys it carries, and
 * written for that record's sender in the sender's own receipt format. An answer that names a message
 * the adapter sent rather than a record's keys (CEB900, the exchange platform's format check) is
 * matched by that message's id, which egress registered. An answer to an inventory
 * also tells the inventories store customs' number for it and whether it was released.
 */
public final class CustomsReceiptSteps {

    private static final Logger LOG = LoggerFactory.getLogger(CustomsReceiptSteps.class);

    /** RELAYED, or UNMATCHED when some answer has no known record (the message is then kept aside). */
    public static final String OUTCOME = "AdapterRelayOutcome";
    /** The formats of the inventories the adapter declares, and customs' statuses that release one. */
    private static final Set<String> INVENTORY_FORMATS = Set.of("ceb621", "ceb603");
    private static final Set<String> RELEASED = Set.of("800", "899");
    /** The guid of the message a format-check receipt returns, read from its start tag (it may not be well-formed). */
    private static final Pattern RETURNED_GUID = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?CEB\\d{3}Message\\b[^>]{0,2000}?\\sguid\\s*=\\s*[\"']([^\"'<>]{1,64})[\"']");
    /** The formats of the return requests the adapter forwards (import, export). */
    private static final Set<String> RETURN_FORMATS = Set.of("ceb625", "ceb213");

    private final MessageReader reader;
    private final Translator translator;
    private final RecordSenders senders;
    private final ReceiptService receipts;
    private final Inventories inventories;
    private final ExportParcels exportParcels;
    private final SummaryResults summaryResults;
    private final TaxBills taxBills;
    private final Returns returns;

    public CustomsReceiptSteps(MessageReader reader, Translator translator, RecordSenders senders, ReceiptService receipts,
                               Inventories inventories, ExportParcels exportParcels, SummaryResults summaryResults,
                               TaxBills taxBills, Returns returns) {
        this.returns = returns;
        this.reader = reader;
        this.translator = translator;
        this.senders = senders;
        this.receipts = receipts;
        this.inventories = inventories;
        this.exportParcels = exportParcels;
        this.summaryResults = summaryResults;
        this.taxBills = taxBills;
    }

    /** Body: the customs message. Returns the receipts to relay; unknown answers mark the exchange UNMATCHED. */
    public List<PendingReceipt> relay(Exchange exchange) throws TranslationException {
        byte[] message = exchange.getMessage().getBody(byte[].class);
        ReadResult read = reader.read(message);
        if (read.valid() && SummaryResults.KIND.equals(read.format().map(f -> f.definition().kind()).orElse(""))) {
            // a summary result (CEB792) answers no record a partner sent: it goes to the enterprise it is for
            SummaryResults.Relay relay = summaryResults.relay(read.format().get(), read.document().orElseThrow(), message);
            exchange.getMessage().setHeader(OUTCOME, relay.unmatched().isEmpty() ? "RELAYED" : "UNMATCHED");
            if (!relay.unmatched().isEmpty()) {
                LOG.warn("customs summary result for enterprises that are no partner: {}", relay.unmatched());
            }
            return relay.relayed();
        }
        if (read.valid() && TaxBills.KINDS.contains(read.format().map(f -> f.definition().kind()).orElse(""))) {
            // a tax bill answers no record either: it goes to the parties it names
            TaxBills.Relay relay = taxBills.relay(read.format().get(), read.document().orElseThrow(), message);
            exchange.getMessage().setHeader(OUTCOME, relay.unmatched().isEmpty() ? "RELAYED" : "UNMATCHED");
            if (!relay.unmatched().isEmpty()) {
                LOG.warn("customs tax bills for no known partner: {}", relay.unmatched());
            }
            return relay.relayed();
        }
        if (!read.valid() || !"receipt".equals(read.format().map(f -> f.definition().kind()).orElse(""))) {
            throw new IllegalArgumentException("not a valid receipt from customs: " + (read.valid()
                    ? "format " + read.format().map(Format::id).orElse("?") + " is not a receipt"
                    : read.allErrors().stream().map(XmlError::describe).toList().toString()));
        }
        List<CanonicalDocument> responses = translator.toCanonical(read.format().get(), read.document().orElseThrow(),
                Map.of("partner", "customs", "channel", "jms"));
        List<PendingReceipt> relayed = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (CanonicalDocument doc : responses) {
            ResponseType response = (ResponseType) Canonical.read(doc.xml());
            String answered = response.getRefersTo().getFormat();
            Map<String, String> refs = new LinkedHashMap<>();
            for (ReferenceType r : response.getRefersTo().getReference()) {
                refs.putIfAbsent(r.getType(), r.getValue());
            }
            Optional<RecordSenders.Sender> sender = answered == null ? Optional.empty() : senders.find(answered, refs);
            if (sender.isEmpty()) {
                Optional<PendingReceipt> byMessage = answeringMessage(response);
                if (byMessage.isPresent()) {
                    relayed.add(byMessage.get());
                } else {
                    unmatched.add(answered + " " + refs + messageId(response.getRefersTo()));
                }
                continue;
            }
            inventoryAnswered(answered, refs, response);
            returnAnswered(answered, refs, response, sender.get());
            response.getRefersTo().setRecordId(sender.get().recordId());
            response.getRefersTo().setPartner(sender.get().partner());
            relayed.add(new PendingReceipt(sender.get().partner(), sender.get().channel(), sender.get().recordId(),
                    receipts.relayed(response, answered, sender.get().partner())));
        }
        exchange.getMessage().setHeader(OUTCOME, unmatched.isEmpty() ? "RELAYED" : "UNMATCHED");
        if (!unmatched.isEmpty()) {
            LOG.warn("customs receipt {} answers records the adapter does not know: {}", read.format().get().messageId(
                    read.document().orElseThrow()).orElse("?"), unmatched);
        }
        return relayed;
    }

    /**
     * An answer that names the message the adapter sent (CEB900: its id, and the message returned) goes
     * to the sender of the record that message carried, in that sender's receipt format, with the keys
     * of the record as registered: the message returned is left out (a declaration the adapter
     * assembled holds other parties' data).
     */
    private Optional<PendingReceipt> answeringMessage(ResponseType response) throws TranslationException {
        List<String> ids = new ArrayList<>();
        Optional.ofNullable(response.getRefersTo().getMessageId()).filter(id -> !id.isBlank()).ifPresent(ids::add);
        returnedGuid(response.getOriginalMessage()).filter(id -> !ids.contains(id)).ifPresent(ids::add);
        for (String id : ids) {
            Optional<RecordSenders.Registered> record = senders.byMessageId(id);
            if (record.isEmpty()) {
                continue;
            }
            RecordSenders.Sender sender = record.get().sender();
            RefersToType to = response.getRefersTo();
            to.setFormat(sender.format());
            to.setRecordId(sender.recordId());
            to.setPartner(sender.partner());
            to.setMessageId(id);
            to.getReference().clear();
            record.get().references().forEach((type, value) -> {
                ReferenceType ref = new ReferenceType();
                ref.setType(type);
                ref.setValue(value);
                to.getReference().add(ref);
            });
            response.setOriginalMessage(null);
            return Optional.of(new PendingReceipt(sender.partner(), sender.channel(), sender.recordId(),
                    receipts.relayed(response, sender.format(), sender.partner())));
        }
        return Optional.empty();
    }

    static Optional<String> returnedGuid(String returned) {
        if (returned == null || returned.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = RETURNED_GUID.matcher(returned.length() > 4000 ? returned.substring(0, 4000) : returned);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String messageId(RefersToType to) {
        return to.getMessageId() == null ? "" : " message " + to.getMessageId();
    }

    /**
     * An answer to a return request (CEB626, CEB214): a refused request takes nothing back from its
     * inventory any more; a concluded import request is closed (see {@link Returns#answered}).
     */
    private void returnAnswered(String answered, Map<String, String> refs, ResponseType response, RecordSenders.Sender sender) {
        String number = refs.get("LOCAL_REFERENCE");
        if (!RETURN_FORMATS.contains(answered) || number == null || number.isBlank() || response.getStatusCode() == null) {
            return;
        }
        returns.answered(sender.partner(), sender.recordId(), number, response.getStatusCode().getValue());
    }

    /**
     * An answer to an inventory (CEB622, CEB604) tells the number customs gave it and whether customs
     * released it (800 released, 899 cleared): return requests and cancellations are matched by them.
     */
    private void inventoryAnswered(String answered, Map<String, String> refs, ResponseType response) {
        if (!INVENTORY_FORMATS.contains(answered) || refs.get("DECLARANT_CODE") == null || refs.get("LOCAL_REFERENCE") == null) {
            return;
        }
        String status = response.getStatusCode() == null ? "" : response.getStatusCode().getValue();
        Optional<String> number = Optional.ofNullable(refs.get("INVENTORY_NUMBER")).filter(n -> !n.isBlank());
        inventories.answered(refs.get("DECLARANT_CODE"), refs.get("LOCAL_REFERENCE"), number, RELEASED.contains(status));
        if (RELEASED.contains(status)) {
            // the monthly summary takes the export inventories released in its period
            exportParcels.released(refs.get("DECLARANT_CODE"), refs.get("LOCAL_REFERENCE"), java.time.Instant.now());
        }
    }
}
