package org.wcoecom.adapter.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.message.RejectedMessageException;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.store.Inventories;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Pipeline step: a request about an inventory customs already has, a return request (CEB625) or a
 * cancellation (CEB623), is matched to the inventory the adapter declared, by the number customs gave
 * it (invtNo) and the declaring agent that asks. A return needs an inventory customs released, and
 * may return no goods line in more than the quantity declared; a cancellation needs an inventory the
 * adapter declared. Refused otherwise, in the sender's receipt format, naming the rule; the receipt
 * says nothing of the inventory (its values are the declaration's).
 */
public final class InventoryRequests {

    private final Inventories inventories;

    public InventoryRequests(Inventories inventories) {
        this.inventories = inventories;
    }

    /** Camel step, after the documents are canonical. */
    public void check(Exchange exchange) throws RejectedMessageException {
        Inbound in = Inbound.of(exchange);
        List<XmlError> refused = new ArrayList<>();
        for (int i = 0; i < in.documents.size(); i++) {
            CanonicalDocument doc = in.documents.get(i);
            String at = i < in.records.size() ? in.records.get(i).path() : "/";
            if ("GoodsReturn".equals(doc.kind())) {
                GoodsReturnType r = (GoodsReturnType) Canonical.read(doc.xml());
                refused.addAll(returnRequest(r, at));
            } else if ("Cancellation".equals(doc.kind())) {
                CancellationType c = (CancellationType) Canonical.read(doc.xml());
                if (inventory(c.getDeclarationReference(), Parties.customsCode(c.getParty(), PartyRoleType.DECLARANT)).isEmpty()) {
                    refused.add(new XmlError("CAN-NO-INVENTORY", 0, 0, at, "the adapter declared no inventory of this"
                            + " declaring agent with this inventory number: there is nothing to cancel"
                            + " (/Cancellation/DeclarationReference/Reference[@type='INVENTORY_NUMBER'])"));
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new RejectedMessageException(new Rejection(in.partnerName(), Optional.of(in.format), Optional.ofNullable(in.document),
                    refused, 0, in.format.id()));
        }
    }

    private List<XmlError> returnRequest(GoodsReturnType r, String at) {
        Optional<Inventories.Inventory> inventory = inventory(r.getDeclarationReference(),
                Parties.customsCode(r.getParty(), PartyRoleType.DECLARANT));
        String numberPath = " (/GoodsReturn/DeclarationReference/Reference[@type='INVENTORY_NUMBER'])";
        if (inventory.isEmpty()) {
            return List.of(new XmlError("RET-NO-INVENTORY", 0, 0, at, "the adapter declared no inventory of this declaring agent"
                    + " with this inventory number: there is nothing to return" + numberPath));
        }
        if (!Inventories.RELEASED.equals(inventory.get().state())) {
            return List.of(new XmlError("RET-NOT-RELEASED", 0, 0, at, "customs has not released the inventory: goods not"
                    + " released cannot be returned" + numberPath));
        }
        List<XmlError> errors = new ArrayList<>();
        for (ReturnLineType line : r.getLine()) {
            BigDecimal declared = inventory.get().quantities().get(line.getSequence());
            String path = " (/GoodsReturn/Line[" + line.getSequence() + "]/Quantity)";
            if (declared == null) {
                errors.add(new XmlError("RET-QUANTITY", 0, 0, at, "line " + line.getSequence()
                        + ": the inventory has no goods line of this number" + path));
            } else if (line.getQuantity().getValue().compareTo(declared) > 0) {
                errors.add(new XmlError("RET-QUANTITY", 0, 0, at, "line " + line.getSequence()
                        + ": more is returned than the inventory declared" + path));
            }
        }
        return errors;
    }

    private Optional<Inventories.Inventory> inventory(RefersToType refs, Optional<String> declarant) {
        Optional<String> number = refs == null ? Optional.empty() : refs.getReference().stream()
                .filter(ref -> "INVENTORY_NUMBER".equals(ref.getType())).map(ReferenceType::getValue)
                .filter(v -> v != null && !v.isBlank()).findFirst();
        if (number.isEmpty() || declarant.isEmpty()) {
            return Optional.empty();
        }
        return inventories.byCustomsNumber(declarant.get(), number.get());
    }
}
