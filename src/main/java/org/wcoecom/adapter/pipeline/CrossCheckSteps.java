package org.wcoecom.adapter.pipeline;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.broker.AfterCommit;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PaymentType;
import org.wcoecom.adapter.canonical.model.ShipmentType;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.receipt.PendingReceipt;
import org.wcoecom.adapter.receipt.Receipt;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.rules.CrossCheckDocuments.Arrival;
import org.wcoecom.adapter.rules.CrossCheckDocuments;
import org.wcoecom.adapter.rules.CrossCheckRules;
import org.wcoecom.adapter.rules.ExportCrossCheckRules;
import org.wcoecom.adapter.rules.RuleViolation;
import org.wcoecom.adapter.store.CrossCheckStore.Document;
import org.wcoecom.adapter.store.CrossCheckStore.Group;
import org.wcoecom.adapter.store.CrossCheckStore.Output;
import org.wcoecom.adapter.store.CrossCheckStore;

/**
 * The Camel steps of the three-document check (三单对碰). An order, its payment and its waybill are
 * gathered in a group per platform and order number (rows in the database); a document belongs to
 * its sender, who alone may correct or cancel it. When the three are there the rules run: a match
 * becomes a declaration, a mismatch a receipt to each sender; a group that never completes is
 * answered when its time is up. Export documents (an export order, its receipt of payment, its export
 * waybill) gather in groups of their own ({@link CrossCheckDocuments#EXPORT_GROUP}), are judged by
 * the export rules and become an export inventory (CEB603).
 *
 * <p>Each step stores what it decided to send with the id of the message (or sweep) it came from,
 * in the same database transaction as the groups; the route sends it; once the broker has
 * committed, it is forgotten. A message delivered again sends the stored decision again instead of
 * deciding twice.
 */
public final class CrossCheckSteps {

    private static final Logger LOG = LoggerFactory.getLogger(CrossCheckSteps.class);

    /** The header naming the canonical message a document came in (stable across redeliveries and replays). */
    public static final String SOURCE = "AdapterCanonicalId";
    /** The exchange property holding the id what is being sent was stored under. */
    private static final String SENDING = "AdapterCrossCheckSource";
    /**
     * Broker duplicate detection (Artemis): a resend of what a step decided (a sweep's decisions sent
     * again, a transaction whose commit outcome a broker failover left unknown) is dropped by the broker.
     */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** A sweep's decisions not sent after this long are sent again (the sweep that made them died). */
    private static final Duration UNSENT_AFTER = Duration.ofSeconds(30);
    private static final int SWEEP_LIMIT = 100;

    private final CrossCheckStore store;
    private final CrossCheckRules rules;
    private final ExportCrossCheckRules exportRules;
    private final Declarations declarations;
    private final ReceiptService receipts;
    private final Duration timeout;

    public CrossCheckSteps(CrossCheckStore store, CrossCheckRules rules, ExportCrossCheckRules exportRules, Declarations declarations,
                           ReceiptService receipts, Duration timeout) {
        this.store = store;
        this.rules = rules;
        this.exportRules = exportRules;
        this.declarations = declarations;
        this.receipts = receipts;
        this.timeout = timeout;
    }

    /**
     * Camel step: the canonical order, payment or waybill in the body (one document or a batch) put in
     * its group, and the rules run when the group is complete. The body becomes what to send.
     */
    public List<Output> apply(Exchange exchange) {
        Message m = exchange.getMessage();
        String source = "message:" + Optional.ofNullable(m.getHeader(SOURCE, String.class))
                .orElseGet(() -> m.getHeader("JMSMessageID", String.class));
        byte[] body = m.getBody(byte[].class);
        exchange.setProperty(DeadLetters.ORIGINAL_PROPERTY, body);
        List<Arrival> arrivals = CrossCheckDocuments.arrivals(body);
        arrivals.sort(Comparator.comparing(Arrival::group));
        exchange.setProperty(SENDING, source);
        return store.inTransaction(tx -> {
            Optional<List<Output>> decided = tx.applied(source);
            if (decided.isPresent()) {
                LOG.info("{} was applied before; sending again what it decided ({} messages)", source, decided.get().size());
                return decided.get();
            }
            List<Output> out = new ArrayList<>();
            for (Arrival a : arrivals) {
                out.addAll(place(tx, a));
            }
            tx.applied(source, out);
            return out;
        });
    }

