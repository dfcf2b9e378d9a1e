package org.wcoecom.adapter.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
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
import org.wcoecom.adapter.receipt.PendingReceipt;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.store.ExportParcels;
import org.wcoecom.adapter.store.Inventories;
import org.wcoecom.adapter.store.RecordSenders;
import org.wcoecom.adapter.store.Returns;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Receipts from customs (CEB312, 412, 512, 514, 622 on the customs inbound queue; CEB792 summary
 * results go to their enterprise, see {@link SummaryResults}): each answer is
 * read into a canonical Response, matched to the record it answers by the keys it carries, and
 * written for that record's sender in the sender's own receipt format. An answer to an inventory
 * also tells the inventories store customs' number for it and whether it was released.
 */
public final class CustomsReceiptSteps {

    private static final Logger LOG = LoggerFactory.getLogger(CustomsReceiptSteps.class);

    /** RELAYED, or UNMATCHED when some answer has no known record (the message is then kept aside). */
    public static final String OUTCOME = "AdapterRelayOutcome";
    /** The formats of the inventories the adapter declares, and customs' statuses that release one. */
    private static final Set<String> INVENTORY_FORMATS = Set.of("ceb621", "ceb603");
    private static final Set<String> RELEASED = Set.of("800", "899");
    /** The formats of the return requests the adapter forwards (import, export). */
    private static final Set<String> RETURN_FORMATS = Set.of("ceb625", "ceb213");

    private final MessageReader reader;
    private final Translator translator;
    private final RecordSenders senders;
    private final ReceiptService receipts;
    private final Inventories inventories;
    private final ExportParcels exportParcels;
    private final SummaryResults summaryResults;
    private final Returns returns;

    public CustomsReceiptSteps(MessageReader reader, Translator translator, RecordSenders senders, ReceiptService receipts,
                               Inventories inventories, ExportParcels exportParcels, SummaryResults summaryResults, Returns returns) {
        this.returns = returns;
        this.reader = reader;
        this.translator = translator;
        this.senders = senders;
        this.receipts = receipts;
        this.inventories = inventories;
        this.exportParcels = exportParcels;
        this.summaryResults = summaryResults;
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
            Optional<RecordSenders.Sender> sender = senders.find(answered, refs);
            if (sender.isEmpty()) {
                unmatched.add(answered + " " + refs);
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
