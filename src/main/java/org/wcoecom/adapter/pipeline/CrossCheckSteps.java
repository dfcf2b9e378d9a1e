package org.wcoecom.adapter.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.References;
import org.wcoecom.adapter.canonical.model.HeaderType;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PaymentType;
import org.wcoecom.adapter.canonical.model.ShipmentType;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.receipt.PendingReceipt;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.rules.CrossCheckDocument;
import org.wcoecom.adapter.rules.CrossCheckGroup;
import org.wcoecom.adapter.rules.CrossCheckRules;
import org.wcoecom.adapter.rules.CrossCheckStrategy;
import org.wcoecom.adapter.rules.RuleViolation;

/**
 * The Camel steps of the three-document check: preparing a canonical document for the aggregator,
 * judging a group, and answering its senders when the documents disagree or do not all come.
 */
public final class CrossCheckSteps {

    /** MATCH, MISMATCH, TIMEOUT (documents missing) or EXPIRED (a known mismatch nobody corrected). */
    public static final String OUTCOME = "AdapterCrossCheckOutcome";
    /** Set on documents sent back to the aggregator after a mismatch: judged already, waiting for a correction. */
    public static final String HELD = "AdapterCrossCheckHeld";
    private static final String VIOLATIONS = "AdapterCrossCheckViolations";

    private final CrossCheckRules rules;
    private final ReceiptService receipts;

    public CrossCheckSteps(CrossCheckRules rules, ReceiptService receipts) {
        this.rules = rules;
        this.receipts = receipts;
    }

    /** A canonical order, payment or waybill from the queue, as an entry for its order's group. */
    public void prepare(Exchange exchange) {
        Message m = exchange.getMessage();
        byte[] body = m.getBody(byte[].class);
        Object doc = Canonical.read(body);
        String xml = new String(body, StandardCharsets.UTF_8);
        HeaderType header;
        String kind;
        String orderNumber;
        if (doc instanceof OrderType o) {
            header = o.getHeader();
            kind = "Order";
            orderNumber = o.getOrderNumber();
        } else if (doc instanceof PaymentType p) {
            header = p.getHeader();
            kind = "Payment";
            orderNumber = p.getOrderNumber();
        } else if (doc instanceof ShipmentType s) {
            header = s.getHeader();
            kind = "Shipment";
            orderNumber = s.getOrderNumber();
        } else {
            throw new IllegalArgumentException("the cross-check takes orders, payments and waybills, not " + doc.getClass().getSimpleName());
        }
        if (orderNumber == null || orderNumber.isBlank()) {
            throw new IllegalArgumentException(kind + " " + header.getRecordId() + " names no order: it cannot be cross-checked");
        }
        boolean held = Boolean.TRUE.equals(m.getHeader(HELD, Boolean.class));
        var source = header.getSource();
        m.setHeader(CrossCheckStrategy.KEY, orderNumber.trim());
        m.setBody(new CrossCheckDocument(kind, xml, header.getRecordId(), source.getPartner(),
                source.getChannel() == null ? "jms" : source.getChannel(), source.getFormat(),
                header.getFunction().getValue().value(), References.of(doc), held));
    }

    /** Judges a completed group; the outcome goes in a header. */
    public void evaluate(Exchange exchange) {
        CrossCheckGroup group = exchange.getMessage().getBody(CrossCheckGroup.class);
        boolean timedOut = "timeout".equals(exchange.getProperty(Exchange.AGGREGATED_COMPLETED_BY, String.class));
        List<RuleViolation> violations;
        String outcome;
        if (timedOut) {
            if (group.complete()) {
                outcome = "EXPIRED";
                violations = List.of();
            } else {
                outcome = "TIMEOUT";
                violations = List.of(new RuleViolation("CC-TIMEOUT", "no " + String.join(" and no ", group.missing().stream()
                        .map(CrossCheckSteps::describe).toList()) + " arrived for order " + group.key() + " in time",
                        group.missing().stream().map(k -> "/" + k).toList()));
            }
        } else {
            violations = rules.check((OrderType) group.canonical("Order"), (PaymentType) group.canonical("Payment"),
                    (ShipmentType) group.canonical("Shipment"));
            outcome = violations.isEmpty() ? "MATCH" : "MISMATCH";
        }
        exchange.getMessage().setHeader(OUTCOME, outcome);
        exchange.setProperty(VIOLATIONS, violations);
    }

    /** One rejection receipt per document of the group, each in its sender's receipt format. */
    public List<PendingReceipt> rejections(Exchange exchange) throws TranslationException {
        CrossCheckGroup group = exchange.getMessage().getBody(CrossCheckGroup.class);
        @SuppressWarnings("unchecked")
        List<RuleViolation> violations = exchange.getProperty(VIOLATIONS, List.class);
        return answer(group, violations, summary(exchange.getMessage().getHeader(OUTCOME, String.class), group));
    }

    /** Rejection receipts for every document of a group, with the given summary. */
    public List<PendingReceipt> answer(CrossCheckGroup group, List<RuleViolation> violations, String summary) throws TranslationException {
        List<PendingReceipt> answers = new ArrayList<>();
        for (CrossCheckDocument d : group.documents()) {
            answers.add(new PendingReceipt(d.partner(), d.channel(), d.recordId(), receipts.rejectedByRules(d.partner(), d.format(),
                    d.recordId(), d.references(), summary, violations)));
        }
        return answers;
    }

    /** After a mismatch: the documents, marked as judged, to wait in the aggregator for a correction. */
    public List<CrossCheckDocument> held(Exchange exchange) {
        return exchange.getMessage().getBody(CrossCheckGroup.class).documents().stream().map(CrossCheckDocument::evaluatedCopy).toList();
    }

    /** A held document back into its canonical form for the cross-check queue. */
    public void toQueueMessage(Exchange exchange) {
        CrossCheckDocument d = exchange.getMessage().getBody(CrossCheckDocument.class);
        exchange.getMessage().setHeader(HELD, true);
        exchange.getMessage().setHeader(Headers.RECORD_ID, d.recordId());
        exchange.getMessage().setBody(d.xml().getBytes(StandardCharsets.UTF_8));
    }

    private static String summary(String outcome, CrossCheckGroup group) {
        return switch (outcome) {
            case "TIMEOUT" -> "order " + group.key() + ": the documents to cross-check did not all arrive";
            case "MISMATCH" -> "order " + group.key() + ": its order, payment and waybill disagree; send a correction (appType 2) of the wrong one";
            default -> "order " + group.key() + ": rejected";
        };
    }

    private static String describe(String kind) {
        return switch (kind) {
            case "Order" -> "order (CEB311)";
            case "Payment" -> "payment (CEB411)";
            default -> "waybill (CEB511)";
        };
    }
}