    /** Camel step after the sends: once the broker has committed them, what was stored for them is forgotten. */
    public void sent(Exchange exchange) {
        String source = exchange.getProperty(SENDING, String.class);
        if (source != null) {
            AfterCommit.register(() -> store.forget(source));
        }
    }

    /**
     * Camel step (timer): groups whose time is up are closed: the senders of an incomplete group are
     * told which documents never came; a mismatch nobody corrected is closed. A sweep's decisions that
     * were not sent (the process died) are sent first. Sent with broker duplicate detection.
     */
    public List<Output> sweep(Exchange exchange) {
        Optional<List<Output>> unsent = unsent(exchange);
        if (unsent.isPresent()) {
            return unsent.get();
        }
        if (!store.anyExpired(Instant.now())) {
            return List.of();
        }
        return decide(exchange, "sweep:", tx -> tx.takeExpired(Instant.now(), SWEEP_LIMIT), (tx, g, now) -> {
            if (CrossCheckStore.HELD.equals(g.state()) || !g.deadline().isBefore(now)) {
                return null;
            }
            tx.delete(g);
            if (CrossCheckStore.MISMATCH.equals(g.state())) {
                LOG.info("order {}: mismatch not corrected in time; closed", g.orderNumber());
                return List.of();
            }
            LOG.info("order {}: documents missing after the time-out", g.orderNumber());
            boolean export = CrossCheckDocuments.isExport(g.orderNumber());
            List<String> missing = CrossCheckDocuments.KINDS.stream().filter(k -> g.document(k).isEmpty()).toList();
            RuleViolation v = new RuleViolation(export ? "EX-TIMEOUT" : "CC-TIMEOUT", "no " + String.join(" and no ", missing.stream()
                    .map(k -> describe(k, export)).toList()) + " arrived for order " + orderNo(g) + " in time",
                    missing.stream().map(k -> "/" + k).toList());
            return answerAll(g, List.of(v), "order " + orderNo(g) + ": the documents to cross-check did not all arrive");
        });
    }

    /** Camel step (timer): declarations held for items missing from the catalogue are tried again. */
    public List<Output> retryHeld(Exchange exchange) {
        Optional<List<Output>> unsent = unsent(exchange);
        if (unsent.isPresent()) {
            return unsent.get();
        }
        if (!store.anyHeld()) {
            return List.of();
        }
        return decide(exchange, "held:", tx -> tx.takeHeld(SWEEP_LIMIT), (tx, g, now) -> {
            if (!CrossCheckStore.HELD.equals(g.state())) {
                return null;
            }
            LOG.info("retrying the held declaration of order {} ({})", g.orderNumber(), g.reason());
            return declare(tx, g);
        });
    }

    /** Camel step after a sweep's sends (no JMS transaction): forgotten at once. */
    public void relayed(Exchange exchange) {
        String source = exchange.getProperty(SENDING, String.class);
        if (source != null) {
            store.forget(source);
        }
    }

