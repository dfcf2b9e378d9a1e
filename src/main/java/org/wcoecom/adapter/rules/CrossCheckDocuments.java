package org.wcoecom.adapter.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.Parties;
import org.wcoecom.adapter.canonical.References;
import org.wcoecom.adapter.canonical.model.BatchType;
import org.wcoecom.adapter.canonical.model.FunctionType;
import org.wcoecom.adapter.canonical.model.HeaderType;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.PaymentType;
import org.wcoecom.adapter.canonical.model.ShipmentType;
import org.wcoecom.adapter.canonical.model.TradeDirectionCodeType;
import org.wcoecom.adapter.canonical.model.TradeDirectionType;

/**
 * What the three-document check needs to know of a canonical order, payment or waybill: which
 * group it belongs to (platform and order number), who sent it and how, and the codes the slot
 * rules compare.
 */
public final class CrossCheckDocuments {

    /** The kinds a group gathers, in the order they are named. */
    public static final List<String> KINDS = List.of("Order", "Payment", "Shipment");

    /**
     * Export documents gather in groups of their own, under their order number behind this prefix: an
     * export order and an import order of the same number never meet.
     */
    public static final String EXPORT_GROUP = "EXPORT ";

    private CrossCheckDocuments() {
    }

    /**
     * A document on its way into a group.
     *
     * @param platform        the platform code the document carries (orders and payments do, waybills do not)
     * @param paymentProvider an order's named payment enterprise (payCode), or a payment's own
     * @param cancellation    the sender withdraws its document
     * @param amendment       a later version of a document sent before (appType 2)
     * @param export          an export order, receipt of payment or export waybill (TradeDirection EXPORT)
     */
    public record Arrival(String kind, String orderNumber, Optional<String> platform, Optional<String> paymentProvider,
                          String partner, String channel, String format, String recordId, boolean cancellation,
                          boolean amendment, LinkedHashMap<String, String> references, byte[] xml, boolean export) {

        /** The key of the groups it may join: its order number, behind {@link #EXPORT_GROUP} for exports. */
        public String group() {
            return export ? EXPORT_GROUP + orderNumber : orderNumber;
        }
    }

    /** The order number of a group's key. */
    public static String orderNumber(String groupKey) {
        return isExport(groupKey) ? groupKey.substring(EXPORT_GROUP.length()) : groupKey;
    }

    public static boolean isExport(String groupKey) {
        return groupKey.startsWith(EXPORT_GROUP);
    }

    /** The documents of a canonical message: one document, or each document of a batch. */
    public static List<Arrival> arrivals(byte[] xml) {
        Object doc = Canonical.read(xml);
        List<Arrival> arrivals = new ArrayList<>();
        if (doc instanceof BatchType batch) {
            for (Object d : batch.getOrderOrPaymentOrShipment()) {
                if (!unlinkedExportWaybill(d)) {
                    arrivals.add(arrival(d, Canonical.write(Canonical.element(d))));
                }
            }
        } else if (!unlinkedExportWaybill(doc)) {
            arrivals.add(arrival(doc, xml));
        }
        return arrivals;
    }

    /**
     * An export waybill names no order (CEB505 has no orderNo) unless its carrier names one in its note
     * ({@code orderNo:<number>}): one that does not is forwarded to customs, which meets it with the
     * inventory a declarant files, but the adapter has nothing to check it against.
     */
    private static boolean unlinkedExportWaybill(Object doc) {
        return doc instanceof ShipmentType s && s.getTradeDirection() != null
                && s.getTradeDirection().getValue() == TradeDirectionType.EXPORT
                && (s.getOrderNumber() == null || s.getOrderNumber().isBlank());
    }

    /** A stored document read again. */
    public static Arrival arrival(byte[] xml) {
        return arrival(Canonical.read(xml), xml);
    }

    /** The payment enterprise an order names, or a payment comes from. */
    public static Optional<String> paymentProvider(byte[] xml) {
        return arrival(xml).paymentProvider();
    }

    private static Arrival arrival(Object doc, byte[] xml) {
        HeaderType header;
        String kind;
        String orderNumber;
        Optional<String> platform = Optional.empty();
        Optional<String> provider = Optional.empty();
        TradeDirectionCodeType direction;
        if (doc instanceof OrderType o) {
            direction = o.getTradeDirection();
            header = o.getHeader();
            kind = "Order";
            orderNumber = o.getOrderNumber();
            platform = Parties.customsCode(o.getParty(), PartyRoleType.PLATFORM);
            provider = Parties.customsCode(o.getParty(), PartyRoleType.PAYMENT_SERVICE_PROVIDER);
        } else if (doc instanceof PaymentType p) {
            direction = p.getTradeDirection();
            header = p.getHeader();
            kind = "Payment";
            orderNumber = p.getOrderNumber();
            platform = Parties.customsCode(p.getParty(), PartyRoleType.PLATFORM);
            provider = Parties.customsCode(p.getParty(), PartyRoleType.PAYMENT_SERVICE_PROVIDER);
        } else if (doc instanceof ShipmentType s) {
            direction = s.getTradeDirection();
            header = s.getHeader();
            kind = "Shipment";
            orderNumber = s.getOrderNumber();
        } else {
            throw new IllegalArgumentException("the cross-check takes orders, payments and waybills, not " + doc.getClass().getSimpleName());
        }
        if (orderNumber == null || orderNumber.isBlank()) {
            throw new IllegalArgumentException(kind + " " + header.getRecordId() + " names no order: it cannot be cross-checked");
        }
        var source = header.getSource();
        return new Arrival(kind, orderNumber.trim(), platform.filter(s -> !s.isBlank()), provider, source.getPartner(),
                source.getChannel() == null ? "jms" : source.getChannel(), source.getFormat(), header.getRecordId(),
                header.getFunction().getValue() == FunctionType.CANCELLATION, header.getFunction().getValue() == FunctionType.AMENDMENT,
                References.of(doc), xml,
                direction != null && direction.getValue() == TradeDirectionType.EXPORT);
    }
}
