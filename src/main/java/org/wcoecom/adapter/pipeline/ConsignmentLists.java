package org.wcoecom.adapter.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.Parties;
import org.wcoecom.adapter.canonical.model.ConsignmentListPurposeType;
import org.wcoecom.adapter.canonical.model.ConsignmentListType;
import org.wcoecom.adapter.canonical.model.HouseConsignmentType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.ReferenceType;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.message.RejectedMessageException;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.store.Inventories;
import org.wcoecom.adapter.store.RecordSenders;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Pipeline step: a list of parcels under a bill is checked, parcel by parcel, against what the adapter
 * knows before it goes to customs. A warehouse-entry list (CEB711, purpose WAREHOUSE_ENTRY) may name
 * only waybills the adapter forwarded (of the list's carrier when it names one): LST-NO-WAYBILL. A
 * master/sub waybill list (CEB607, MASTER_SUB_LIST) may name only export inventories the adapter
 * declared for the list's declaring agent: LST-NO-INVENTORY. Refused whole otherwise, in the sender's
 * receipt format, naming each parcel's path; the receipt never tells what the adapter knows of another
 * party's waybills or inventories.
 */
public final class ConsignmentLists {

    public static final String NO_WAYBILL = "LST-NO-WAYBILL";
    public static final String NO_INVENTORY = "LST-NO-INVENTORY";

    private final Inventories inventories;
    private final RecordSenders senders;
    private final Set<String> waybillFormats;

    /**
     * @param waybillFormats the formats whose records are waybills (kinds waybill and export-waybill):
     *                       a parcel is a waybill the adapter forwarded when a record of one of them names it
     */
    public ConsignmentLists(Inventories inventories, RecordSenders senders, Set<String> waybillFormats) {
        this.inventories = inventories;
        this.senders = senders;
        this.waybillFormats = Set.copyOf(waybillFormats);
    }

    /** Camel step, after the documents are canonical. */
    public void check(Exchange exchange) throws RejectedMessageException {
        Inbound in = Inbound.of(exchange);
        List<XmlError> refused = new ArrayList<>();
        for (int i = 0; i < in.documents.size(); i++) {
            CanonicalDocument doc = in.documents.get(i);
            if (!"ConsignmentList".equals(doc.kind())) {
                continue;
            }
            ConsignmentListType list = (ConsignmentListType) Canonical.read(doc.xml());
            String at = i < in.records.size() ? in.records.get(i).path() : "/";
            if (list.getPurpose() == ConsignmentListPurposeType.WAREHOUSE_ENTRY) {
                refused.addAll(warehouseEntry(list, at));
            } else if (list.getPurpose() == ConsignmentListPurposeType.MASTER_SUB_LIST) {
                refused.addAll(masterSubList(list, at));
            }
        }
        if (!refused.isEmpty()) {
            throw new RejectedMessageException(new Rejection(in.partnerName(), Optional.of(in.format), Optional.ofNullable(in.document),
                    refused, 0, in.format.id()));
        }
    }

    private List<XmlError> warehouseEntry(ConsignmentListType list, String at) {
        Optional<String> carrier = Parties.customsCode(list.getParty(), PartyRoleType.LOGISTICS_OPERATOR);
        List<XmlError> errors = new ArrayList<>();
        for (int n = 0; n < list.getHouseConsignment().size(); n++) {
            HouseConsignmentType parcel = list.getHouseConsignment().get(n);
            String waybill = parcel.getTransportDocument() == null ? "" : parcel.getTransportDocument().getValue();
            Map<String, String> refs = new LinkedHashMap<>();
            refs.put("WAYBILL_NUMBER", waybill);
            carrier.ifPresent(c -> refs.put("LOGISTICS_CODE", c));
            if (waybill.isBlank() || senders.findAny(waybillFormats, refs).isEmpty()) {
                errors.add(new XmlError(NO_WAYBILL, 0, 0, at, "parcel " + parcel.getSequence() + ": the adapter forwarded no"
                        + " waybill of this number" + (carrier.isPresent() ? " of this carrier" : "")
                        + " (/ConsignmentList/HouseConsignment[" + (n + 1) + "]/TransportDocument)"));
            }
        }
        return errors;
    }

    private List<XmlError> masterSubList(ConsignmentListType list, String at) {
        Optional<String> agent = Parties.customsCode(list.getParty(), PartyRoleType.DECLARANT);
        List<XmlError> errors = new ArrayList<>();
        for (int n = 0; n < list.getHouseConsignment().size(); n++) {
            HouseConsignmentType parcel = list.getHouseConsignment().get(n);
            Optional<String> number = parcel.getReference().stream().filter(r -> "INVENTORY_NUMBER".equals(r.getType()))
                    .map(ReferenceType::getValue).filter(v -> v != null && !v.isBlank()).findFirst();
            if (number.isEmpty()) {
                continue; // a parcel whose inventory the list does not name (the schema lets it leave invtNo out)
            }
            boolean declared = agent.flatMap(a -> inventories.byCustomsNumber(a, number.get()))
                    .filter(inv -> "EXPORT".equals(inv.direction())).isPresent();
            if (!declared) {
                errors.add(new XmlError(NO_INVENTORY, 0, 0, at, "parcel " + parcel.getSequence() + ": the adapter declared no"
                        + " export inventory of this declaring agent with this inventory number"
                        + " (/ConsignmentList/HouseConsignment[" + (n + 1) + "]/Reference[@type='INVENTORY_NUMBER'])"));
            }
        }
        return errors;
    }
}