    /** Camel step inside the split: one output as the message to send (a declaration, or a later receipt). */
    public void toMessage(Exchange exchange) {
        Message m = exchange.getMessage();
        Output o = m.getBody(Output.class);
        String source = exchange.getProperty(SENDING, String.class);
        String sendId = source == null ? UUID.randomUUID().toString()
                : source + "#" + exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
        m.setHeader(DUPLICATE_ID, sendId);
        if (Output.DECLARATION.equals(o.type()) || Output.EXPORT_INVENTORY.equals(o.type())) {
            m.setHeader(Headers.RECORD_ID, o.recordId());
            // crosscheck-send publishes it on the address of its kind (mappings/routing.yaml)
            m.setHeader(Headers.KIND, Output.DECLARATION.equals(o.type()) ? "Declaration" : "export-inventory");
            m.setHeader(Headers.FORMAT, "canonical");
            // the declaration's batch id follows from what decided it: its customs message ids do too
            m.setHeader(SOURCE, UUID.nameUUIDFromBytes(sendId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
            m.setBody(o.body());
        } else {
            m.setBody(new PendingReceipt(o.partner(), o.channel(), o.recordId(), new Receipt(o.outcome(), o.format(), 1, o.body())));
        }
    }

    // --- placing one document -------------------------------------------------------------

    private List<Output> place(CrossCheckStore.Tx tx, Arrival a) throws SQLException {
        tx.lock(a.group());
        if (!a.cancellation() && !a.amendment() && tx.wasCorrected(a.partner(), a.recordId())) {
            // a batch delivered again after a rollback (or replayed) may come after a later one: the correction stays,
            // whether its group still waits or was declared and closed (it would open a group of its own, timed out later)
            LOG.info("order {}: the first version of {} came after its correction; the correction stays", a.orderNumber(), a.recordId());
            return List.of();
        }
        List<Group> groups = tx.groups(a.group());
        Instant now = Instant.now();
        Group target;
        if (a.platform().isPresent()) {
            target = find(groups, a.platform().get()).orElseGet(() -> newGroup(a.group(), a.platform().get(), now));
            Optional<Group> loose = find(groups, "");
            boolean onlyPlatform = groups.stream().noneMatch(g -> !g.platform().isEmpty() && !g.platform().equals(a.platform().get()));
            if (loose.isPresent() && onlyPlatform) {
                adopt(tx, loose.get(), target);
            }
        } else {
            List<Group> platforms = groups.stream().filter(g -> !g.platform().isEmpty()).toList();
            if (platforms.size() > 1) {
                // a payment naming another platform makes a group of its own: the order's group is the one to join
                platforms = platforms.stream().filter(g -> g.document("Order").isPresent()).toList();
            }
            if (platforms.size() > 1) {
                return List.of(conflict(a, "order " + a.orderNumber() + " is an open order of more than one platform,"
                        + " and this " + describe(a.kind(), a.export()) + " names none: it cannot be matched"));
            }
            target = platforms.isEmpty() ? find(groups, "").orElseGet(() -> newGroup(a.group(), "", now)) : platforms.get(0);
        }
        Optional<Document> existing = target.document(a.kind());
        if (existing.isPresent() && !existing.get().partner().equals(a.partner())) {
            return List.of(conflict(a, "order " + a.orderNumber() + " already has a " + describe(a.kind(), a.export())
                    + " from another sender; only its sender may correct or cancel it"));
        }
        if ("Payment".equals(a.kind())) {
            Optional<String> named = target.document("Order").flatMap(d -> CrossCheckDocuments.paymentProvider(d.xml()));
            if (named.isPresent() && !named.equals(a.paymentProvider())) {
                return List.of(notTheNamedProvider(a));
            }
        }
        Map<String, Document> docs = target.documents();
        List<Output> out = new ArrayList<>();
        if (a.cancellation()) {
            tx.withdrawn(a.partner(), a.recordId());
            if (existing.isPresent()) {
                docs.remove(a.kind());
                docs.replaceAll((k, d) -> unevaluated(d));
                save(tx, target, docs.isEmpty(), now);
            }
            return out;
        }
        if (a.amendment()) {
            tx.corrected(a.partner(), a.recordId());
        }
        docs.put(a.kind(), new Document(a.kind(), a.partner(), a.recordId(), a.xml(), false, now));
        if ("Order".equals(a.kind())) {
            // the order names its payment enterprise: a payment from another one waiting here is not its payment
            Optional<Document> payment = target.document("Payment");
            Optional<String> named = a.paymentProvider();
            if (payment.isPresent() && named.isPresent() && !named.equals(CrossCheckDocuments.paymentProvider(payment.get().xml()))) {
                docs.remove("Payment");
                out.add(notTheNamedProvider(CrossCheckDocuments.arrival(payment.get().xml())));
            }
        }
        Group updated = new Group(target.orderNumber(), target.platform(), target.state(), target.reason(), now.plus(timeout), docs);
        if (complete(updated) && docs.values().stream().anyMatch(d -> !d.evaluated())) {
            out.addAll(evaluate(tx, updated));
        } else {
            tx.save(updated);
        }
        return out;
    }

    /** Documents that came without a platform code move into the platform's group, where their slot is free. */
    private static void adopt(CrossCheckStore.Tx tx, Group loose, Group target) throws SQLException {
        Map<String, Document> left = new LinkedHashMap<>(loose.documents());
        for (Document d : loose.documents().values()) {
            if (target.document(d.kind()).isEmpty()) {
                target.documents().put(d.kind(), d);
                left.remove(d.kind());
            }
        }
        if (left.isEmpty()) {
            tx.delete(loose);
        } else {
            tx.save(new Group(loose.orderNumber(), loose.platform(), loose.state(), loose.reason(), loose.deadline(), left));
        }
    }

    private static void save(CrossCheckStore.Tx tx, Group g, boolean empty, Instant now) throws SQLException {
        if (empty) {
            tx.delete(g);
        } else {
            tx.save(new Group(g.orderNumber(), g.platform(), CrossCheckStore.OPEN, null, g.deadline(), g.documents()));
        }
    }

    /** The rules over a complete group: a mismatch waits for a correction, a match is declared. */
    private List<Output> evaluate(CrossCheckStore.Tx tx, Group g) throws SQLException {
        boolean export = CrossCheckDocuments.isExport(g.orderNumber());
        List<RuleViolation> violations = export ? exportRules.check(order(g), payment(g), shipment(g))
                : rules.check(order(g), payment(g), shipment(g));
        if (violations.isEmpty()) {
            return declare(tx, g);
        }
        LOG.info("order {}: documents disagree ({})", g.orderNumber(), violations.stream().map(RuleViolation::code).toList());
        Map<String, Document> judged = new LinkedHashMap<>();
        g.documents().forEach((k, d) -> judged.put(k, new Document(d.kind(), d.partner(), d.recordId(), d.xml(), true, d.receivedAt())));
        tx.save(new Group(g.orderNumber(), g.platform(), CrossCheckStore.MISMATCH, null, g.deadline(), judged));
        return answerAll(g, violations, "order " + orderNo(g) + (export
                ? ": its export order, receipt of payment and waybill disagree; send a correction (appType 2) of the wrong one"
                : ": its order, payment and waybill disagree; send a correction (appType 2) of the wrong one"));
    }

    private List<Output> declare(CrossCheckStore.Tx tx, Group g) throws SQLException {
        Document orderDoc = g.document("Order").orElseThrow();
        Arrival order = CrossCheckDocuments.arrival(orderDoc.xml());
        Declarations.Decision decision;
        boolean export = CrossCheckDocuments.isExport(g.orderNumber());
        try {
            decision = export
                    ? declarations.decideExport(tx.connection(), order(g), payment(g), shipment(g), orderDoc.partner(), order.channel())
                    : declarations.decide(tx.connection(), order(g), payment(g), shipment(g), orderDoc.partner(), order.channel());
        } catch (TranslationException e) {
            // our own mapping could not write the declaration: an error of the adapter, retried, then dead-lettered
            throw new IllegalStateException("the declaration of order " + g.orderNumber() + " cannot be written: " + e.getMessage(), e);
        }
        if (decision instanceof Declarations.Hold h) {
            Map<String, Document> judged = new LinkedHashMap<>();
            g.documents().forEach((k, d) -> judged.put(k, new Document(d.kind(), d.partner(), d.recordId(), d.xml(), true, d.receivedAt())));
            tx.save(new Group(g.orderNumber(), g.platform(), CrossCheckStore.HELD, h.reason(), g.deadline(), judged));
            return List.of();
        }
        tx.delete(g);
        if (decision instanceof Declarations.Forward f) {
            return List.of(new Output(export ? Output.EXPORT_INVENTORY : Output.DECLARATION, orderDoc.partner(), order.channel(),
                    f.recordId(), "canonical", "FORWARD", f.xml()));
        }
        return answerAll(g, ((Declarations.Refuse) decision).violations(),
                "order " + orderNo(g) + ": its documents agree, but it cannot be declared");
    }

    /** A rejection receipt to the sender of every document of the group. */
    private List<Output> answerAll(Group g, List<RuleViolation> violations, String summary) {
        List<Output> out = new ArrayList<>();
        for (Document d : g.documents().values()) {
            out.add(receipt(CrossCheckDocuments.arrival(d.xml()), summary, violations));
        }
        return out;
    }

    /** The refusal of one document that competes with another sender's: only its sender hears of it. */
    private Output conflict(Arrival a, String why) {
        LOG.info("{} {} of {} refused: {}", a.kind(), a.recordId(), a.partner(), why);
        return receipt(a, why, List.of(new RuleViolation("CC-CONFLICT", why,
                List.of("/" + a.kind() + "/Header/Source/Partner"))));
    }

    /** The payment slot of an order belongs to the payment enterprise the order names (its payCode). */
    private Output notTheNamedProvider(Arrival payment) {
        String why = "order " + payment.orderNumber() + " names another payment enterprise: this payment is not its payment";
        LOG.info("payment {} of {} refused: {}", payment.recordId(), payment.partner(), why);
        return receipt(payment, why, List.of(new RuleViolation("CC-PAY-ENTERPRISE", "the payment does not come from the payment"
                + " enterprise the order names", List.of("/Order/Party[@role='PAYMENT_SERVICE_PROVIDER']/Identifier",
                "/Payment/Party[@role='PAYMENT_SERVICE_PROVIDER']/Identifier"))));
    }

    private Output receipt(Arrival a, String summary, List<RuleViolation> violations) {
        try {
            Receipt r = receipts.rejectedByRules(a.partner(), a.format(), a.recordId(), a.references(), summary, violations);
            return new Output(Output.RECEIPT, a.partner(), a.channel(), a.recordId(), r.format(), r.outcome(), r.xml());
        } catch (TranslationException e) {
            throw new IllegalStateException("the receipt for " + a.recordId() + " cannot be written: " + e.getMessage(), e);
        }
    }

    // --- sweeps ------------------------------------------------------------------------------

    private interface GroupDecision {
        /** What to send for a group (empty: nothing), or null to leave it as it is. */
        List<Output> decide(CrossCheckStore.Tx tx, Group g, Instant now) throws SQLException;
    }

    /** The order numbers a sweep takes, locked in its transaction. */
    private interface Candidates {
        List<String> take(CrossCheckStore.Tx tx) throws SQLException;
    }

    /**
     * One sweep: takes its order numbers under row locks (on PostgreSQL skipping those another node or a
     * consumer holds, so several nodes never decide about the same group) and decides about each of
     * their groups, in one transaction; nothing is stored when it took none.
     */
    private List<Output> decide(Exchange exchange, String prefix, Candidates candidates, GroupDecision decision) {
        String source = prefix + UUID.randomUUID();
        List<Output> outputs = store.inTransaction(tx -> {
            List<String> taken = candidates.take(tx);
            if (taken.isEmpty()) {
                return null;
            }
            Instant now = Instant.now();
            List<Output> out = new ArrayList<>();
            for (String orderNumber : taken) {
                for (Group g : tx.groups(orderNumber)) {
                    List<Output> decided = decision.decide(tx, g, now);
                    if (decided != null) {
                        out.addAll(decided);
                    }
                }
            }
            tx.applied(source, out);
            return out;
        });
        if (outputs == null) {
            return List.of();
        }
        exchange.setProperty(SENDING, source);
        return outputs;
    }

    private Optional<List<Output>> unsent(Exchange exchange) {
        for (String prefix : List.of("sweep:", "held:")) {
            List<String> sources = store.unsent(prefix, Instant.now().minus(UNSENT_AFTER));
            if (!sources.isEmpty()) {
                exchange.setProperty(SENDING, sources.get(0));
                LOG.warn("sending again what {} decided (it was not sent)", sources.get(0));
                return Optional.of(store.outputs(sources.get(0)));
            }
        }
        return Optional.empty();
    }

    // --- the documents -------------------------------------------------------------------------

    private static boolean complete(Group g) {
        return g.documents().keySet().containsAll(CrossCheckDocuments.KINDS);
    }

    private static Optional<Group> find(List<Group> groups, String platform) {
        return groups.stream().filter(g -> g.platform().equals(platform)).findFirst();
    }

    private static Group newGroup(String orderNumber, String platform, Instant now) {
        return new Group(orderNumber, platform, CrossCheckStore.OPEN, null, now, new LinkedHashMap<>());
    }

    private static Document unevaluated(Document d) {
        return new Document(d.kind(), d.partner(), d.recordId(), d.xml(), false, d.receivedAt());
    }

    private static OrderType order(Group g) {
        return (OrderType) Canonical.read(g.document("Order").orElseThrow().xml());
    }

    private static PaymentType payment(Group g) {
        return (PaymentType) Canonical.read(g.document("Payment").orElseThrow().xml());
    }

    private static ShipmentType shipment(Group g) {
        return (ShipmentType) Canonical.read(g.document("Shipment").orElseThrow().xml());
    }

    private static String describe(String kind, boolean export) {
        if (export) {
            return switch (kind) {
                case "Order" -> "export order (CEB303)";
                case "Payment" -> "receipt of payment (CEB403)";
                default -> "export waybill (CEB505)";
            };
        }
        return switch (kind) {
            case "Order" -> "order (CEB311)";
            case "Payment" -> "payment (CEB411)";
            default -> "waybill (CEB511)";
        };
    }

    /** The order number of a group, without the key's export prefix. */
    private static String orderNo(Group g) {
        return CrossCheckDocuments.orderNumber(g.orderNumber());
    }
}
