package org.wcoecom.adapter.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.Parties;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.GoodsMovementType;
import org.wcoecom.adapter.canonical.model.HouseConsignmentType;
import org.wcoecom.adapter.canonical.model.MovementType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.TradeDirectionType;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.message.RejectedMessageException;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.store.ExportParcels;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Pipeline step: an export arrival report (CEB507) or departure report (CEB509) is matched, parcel by
 * parcel (carrier's code and waybill number), to the export inventories the adapter declared. A parcel
 * of no declared inventory is refused (MOV-NO-INVENTORY), a departure of a parcel that never arrived
 * at a supervised site too (MOV-NOT-ARRIVED), in the sender's receipt format, naming the parcel's path
 * and never the inventory's values. When the whole message may go, its parcels are recorded as arrived
 * or departed, in the message's database transaction (the claim), unless it is a duplicate.
 */
public final class GoodsMovements {

    public static final String NO_INVENTORY = "MOV-NO-INVENTORY";
    public static final String NOT_ARRIVED = "MOV-NOT-ARRIVED";

    private final ExportParcels parcels;

    public GoodsMovements(ExportParcels parcels) {
        this.parcels = parcels;
    }

    /** Camel step, after the documents are canonical. */
    public void check(Exchange exchange) throws RejectedMessageException {
        Inbound in = Inbound.of(exchange);
        List<XmlError> refused = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        for (int i = 0; i < in.documents.size(); i++) {
            CanonicalDocument doc = in.documents.get(i);
            if (!"GoodsMovement".equals(doc.kind())) {
                continue;
            }
            GoodsMovementType m = (GoodsMovementType) Canonical.read(doc.xml());
            if (m.getTradeDirection() == null || m.getTradeDirection().getValue() != TradeDirectionType.EXPORT) {
                continue; // an import arrival (ieFlag I) covers no export inventory: forwarded unchecked
            }
            String at = i < in.records.size() ? in.records.get(i).path() : "/";
            Optional<String> carrier = Parties.customsCode(m.getParty(), PartyRoleType.LOGISTICS_OPERATOR);
            boolean departure = m.getMovement() == MovementType.DEPARTURE;
            Instant when = Instant.now();
            for (int n = 0; n < m.getHouseConsignment().size(); n++) {
                HouseConsignmentType parcel = m.getHouseConsignment().get(n);
                String path = " (/GoodsMovement/HouseConsignment[" + (n + 1) + "]/TransportDocument)";
                String waybill = parcel.getTransportDocument() == null ? "" : parcel.getTransportDocument().getValue();
                Optional<ExportParcels.Parcel> found = carrier.flatMap(c -> parcels.byWaybill(c, waybill));
                if (found.isEmpty()) {
                    refused.add(new XmlError(NO_INVENTORY, 0, 0, at, "parcel " + parcel.getSequence() + ": the adapter declared no"
                            + " export inventory for this carrier's waybill number" + path));
                } else if (departure && found.get().arrivedAt().isEmpty()) {
                    refused.add(new XmlError(NOT_ARRIVED, 0, 0, at, "parcel " + parcel.getSequence() + ": no arrival report"
                            + " (CEB507) says it reached a supervised site: it cannot have left" + path));
                } else {
                    moved.add(new Moved(i, found.get().declarant(), found.get().localReference(), departure, when));
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new RejectedMessageException(new Rejection(in.partnerName(), Optional.of(in.format), Optional.ofNullable(in.document),
                    refused, 0, in.format.id()));
        }
        in.movements.clear();
        in.movements.addAll(moved);
    }

    /**
     * An export parcel a report of document {@code document} marks as arrived or departed: written in the
     * message's one database transaction (Intake.claim), so a message that is rolled back marks nothing.
     */
    record Moved(int document, String declarant, String localReference, boolean departure, Instant at) {
    }

    /** What the export parcels store keeps of an export inventory the adapter declares (assembled or forwarded). */
    record Parcel(String declarant, String localReference, String carrier, String waybill, String seller, byte[] declaration) {
    }

    /** An export declaration's parcel; empty for an import one, or one without declaring agent or own number. */
    static Optional<Parcel> parcel(DeclarationType d) {
        if (d.getTradeDirection() == null || d.getTradeDirection().getValue() != TradeDirectionType.EXPORT) {
            return Optional.empty();
        }
        Optional<String> declarant = Parties.customsCode(d.getParty(), PartyRoleType.DECLARANT);
        if (declarant.isEmpty() || d.getLocalReference() == null || d.getLocalReference().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Parcel(declarant.get(), d.getLocalReference(),
                Parties.customsCode(d.getParty(), PartyRoleType.LOGISTICS_OPERATOR).orElse(null),
                d.getTransportDocument() == null ? null : d.getTransportDocument().getValue(),
                Parties.customsCode(d.getParty(), PartyRoleType.SELLER).orElse(null),
                Canonical.write(Canonical.element(d))));
    }

    /** Keeps an export inventory the adapter declares by its parcel, on the caller's transaction. */
    static void record(Connection c, DeclarationType d) throws SQLException {
        Optional<Parcel> p = parcel(d);
        if (p.isPresent()) {
            ExportParcels.declared(c, p.get().declarant(), p.get().localReference(), p.get().carrier(), p.get().waybill(),
                    p.get().seller(), p.get().declaration());
        }
    }
}
