package org.wcoecom.adapter.pipeline;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.Parties;
import org.wcoecom.adapter.canonical.References;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.PaymentType;
import org.wcoecom.adapter.canonical.model.ShipmentType;
import org.wcoecom.adapter.canonical.model.TradeDirectionType;
import org.wcoecom.adapter.declaration.DeclarationAssembler;
import org.wcoecom.adapter.declaration.ExportDeclarationAssembler;
import org.wcoecom.adapter.declaration.TaxEstimator;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.rules.RuleViolation;
import org.wcoecom.adapter.rules.Screening;
import org.wcoecom.adapter.store.BuyerTotals;
import org.wcoecom.adapter.store.Inventories;
import org.wcoecom.adapter.store.RecordSenders;

/**
 * After a match: the declaration is assembled (or held while the catalogue lacks an item), screened
 * and its taxes estimated, or the reasons why it may not be filed. Runs inside the cross-check's
 * database transaction, so the buyer's annual total and the declaration's sender count exactly when
 * the decision is committed.
 */
public final class Declarations {

    private static final Logger LOG = LoggerFactory.getLogger(Declarations.class);

    /** What happens to a matched order. */
    public sealed interface Decision permits Forward, Hold, Refuse {
    }

    /** The canonical declaration, to be forwarded. */
    public record Forward(String recordId, byte[] xml) implements Decision {
    }

    /** Held until the catalogue has the items. */
    public record Hold(String reason) implements Decision {
    }

    /** May not be filed. */
    public record Refuse(List<RuleViolation> violations) implements Decision {
    }

    private final DeclarationAssembler assembler;
    private final ExportDeclarationAssembler exportAssembler;
    private final Screening screening;
    private final Screening exportScreening;
    private final TaxEstimator tax;
    private final BuyerTotals totals;
    private final RecordSenders senders;
    private final Translator translator;
    private final FormatRegistry formats;
    private final ZoneId zone;

    public Declarations(DeclarationAssembler assembler, ExportDeclarationAssembler exportAssembler, Screening screening, Screening exportScreening, TaxEstimator tax, BuyerTotals totals,
                        RecordSenders senders, Translator translator, FormatRegistry formats, ZoneId zone) {
        this.assembler = assembler;
        this.exportAssembler = exportAssembler;
        this.screening = screening;
        this.exportScreening = exportScreening;
        this.tax = tax;
        this.totals = totals;
        this.senders = senders;
        this.translator = translator;
        this.formats = formats;
        this.zone = zone;
    }

    /**
     * Decides on the declaration of matched documents, on the caller's connection.
     *
     * @param orderPartner the partner that sent the order: customs' answers to the declaration go to it
     * @param orderChannel the channel it came on
     */
    public Decision decide(Connection c, OrderType order, PaymentType payment, ShipmentType waybill, String orderPartner,
                           String orderChannel) throws SQLException, TranslationException {
        DeclarationAssembler.Result result = assembler.assemble(order, payment, waybill);
        if (result instanceof DeclarationAssembler.Held h) {
            LOG.warn("declaration of order {} held: {}", order.getOrderNumber(), h.reason());
            return new Hold(h.reason());
        }
        if (result instanceof DeclarationAssembler.Rejected r) {
            return refuse(order, r.violations());
        }
        DeclarationAssembler.Assembled a = (DeclarationAssembler.Assembled) result;
        DeclarationType d = a.declaration();
        List<RuleViolation> screened = screening.check(d);
        if (!screened.isEmpty()) {
            return refuse(order, screened);
        }
        int year = LocalDate.now(zone).getYear();
        BigDecimal dutiable = tax.estimate(d, totals.total(c, a.buyerKey(), year));
        byte[] xml = translator.writeValidated(Canonical.toTree(Canonical.FACTORY.createDeclaration(d)),
                formats.canonical().schema(), Translator.CANONICAL_INVALID, "canonical");
        totals.add(c, a.buyerKey(), year, dutiable);
        record(c, d);
        senders.register(c, new RecordSenders.Sender("ceb621", d.getHeader().getRecordId(), orderPartner, orderChannel),
                References.of(d));
        LOG.info("declaration {} queued for customs", d.getHeader().getRecordId());
        return new Forward(d.getHeader().getRecordId(), xml);
    }

