package org.wcoecom.adapter.pipeline;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.Parties;
import org.wcoecom.adapter.canonical.model.CancellationType;
import org.wcoecom.adapter.canonical.model.GoodsReturnType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.RefersToType;
import org.wcoecom.adapter.canonical.model.ReferenceType;
import org.wcoecom.adapter.canonical.model.ReturnLineType;
import org.wcoecom.adapter.canonical.model.ReturnStageType;
import org.wcoecom.adapter.canonical.model.TradeDirectionType;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.message.RejectedMessageException;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.store.Inventories;
import org.wcoecom.adapter.store.Ledger;
import org.wcoecom.adapter.store.Returns;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Pipeline step: a request about an inventory customs already has is matched to the inventory the
 * adapter declared, by the number customs gave it (invtNo):
 * <ul>
 * <li>an import return request (CEB625) and a cancellation (CEB623, CEB605 export) to the inventory of
 * the declaring agent that asks;</li>
 * <li>an export return request (CEB213) to the export inventory of the e-commerce enterprise that asks
 * (ebcCode: the declaring agent of a return may be another than the inventory's);</li>
 * <li>the tally of a returned export parcel (CEB215, from the supervised site) to the accepted export
 * return whose goods come back under its waybill (carrier's code and number), which it closes.</li>
 * </ul>
 * A return needs an inventory customs released, and may take back of a goods line no more than was
 * declared minus what the other accepted returns of the inventory took back. Refused otherwise, in the
 * sender's receipt format, naming the rule; the receipt says nothing of the inventory (its values are
 * the declaration's) nor whether another party has an inventory of that number. What an accepted
 * request changes in the store is written with the message's claims, in its one database transaction
 * ({@link Intake#claim}).
 */
public final class InventoryRequests {

    public static final String NO_INVENTORY = "RET-NO-INVENTORY";
    public static final String NOT_RELEASED = "RET-NOT-RELEASED";
    public static final String QUANTITY = "RET-QUANTITY";
    public static final String QUANTITY_LEFT = "RET-QUANTITY-LEFT";
    public static final String TALLY_NO_RETURN = "RET-TALLY-NO-RETURN";
    public static final String TALLY_CLOSED = "RET-TALLY-CLOSED";
    public static final String CANCEL_NO_INVENTORY = "CAN-NO-INVENTORY";

    private static final String NUMBER_PATH = " (/GoodsReturn/DeclarationReference/Reference[@type='INVENTORY_NUMBER'])";

    private final Inventories inventories;
    private final Returns returns;

    public InventoryRequests(Inventories inventories, Returns returns) {
        this.inventories = inventories;
        this.returns = returns;
    }

    /** What an accepted request changes in the store, written in the message's transaction unless its record is a duplicate. */
    sealed interface Effect permits Accepted, Tallied {
        /** the index of the canonical document it comes from */
        int document();

        void apply(Ledger.Tx tx) throws SQLException;
    }

    /** A return request accepted: what it takes back. */
    record Accepted(int document, Returns.Request request) implements Effect {
        @Override
        public void apply(Ledger.Tx tx) throws SQLException {
            tx.returnAccepted(request);
        }
    }

    /** A tally closing an export return. */
    record Tallied(int document, Returns.Kept kept, String tally) implements Effect {
        @Override
        public void apply(Ledger.Tx tx) throws SQLException {
            tx.returnTallied(kept, tally);
        }
    }

    /** Camel step, after the documents are canonical. */
    public void check(Exchange exchange) throws RejectedMessageException {
        Inbound in = Inbound.of(exchange);
        in.inventoryEffects.clear();
        List<XmlError> refused = new ArrayList<>();
        List<String> digests = null;
        for (int i = 0; i < in.documents.size(); i++) {
            CanonicalDocument doc = in.documents.get(i);
            String at = i < in.records.size() ? in.records.get(i).path() : "/";
            if ("GoodsReturn".equals(doc.kind())) {
                GoodsReturnType r = (GoodsReturnType) Canonical.read(doc.xml());
                if (r.getStage() == ReturnStageType.TALLY) {
                    if (digests == null) {
                        digests = in.format.recordDigests(in.document);
                    }
                    String tally = Intake.recordKey(doc.recordId(), i < digests.size() ? Optional.of(digests.get(i)) : Optional.empty());
                    refused.addAll(tally(in, i, r, tally, at));
                } else {
                    refused.addAll(returnRequest(in, i, r, doc.recordId(), at));
                }
            } else if ("Cancellation".equals(doc.kind())) {
                refused.addAll(cancellation((CancellationType) Canonical.read(doc.xml()), at));
            }
        }
        if (!refused.isEmpty()) {
            in.inventoryEffects.clear();
            throw new RejectedMessageException(new Rejection(in.partnerName(), Optional.of(in.format), Optional.ofNullable(in.document),
                    refused, 0, in.format.id()));
        }
    }

    private List<XmlError> returnRequest(Inbound in, int index, GoodsReturnType r, String recordId, String at) {
        boolean export = direction(r.getTradeDirection() == null ? null : r.getTradeDirection().getValue()) == TradeDirectionType.EXPORT;
        Optional<String> number = inventoryNumber(r.getDeclarationReference());
        Optional<Inventories.Inventory> inventory;
        if (export) {
            // the e-commerce enterprise whose goods they were (the request's agent may be another than the inventory's)
            Optional<String> seller = Parties.customsCode(r.getParty(), PartyRoleType.SELLER);
            inventory = number.flatMap(n -> seller.flatMap(s -> inventories.exportOfSeller(s, n)));
            if (inventory.isEmpty()) {
                // also when another enterprise has an inventory of this number: that is no business of the sender's
                return List.of(new XmlError(NO_INVENTORY, 0, 0, at, "the adapter declared no export inventory of this"
                        + " e-commerce enterprise (ebcCode) with this inventory number: there is nothing to return" + NUMBER_PATH));
            }
        } else {
            inventory = inventory(r.getDeclarationReference(), Parties.customsCode(r.getParty(), PartyRoleType.DECLARANT))
                    .filter(x -> "IMPORT".equals(x.direction()));
            if (inventory.isEmpty()) {
                return List.of(new XmlError(NO_INVENTORY, 0, 0, at, "the adapter declared no inventory of this declaring agent"
                        + " with this inventory number: there is nothing to return" + NUMBER_PATH));
            }
        }
        Inventories.Inventory declared = inventory.get();
        if (!Inventories.RELEASED.equals(declared.state())) {
            return List.of(new XmlError(NOT_RELEASED, 0, 0, at, "customs has not released the inventory: goods not"
                    + " released cannot be returned" + NUMBER_PATH));
        }
        String requestRef = requestRef(r, recordId);
        Map<Integer, BigDecimal> taken = new LinkedHashMap<>(returns.takenBack(declared.declarant(), declared.localReference(),
                in.partner.id(), requestRef));
        // and what the requests before it in the same message take back of the same inventory
        for (Effect e : in.inventoryEffects) {
            if (e instanceof Accepted a && a.request().declarant().equals(declared.declarant())
                    && a.request().localReference().equals(declared.localReference())
                    && !(a.request().partner().equals(in.partner.id()) && a.request().requestRef().equals(requestRef))) {
                a.request().quantities().forEach((seq, q) -> taken.merge(seq, q, BigDecimal::add));
            }
        }
        List<XmlError> errors = new ArrayList<>();
        Map<Integer, BigDecimal> quantities = new LinkedHashMap<>();
        for (ReturnLineType line : r.getLine()) {
            BigDecimal wanted = line.getQuantity().getValue();
            quantities.merge(line.getSequence(), wanted, BigDecimal::add);
            BigDecimal of = declared.quantities().get(line.getSequence());
            String path = " (/GoodsReturn/Line[" + line.getSequence() + "]/Quantity)";
            if (of == null) {
                errors.add(new XmlError(QUANTITY, 0, 0, at, "line " + line.getSequence()
                        + ": the inventory has no goods line of this number" + path));
            } else if (quantities.get(line.getSequence()).compareTo(of) > 0) {
                errors.add(new XmlError(QUANTITY, 0, 0, at, "line " + line.getSequence()
                        + ": more is returned than the inventory declared" + path));
            } else if (quantities.get(line.getSequence()).compareTo(of.subtract(taken.getOrDefault(line.getSequence(), BigDecimal.ZERO))) > 0) {
                errors.add(new XmlError(QUANTITY_LEFT, 0, 0, at, "line " + line.getSequence() + ": more is returned than is"
                        + " left of what the inventory declared once the return requests accepted before are taken off" + path));
            }
        }
        if (errors.isEmpty()) {
            String carrier = export ? Parties.customsCode(r.getParty(), PartyRoleType.LOGISTICS_OPERATOR).orElse(null) : null;
            String waybill = export && r.getTransportDocument() != null ? r.getTransportDocument().getValue() : null;
            in.inventoryEffects.add(new Accepted(index, new Returns.Request(declared.declarant(), declared.localReference(),
                    in.partner.id(), requestRef, recordId, export ? "EXPORT" : "IMPORT", quantities, carrier, waybill)));
        }
        return errors;
    }

    /**
     * The tally of a returned export parcel: the accepted export returns whose goods come back under
     * the carrier's waybill (of the inventory the tally names, when it names one); it closes the open
     * ones. The same tally again (a duplicate) finds them closed by itself and changes nothing.
     */
    private List<XmlError> tally(Inbound in, int index, GoodsReturnType r, String tally, String at) {
        String path = " (/GoodsReturn/TransportDocument)";
        Optional<String> carrier = Parties.customsCode(r.getParty(), PartyRoleType.LOGISTICS_OPERATOR);
        String waybill = r.getTransportDocument() == null ? "" : r.getTransportDocument().getValue();
        List<Returns.Kept> found = carrier.isEmpty() || waybill.isBlank() ? List.of()
                : returns.byWaybill(carrier.get(), waybill, inventoryNumber(r.getDeclarationReference()));
        if (found.isEmpty()) {
            return List.of(new XmlError(TALLY_NO_RETURN, 0, 0, at, "no export return request the adapter accepted brings goods"
                    + " back under this carrier's waybill number (of the inventory named): there is no return to tally" + path));
        }
        // a return an earlier tally of the same message closes is closed
        List<Returns.Kept> closing = in.inventoryEffects.stream().filter(e -> e instanceof Tallied).map(e -> ((Tallied) e).kept()).toList();
        List<Returns.Kept> open = found.stream().filter(k -> Returns.OPEN.equals(k.state()) && !closing.contains(k)).toList();
        if (open.isEmpty()) {
            boolean again = found.stream().anyMatch(k -> k.closedBy().filter(tally::equals).isPresent());
            return again ? List.of() : List.of(new XmlError(TALLY_CLOSED, 0, 0, at, "the return of this parcel was closed by"
                    + " an earlier tally: it cannot be tallied twice" + path));
        }
        open.forEach(k -> in.inventoryEffects.add(new Tallied(index, k, tally)));
        return List.of();
    }

    /** A cancellation (CEB623 import, CEB605 export) needs an inventory of the asking agent, of its direction. */
    private List<XmlError> cancellation(CancellationType c, String at) {
        TradeDirectionType direction = direction(c.getTradeDirection() == null ? null : c.getTradeDirection().getValue());
        Optional<String> ownNumber = reference(c.getDeclarationReference(), "LOCAL_REFERENCE");
        Optional<Inventories.Inventory> inventory = inventory(c.getDeclarationReference(), Parties.customsCode(c.getParty(), PartyRoleType.DECLARANT))
                .filter(x -> direction.name().equals(x.direction()))
                // CEB605 also names the inventory by the agent's own number of it: both must be the one inventory's
                .filter(x -> ownNumber.isEmpty() || ownNumber.get().equals(x.localReference()));
        if (inventory.isPresent()) {
            return List.of();
        }
        return List.of(new XmlError(CANCEL_NO_INVENTORY, 0, 0, at, "the adapter declared no " + (direction == TradeDirectionType.EXPORT
                ? "export " : "") + "inventory of this declaring agent with this inventory number: there is nothing to cancel"
                + " (/Cancellation/DeclarationReference/Reference[@type='INVENTORY_NUMBER'])"));
    }

    /** The request's own number, else its record guid, else its record id: what a request sent again is known by. */
    private static String requestRef(GoodsReturnType r, String recordId) {
        if (r.getLocalReference() != null && !r.getLocalReference().isBlank()) {
            return Returns.NUMBERED + r.getLocalReference();
        }
        String guid = r.getHeader() == null || r.getHeader().getSource() == null ? null : r.getHeader().getSource().getRecordGuid();
        return guid != null && !guid.isBlank() ? "guid:" + guid : "record:" + recordId;
    }

    private static TradeDirectionType direction(TradeDirectionType direction) {
        return direction == null ? TradeDirectionType.IMPORT : direction;
    }

    private Optional<Inventories.Inventory> inventory(RefersToType refs, Optional<String> declarant) {
        Optional<String> number = inventoryNumber(refs);
        if (number.isEmpty() || declarant.isEmpty()) {
            return Optional.empty();
        }
        return inventories.byCustomsNumber(declarant.get(), number.get());
    }

    private static Optional<String> inventoryNumber(RefersToType refs) {
        return reference(refs, "INVENTORY_NUMBER");
    }

    private static Optional<String> reference(RefersToType refs, String type) {
        return refs == null ? Optional.empty() : refs.getReference().stream()
                .filter(ref -> type.equals(ref.getType())).map(ReferenceType::getValue)
                .filter(v -> v != null && !v.isBlank()).findFirst();
    }
}
