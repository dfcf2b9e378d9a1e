package org.wcoecom.adapter.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.References;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PaymentType;
import org.wcoecom.adapter.canonical.model.ShipmentType;
import org.wcoecom.adapter.declaration.DeclarationAssembler;
import org.wcoecom.adapter.declaration.TaxEstimator;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.receipt.PendingReceipt;
import org.wcoecom.adapter.rules.CrossCheckDocument;
import org.wcoecom.adapter.rules.CrossCheckGroup;
import org.wcoecom.adapter.rules.RuleViolation;
import org.wcoecom.adapter.rules.Screening;
import org.wcoecom.adapter.store.BuyerTotals;
import org.wcoecom.adapter.store.HeldDeclarations;
import org.wcoecom.adapter.store.RecordSenders;

/**
 * The Camel steps after a match: assemble the declaration (held while the catalogue lacks an item),
 * screen it, estimate its taxes, and hand it to the declaration queue; or answer the senders why not.
 */
public final class DeclarationSteps {

    private static final Logger LOG = LoggerFactory.getLogger(DeclarationSteps.class);

    /** FORWARD, HOLD or REJECT. */
    public static final String OUTCOME = "AdapterDeclarationOutcome";
    private static final String GROUP = "AdapterCrossCheckGroup";
    private static final String VIOLATIONS = "AdapterDeclarationViolations";
    private static final String BUYER = "AdapterBuyerKey";
    private static final String DUTIABLE = "AdapterDutiableValue";

    private final DeclarationAssembler assembler;
    private final Screening screening;
    private final TaxEstimator tax;
    private final BuyerTotals totals;
    private final HeldDeclarations held;
    private final RecordSenders senders;
    private final Translator translator;
    private final FormatRegistry formats;
    private final CrossCheckSteps crossCheck;
    private final ZoneId zone;

    public DeclarationSteps(DeclarationAssembler assembler, Screening screening, TaxEstimator tax, BuyerTotals totals,
                            HeldDeclarations held, RecordSenders senders, Translator translator, FormatRegistry formats,
                            CrossCheckSteps crossCheck, ZoneId zone) {
        this.assembler = assembler;
        this.screening = screening;
        this.tax = tax;
        this.totals = totals;
        this.held = held;
        this.senders = senders;
        this.translator = translator;
        this.formats = formats;
        this.crossCheck = crossCheck;
        this.zone = zone;
    }

    /** Body: the matched group. Afterwards: the canonical Declaration (FORWARD), or nothing to send. */
    public void assemble(Exchange exchange) throws TranslationException {
        Message m = exchange.getMessage();
        CrossCheckGroup group = m.getBody(CrossCheckGroup.class);
        exchange.setProperty(GROUP, group);
        DeclarationAssembler.Result result = assembler.assemble((OrderType) group.canonical("Order"),
                (PaymentType) group.canonical("Payment"), (ShipmentType) group.canonical("Shipment"));
        if (result instanceof DeclarationAssembler.Held h) {
            held.hold(group, h.reason());
            LOG.warn("declaration of order {} held: {}", group.key(), h.reason());
            m.setHeader(OUTCOME, "HOLD");
            return;
        }
        if (result instanceof DeclarationAssembler.Rejected r) {
            reject(exchange, r.violations());
            return;
        }
        DeclarationAssembler.Assembled a = (DeclarationAssembler.Assembled) result;
        DeclarationType d = a.declaration();
        List<RuleViolation> screened = screening.check(d);
        if (!screened.isEmpty()) {
            reject(exchange, screened);
            return;
        }
        int year = LocalDate.now(zone).getYear();
        BigDecimal dutiable = tax.estimate(d, totals.total(a.buyerKey(), year));
        byte[] xml = translator.writeValidated(Canonical.toTree(Canonical.FACTORY.createDeclaration(d)),
                formats.canonical().schema(), Translator.CANONICAL_INVALID, "canonical");
        m.setBody(xml);
        m.setHeader(OUTCOME, "FORWARD");
        m.setHeader(Headers.RECORD_ID, d.getHeader().getRecordId());
        m.setHeader(Headers.KIND, "Declaration");
        m.setHeader(Headers.FORMAT, "canonical");
        m.setHeader(BUYER, a.buyerKey());
        m.setHeader(DUTIABLE, dutiable.toPlainString());
        CrossCheckDocument orderDoc = group.get("Order").orElseThrow();
        senders.register(new RecordSenders.Sender("ceb621", d.getHeader().getRecordId(), orderDoc.partner(), orderDoc.channel()),
                References.of(d));
    }

    /** After the declaration is on its queue: it counts towards the buyer's annual total. */
    public void forwarded(Exchange exchange) {
        Message m = exchange.getMessage();
        totals.add(m.getHeader(BUYER, String.class), LocalDate.now(zone).getYear(), new BigDecimal(m.getHeader(DUTIABLE, String.class)));
        LOG.info("declaration {} queued for customs", m.getHeader(Headers.RECORD_ID));
    }

    /** The rejection receipts of a declaration that may not be filed. */
    public List<PendingReceipt> rejections(Exchange exchange) throws TranslationException {
        CrossCheckGroup group = exchange.getProperty(GROUP, CrossCheckGroup.class);
        @SuppressWarnings("unchecked")
        List<RuleViolation> violations = exchange.getProperty(VIOLATIONS, List.class);
        return crossCheck.answer(group, violations, "order " + group.key() + ": its documents agree, but it cannot be declared");
    }

    /** Tries every held declaration again (the catalogue may have the items now). */
    public void retryHeld(Exchange exchange) {
        ProducerTemplate producer = exchange.getContext().createProducerTemplate();
        try {
            for (HeldDeclarations.Held h : held.all()) {
                if (held.release(h.key())) {
                    LOG.info("retrying the held declaration of order {} ({})", h.key(), h.reason());
                    producer.sendBody("direct:declaration", h.group());
                }
            }
        } finally {
            try {
                producer.stop();
            } catch (Exception ignored) {
                // nothing to release beyond the template itself
            }
        }
    }

    private void reject(Exchange exchange, List<RuleViolation> violations) {
        exchange.setProperty(VIOLATIONS, violations);
        exchange.getMessage().setHeader(OUTCOME, "REJECT");
        LOG.info("declaration of order {} refused: {}", exchange.getProperty(GROUP, CrossCheckGroup.class).key(),
                violations.stream().map(RuleViolation::code).toList());
    }
}