    /**
     * Decides on the export inventory (CEB603) of a matched export order, its receipt of payment and its
     * waybill: assembled, screened against the export prohibitions (no import tax, no annual total), and
     * its sender registered so that customs' CEB604 receipts reach the order's sender.
     */
    public Decision decideExport(Connection c, OrderType order, PaymentType payment, ShipmentType waybill, String orderPartner,
                                 String orderChannel) throws SQLException, TranslationException {
        DeclarationAssembler.Result result = exportAssembler.assemble(order, payment, waybill);
        if (result instanceof DeclarationAssembler.Held h) {
            LOG.warn("export inventory of order {} held: {}", order.getOrderNumber(), h.reason());
            return new Hold(h.reason());
        }
        if (result instanceof DeclarationAssembler.Rejected r) {
            return refuse(order, r.violations());
        }
        DeclarationType d = ((DeclarationAssembler.Assembled) result).declaration();
        List<RuleViolation> screened = exportScreening.check(d);
        if (!screened.isEmpty()) {
            return refuse(order, screened);
        }
        byte[] xml = translator.writeValidated(Canonical.toTree(Canonical.FACTORY.createDeclaration(d)),
                formats.canonical().schema(), Translator.CANONICAL_INVALID, "canonical");
        senders.register(c, new RecordSenders.Sender("ceb603", d.getHeader().getRecordId(), orderPartner, orderChannel),
                References.of(d));
        record(c, d);
        LOG.info("export inventory {} queued for customs", d.getHeader().getRecordId());
        return new Forward(d.getHeader().getRecordId(), xml);
    }

    /**
     * A declaration a partner sent (a CEB621 of its declarant, a WCO DM declaration from overseas
     * customs): screened and its taxes estimated like one the adapter assembles, before it may leave.
     *
     * @param violations what screening refuses (empty: it may go)
     * @param document   the declaration with the adapter's estimate, when it may go
     * @param buyerKey   whose annual total it counts towards once accepted
     * @param dutiable   how much it adds to that total
     */
    public record Received(List<RuleViolation> violations, CanonicalDocument document, String buyerKey, BigDecimal dutiable) {
    }

    public Received received(CanonicalDocument doc) throws TranslationException {
        DeclarationType d = (DeclarationType) Canonical.read(doc.xml());
        if (d.getTradeDirection() != null && d.getTradeDirection().getValue() == TradeDirectionType.EXPORT) {
            // an export inventory: export prohibitions; no import tax, no buyer's annual total
            return new Received(exportScreening.check(d), doc, null, BigDecimal.ZERO);
        }
        List<RuleViolation> screened = screening.check(d);
        if (!screened.isEmpty()) {
            return new Received(screened, doc, null, BigDecimal.ZERO);
        }
        String buyerKey = Parties.personId(Parties.role(d.getParty(), PartyRoleType.BUYER))
                .map(i -> i.getScheme() + ":" + i.getValue()).orElse("unknown");
        BigDecimal dutiable = d.getGoodsItem().isEmpty() ? BigDecimal.ZERO
                : tax.estimate(d, totals.total(buyerKey, LocalDate.now(zone).getYear()));
        var tree = Canonical.toTree(Canonical.FACTORY.createDeclaration(d));
        // not indented: it travels in a canonical batch, joined from the documents' bytes
        byte[] xml = translator.writeValidated(tree, formats.canonical().schema(), Translator.CANONICAL_INVALID, "canonical", false);
        return new Received(List.of(), new CanonicalDocument(doc.recordId(), doc.kind(), tree, xml), buyerKey, dutiable);
    }

    /** A received declaration was accepted: it counts towards its buyer's annual total. */
    public void counted(Received received) {
        if (received.buyerKey() == null) {
            return;
        }
        totals.add(received.buyerKey(), LocalDate.now(zone).getYear(), received.dutiable());
    }

    /** An inventory as the inventories store keeps it: who declared it, its own number, its lines' quantities. */
    record Declared(String declarant, String localReference, String direction, String orderNumber,
                    Map<Integer, BigDecimal> quantities) {
    }

    /** What the inventories store keeps of a declaration; empty when it names no declaring agent or own number. */
    static Optional<Declared> declared(DeclarationType d) {
        Optional<String> declarant = Parties.customsCode(d.getParty(), PartyRoleType.DECLARANT);
        if (declarant.isEmpty() || d.getLocalReference() == null || d.getLocalReference().isBlank()) {
            return Optional.empty();
        }
        Map<Integer, BigDecimal> quantities = new LinkedHashMap<>();
        d.getGoodsItem().forEach(g -> quantities.put(g.getSequence(), g.getQuantity().getValue()));
        boolean export = d.getTradeDirection() != null && d.getTradeDirection().getValue() == TradeDirectionType.EXPORT;
        return Optional.of(new Declared(declarant.get(), d.getLocalReference(), export ? "EXPORT" : "IMPORT",
                d.getOrderNumber(), quantities));
    }

    /** Records a declaration the adapter sends in the inventories store, on the caller's transaction. */
    static void record(Connection c, DeclarationType d) throws SQLException {
        Optional<Declared> declared = declared(d);
        if (declared.isPresent()) {
            Declared x = declared.get();
            Inventories.declared(c, x.declarant(), x.localReference(), x.direction(), x.orderNumber(), x.quantities());
        }
        // an export inventory also by its parcel: arrivals, departures and the monthly summary
        GoodsMovements.record(c, d);
    }

    private static Refuse refuse(OrderType order, List<RuleViolation> violations) {
        LOG.info("declaration of order {} refused: {}", order.getOrderNumber(), violations.stream().map(RuleViolation::code).toList());
        return new Refuse(violations);
    }
}
